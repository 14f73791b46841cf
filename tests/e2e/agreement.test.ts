// Two coders on one seed report, as a team meets it: coding blind, the agreement table (exported), the disagreement
// queue settled and undone, and the decisions drafted into a memo. Screenshots of each screen.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { launchApp, type AppSession } from '../support/app.js';
import { runCommand } from '../support/page.js';
import { highlightAndTag, openDocument, SEED_ISTANBUL } from '../support/reader.js';

let app: AppSession;
/** Answers for window.prompt / window.confirm, in order. */
const answers: (string | boolean)[] = [];

before(async () => {
  app = await launchApp();
  app.page.on('dialog', (dialog) => {
    const answer = answers.shift();
    if (answer === false) void dialog.dismiss();
    else void dialog.accept(typeof answer === 'string' ? answer : undefined);
  });
});
after(async () => {
  await app?.close();
});

const BOTH = 'diplomats from both countries met in Istanbul on Thursday';
const ANN_ONLY = 'restore staffing at their embassies';
const BEA_ONLY = 'mutual expulsions of diplomats';

const marginItems = () => app.page.locator('.margin-item');

test('two coders code the same report; blind mode shows only my own passages until I compare', async () => {
  const { page } = app;
  await openDocument(page, SEED_ISTANBUL);
  await highlightAndTag(page, BOTH, 'Visas');
  await highlightAndTag(page, ANN_ONLY, 'Staffing');
  answers.push('Ann');
  await runCommand(app.page, 'Set your name as a coder');
  await page.locator('.statusbar', { hasText: 'Coder renamed to “Ann”' }).waitFor();
  answers.push('Bea', true);
  await runCommand(app.page, 'Add a coder');
  await page.locator('.statusbar', { hasText: 'You now code as Bea' }).waitFor();
  await page.keyboard.press('Control+Shift+B');
  await page.locator('.coder-filter-notice', { hasText: 'Blind coding' }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.margin-item').length === 0);
  await highlightAndTag(page, BOTH, 'Visas');
  await highlightAndTag(page, BEA_ONLY, 'Visas');
  await page.waitForFunction(() => document.querySelectorAll('.margin-item').length === 2);
  assert.equal(await marginItems().locator('.coder-name', { hasText: /^Ann$/ }).count(), 0);
  assert.equal(await marginItems().locator('.coder-name', { hasText: /^Bea$/ }).count(), 2);
  await app.screenshot('agreement-blind-margin');
  await page.keyboard.press('Control+9');
  await page.getByRole('button', { name: 'Compare now' }).click();
  await page.getByRole('button', { name: 'Reader' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.margin-item').length === 4);
  assert.equal(await page.locator('.coder-filter-notice').count(), 0);
});

test('the agreement table shows percent, kappa and alpha per tag and exports as CSV', async () => {
  const { page } = app;
  await page.keyboard.press('Control+9');
  const table = page.locator('.agreement-table');
  await table.waitFor();
  const visas = table.locator('tbody tr', { hasText: 'Visas' });
  const staffing = table.locator('tbody tr', { hasText: 'Staffing' });
  const total = table.locator('tbody tr.agreement-total');
  await total.waitFor();
  // Character level: both coded BOTH; Bea alone 30 characters of Visas, Ann alone 35 of Staffing.
  assert.match(await visas.innerText(), /Visas\s+[\d,]+\s+9\d\.\d%\s+0\.\d{3}\s+0\.\d{3}\s+1\s+2/);
  assert.match(await staffing.innerText(), /Staffing\s+[\d,]+\s+9\d\.\d%\s+0\.000\s+-?0\.\d{3}\s+1\s+0/);
  assert.match(await page.locator('.agreement-summary').innerText(), /Ann, Bea over 1 document/);
  await app.screenshot('agreement-table');

  await page.getByRole('tab', { name: 'Passages' }).click();
  await page.getByRole('spinbutton', { name: 'Overlap threshold (percent)' }).waitFor();
  await page.locator('.agreement-summary', { hasText: 'every passage is a unit' }).waitFor();
  assert.match(await visas.innerText(), /Visas\s+3\s+66\.7%/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file, 'utf8');
  assert.match(csv, /"tag","passages","percent agreement","Cohen's kappa","Krippendorff's alpha"/);
  assert.match(csv, /"Visas","3","66\.7","0\.4","0\.444","1","2"/);
});

test('the disagreement queue sets the two sides next to each other; a decision is recorded and undoable', async () => {
  const { page } = app;
  await page.getByRole('tab', { name: 'Disagreements' }).click();
  const items = page.locator('.disagreement');
  await items.nth(1).waitFor();
  assert.equal(await items.count(), 2);
  await app.screenshot('agreement-queue');
  const onlyBea = items.filter({ hasText: 'Only Bea coded it' });
  assert.match(await onlyBea.locator('.side', { hasText: 'Bea' }).locator('mark').innerText(), /mutual expulsions/);
  assert.match(await onlyBea.locator('.side', { hasText: 'Ann' }).innerText(), /not coded/);

  await onlyBea.getByRole('textbox', { name: 'Reason' }).fill('Expulsions are about staffing');
  await onlyBea.getByRole('button', { name: 'Keep Bea’s' }).click();
  await page.locator('.statusbar', { hasText: 'Decision recorded' }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.disagreement').length === 1);
  await page.getByRole('button', { name: 'Draft into memo (1)' }).waitFor();
  await page.locator('.decisions summary').click();
  assert.match(
    await page.locator('.decisions li').innerText(),
    /only Bea coded it → Bea’s kept · Bea, .* — Expulsions are about staffing/i,
  );

  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelectorAll('.disagreement').length === 2);
  await page.keyboard.press('Control+Shift+z');
  await page.waitForFunction(() => document.querySelectorAll('.disagreement').length === 1);

  await page.getByRole('button', { name: 'Draft into memo (1)' }).click();
  const editor = page.locator('.memo-editor, .ProseMirror').first();
  await editor.waitFor();
  await page.locator('.ProseMirror', { hasText: 'Settled disagreements: Bea and Ann' }).waitFor();
  await page.locator('.ProseMirror', { hasText: 'Why: Expulsions are about staffing' }).waitFor();
  await app.screenshot('agreement-memo');
});

test('the queue reads in the dark colour scheme too', async () => {
  const { page } = app;
  await page.keyboard.press('Control+Shift+9');
  await page.locator('.disagreement').first().waitFor();
  const toggle = page.getByRole('button', { name: /^Colour scheme/ });
  while ((await toggle.getAttribute('aria-label')) !== 'Colour scheme: dark') await toggle.click();
  await app.screenshot('agreement-queue-dark');
  await page.keyboard.press('Control+9');
  await page.getByRole('tab', { name: 'Agreement table' }).click();
  await page.locator('.agreement-table').waitFor();
  await app.screenshot('agreement-table-dark');
});
