// The Team panel as an owner meets it: open it from the palette, publish the project to a team server (embedded
// PGlite here; the PostgreSQL path is covered by tests/integration/team.test.ts), see the sync state and members,
// invite a coder, and see a sync error when the server is gone.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openTeamStore, type TeamStore } from '../../electron/db/team/store.js';
import { startTeamServer, type TeamServer } from '../../electron/team/server.js';
import { launchApp, type AppSession } from '../support/app.js';
import { runCommand } from '../support/page.js';
import { tempDir } from '../support/temp.js';

let app: AppSession;
let store: TeamStore;
let server: TeamServer;
let ownerToken: string;

before(async () => {
  store = await openTeamStore({ dataDir: path.join(tempDir('gloss-team-e2e-'), 'pglite') });
  server = await startTeamServer(store);
  ownerToken = (await store.addMember('Ann', 'owner')).token;
  app = await launchApp();
});
after(async () => {
  await app?.close();
  await server?.close();
  await store?.close();
});

test('an owner publishes the project, sees it in sync, invites a coder and withdraws her', async () => {
  const { page } = app;
  await page.locator('.doc-list .doc-item').first().waitFor();
  await runCommand(app.page, 'Open the Team panel');
  const panel = page.getByRole('region', { name: 'Team' });
  await panel.getByLabel('Team server link').fill(server.url);
  await panel.getByLabel('Your token').fill(ownerToken);
  await app.screenshot('team-panel-publish');
  await panel.getByRole('button', { name: 'Publish this project' }).click();
  await panel.locator('.team-state', { hasText: 'In sync' }).waitFor();
  assert.ok((await store.head()) > 0, 'the project reached the server');
  await panel.getByRole('textbox', { name: 'Name' }).fill('Bea');
  await panel.getByRole('button', { name: 'Invite' }).click();
  await panel.locator('.team-token code').waitFor();
  await panel.locator('.team-members li', { hasText: 'Bea' }).waitFor();
  assert.match(await panel.locator('.team-members').innerText(), /Ann\s+owner[\s\S]*Bea\s+coder/);
  await app.screenshot('team-panel-synced');
  // Withdrawing cannot be undone (the server forgets the token), so the panel asks first.
  const beaToken = (await panel.locator('.team-token code').innerText()).trim();
  assert.ok(await store.memberByToken(beaToken), 'the invited token works');
  page.once('dialog', (dialog) => void dialog.accept());
  await panel.getByRole('button', { name: 'Withdraw Bea' }).click();
  await panel.locator('.team-members li', { hasText: 'Bea' }).waitFor({ state: 'detached' });
  assert.equal(await store.memberByToken(beaToken), undefined, 'the withdrawn token is refused');
  await page.getByText('Bea withdrawn.').waitFor();
});

test('a server that is gone shows as the last error', async () => {
  const { page } = app;
  await server.close();
  await page.getByRole('button', { name: 'Sync now' }).click();
  const panel = page.getByRole('region', { name: 'Team' });
  await panel.locator('.team-error', { hasText: 'cannot be reached' }).waitFor();
  await app.screenshot('team-panel-offline');
});
