// Memos of every kind in the real renderer: a memo about a passage and one about a document, a link from one to the
// other, the Memo index (search, kind filter, links both ways), and an evidence table inserted into a memo.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchApp, type AppSession } from '../support/app.js';
import { runCommand } from '../support/page.js';
import { SEED_ISTANBUL, SEED_TURKEY, highlightAndTag, openDocument, selectPhrase } from '../support/reader.js';

let app: AppSession;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});

const QUOTE = 'the primary goal was to address issues affecting the functionality of their diplomatic missions';
const OUTLETS = ['Kyiv Independent', 'Reuters', 'Anadolu', 'Associated Press', 'TASS'];

async function typeInMemo(text: string) {
  const { page } = app;
  await page.getByRole('textbox', { name: 'Memo', exact: true }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  await page.getByText('Memo saved.').waitFor();
}

test('memos about a passage and a document, linked, listed in the Memo index', async () => {
  const { page } = app;
  await openDocument(page, SEED_ISTANBUL);
  await selectPhrase(page, QUOTE);
  await page.keyboard.press('h');
  const item = page.locator('.margin-item.selected', { hasText: 'functionality of their diplomatic' });
  await item.waitFor();
  await item.getByRole('button', { name: 'New memo about this' }).click();
  await page.locator('.memo-subject', { hasText: 'Passage memo · about “the primary goal' }).waitFor();
  assert.match(await page.getByRole('textbox', { name: 'Memo title' }).inputValue(), /^On “the primary goal/);
  await typeInMemo('Staffing comes first for both sides.');

  await page.getByRole('button', { name: 'Reader', exact: true }).click();
  await page.locator('.margin .panel-header').getByRole('button', { name: 'New memo about this' }).click();
  await page.locator('.memo-subject', { hasText: `Document memo · about ${SEED_ISTANBUL}` }).waitFor();
  await typeInMemo('What this report adds: ');
  await page.getByRole('button', { name: 'Link a memo…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link a memo' });
  await dialog.getByRole('textbox', { name: 'Find a memo' }).fill('primary goal');
  await dialog.getByRole('button', { name: /On “the primary goal/ }).click();
  const link = page.locator('.memo-body .memo-link');
  await link.waitFor();
  await page.getByText('Memo saved.').waitFor();

  // The link opens the memo it names.
  await link.getByRole('button').click();
  await page.locator('.memo-subject', { hasText: 'Passage memo' }).waitFor();

  await page.keyboard.press('Control+6');
  const cards = page.locator('.memo-card');
  await cards.nth(1).waitFor();
  assert.equal(await cards.count(), 2);
  const documentCard = cards.filter({ hasText: 'Document memo' });
  await documentCard.locator('.memo-links', { hasText: 'Links to: ↗ On “the primary goal' }).waitFor();
  await cards
    .filter({ hasText: 'Passage memo' })
    .locator('.memo-links', { hasText: `Linked from: ↗ On ${SEED_ISTANBUL}` })
    .waitFor();
  await app.screenshot('memo-index');

  await page.getByRole('searchbox', { name: 'Search memos' }).fill('staffing comes first');
  await page.waitForFunction(() => document.querySelectorAll('.memo-card').length === 1);
  await cards.filter({ hasText: 'Passage memo' }).waitFor();
  await page.getByRole('searchbox', { name: 'Search memos' }).fill('');
  await page.getByLabel('Kind').selectOption({ label: 'Document memos' });
  await page.waitForFunction(() => document.querySelectorAll('.memo-card').length === 1);
  await cards.filter({ hasText: 'Document memo' }).waitFor();
  await page.getByLabel('Kind').selectOption({ label: 'All kinds' });

  // A memo card opens its memo in the composer.
  await documentCard.locator('.memo-card-title').click();
  await page.locator('.memo-subject', { hasText: 'Document memo' }).waitFor();
  await runCommand(app.page, 'Undo');
  await runCommand(app.page, 'Undo');
});

test('an evidence table of claims × sources with grades goes into a memo', async () => {
  const { page } = app;
  // Name each report's outlet and grade two of them, as an analyst would.
  const rows = page.locator('.doc-list .doc-item');
  for (let i = 0; i < OUTLETS.length; i++) {
    await rows.nth(i).click();
    await page.getByRole('button', { name: 'Edit details' }).click();
    const form = page.getByRole('form', { name: 'Document details' });
    await form.getByLabel('Outlet / source').fill(OUTLETS[i]);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    if (i < 2) await page.getByLabel('Source reliability').selectOption(i === 0 ? 'B' : 'D');
  }
  await page.keyboard.press('Control+3');
  await page.locator('.memo-editor').waitFor();
  await page.getByRole('button', { name: 'Insert evidence table' }).click();
  const table = page.getByLabel('Evidence table');
  await table.locator('tbody tr').first().waitFor({ timeout: 30_000 });
  const headers = await table.locator('thead th').allTextContents();
  assert.equal(headers[0], 'Claim');
  assert.ok(
    headers.slice(1).every((h) => OUTLETS.includes(h)),
    headers.join(', '),
  );
  assert.ok((await table.locator('td button', { hasText: /^B/ }).count()) > 0, 'a graded cell shows the grade');
  await page.getByText('Memo saved.').waitFor();
  await table.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await app.screenshot('memo-evidence-table');

  // A cell opens its source's sentence.
  await table.locator('td button').first().click();
  await page.locator('.reader .doc-headline').waitFor();
});

test('“Draft from claims” writes a section per claim citing each source', async () => {
  const { page } = app;
  await page.keyboard.press('Control+3');
  await runCommand(app.page, 'Draft a memo from claims');
  const dialog = page.getByRole('dialog', { name: 'Draft from claims' });
  await dialog.getByRole('button', { name: 'Draft memo' }).click();
  await page.locator('.memo-body h3').first().waitFor({ timeout: 30_000 });
  const citations = page.locator('.memo-body .citation-block');
  assert.ok((await citations.count()) >= 2);
  const caption = (await citations.first().locator('figcaption').textContent()) ?? '';
  assert.ok(
    OUTLETS.some((o) => caption.includes(o)),
    caption,
  );
  await page.getByLabel('Evidence table').waitFor();
  await app.screenshot('memo-draft-from-claims');
});

test('a chart from the analysis view goes into the open memo as an image with its caption', async () => {
  const { page } = app;
  await openDocument(page, SEED_TURKEY);
  await highlightAndTag(page, 'Russia has proposed restoring direct air links with the United States', 'Air links');
  await page.keyboard.press('Control+4');
  await page.getByRole('tab', { name: 'Chart' }).click();
  await page.locator('.chart svg[aria-label="Bar chart of tag frequency"]').waitFor();
  await page.getByRole('button', { name: 'Insert into memo' }).click();
  const chart = page.locator('.memo-body .memo-chart');
  await chart.waitFor();
  await page.getByText('Memo saved.').waitFor();
  assert.match(
    (await chart.locator('figcaption').textContent()) ?? '',
    /^Coded passages by document, stacked by tag \(Air links\)\.$/,
  );
  const size = await chart.locator('img').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  assert.ok(size[0] > 500 && size[1] > 50, `a real chart image, ${size.join(' × ')}`);
  await chart.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await app.screenshot('memo-chart');
});
