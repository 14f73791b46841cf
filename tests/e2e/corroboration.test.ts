// Corroboration and grading as an analyst meets them: a passage's "reported by" badge and its other sources in the
// margin, the Claims view, and a memo whose citations carry their grade and corroboration. Screenshots of each.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchApp, type AppSession } from '../support/app.js';
import { runCommand } from '../support/page.js';
import { openDocument, selectPhrase, SEED_ORIGINAL, SEED_PARAPHRASE, SEED_TURKEY } from '../support/reader.js';

let app: AppSession;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});

const PARAPHRASE = SEED_PARAPHRASE;
const CLAIM = 'Ties between Moscow and Washington had deteriorated to their lowest point since the Cold War';

test('a highlighted claim shows who else reports it, and opens their passage', async () => {
  const { page } = app;
  await openDocument(page, PARAPHRASE);
  await runCommand(app.page, "Grade the open document's source C — Fairly");
  await selectPhrase(page, CLAIM);
  await page.keyboard.press('h');
  const item = page.locator('.margin-item', { hasText: 'lowest point since the Cold War' });
  await item.locator('.reported-by', { hasText: /reported by [2-5] outlets/ }).waitFor();
  await item.locator('.margin-quote').click();
  await runCommand(app.page, 'Grade the selected passage 2 — Probably');
  await item.locator('.grade-badge', { hasText: 'C2' }).waitFor();
  await item.getByRole('button', { name: 'Who else reports this?' }).click();
  const match = item.locator('.corroboration-match', { hasText: 'plummeted to their lowest levels' });
  await match.waitFor();
  await app.screenshot('corroboration-margin');
  await match.click();
  await page.locator('.reader .doc-headline', { hasText: SEED_ORIGINAL }).waitFor();
});

test('the Claims view lists shared claims with their sources, and single-sourced ones apart', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'Claims' }).click();
  const shared = page.locator('.claim', { hasText: 'Cold War' }).first();
  await shared.waitFor();
  assert.ok((await shared.locator('.claim-source').count()) >= 2);
  await app.screenshot('claims-view');
  await page.getByRole('tab', { name: /Single-sourced/ }).click();
  await page.locator('.claim.single').first().waitFor();
  assert.equal(await page.locator('.claim:not(.single)').count(), 0);
});

test('a memo citation carries the grade and who else reports the passage', async () => {
  const { page } = app;
  await openDocument(page, PARAPHRASE);
  const item = page.locator('.margin-item', { hasText: 'lowest point since the Cold War' });
  await item.locator('.margin-quote').click();
  await page.getByRole('button', { name: 'Memos' }).click();
  await page.getByRole('button', { name: /New memo/ }).click();
  await page.getByRole('button', { name: 'Reader' }).click();
  await item.locator('.margin-quote').click();
  await item.getByRole('button', { name: 'Cite in memo' }).click();
  const citation = page.locator('.citation-block', { hasText: 'lowest point since the Cold War' });
  await citation.waitFor();
  await citation.locator('.grade-badge', { hasText: 'C2' }).waitFor();
  await citation.locator('.reported-by', { hasText: /reported by [2-5] outlets/ }).waitFor();
  await openDocument(page, SEED_TURKEY);
  await selectPhrase(
    page,
    'Russian and U.S. diplomats convened in Istanbul to address disputes surrounding their embassies',
  );
  await page.keyboard.press('h');
  const second = page.locator('.margin-item', { hasText: 'convened in Istanbul to address disputes' });
  await second.locator('.margin-quote').click();
  await second.getByRole('button', { name: 'Cite in memo' }).click();
  await page.locator('.citation-block', { hasText: 'convened in Istanbul' }).waitFor();
  await app.screenshot('memo-graded-corroborated');
});
