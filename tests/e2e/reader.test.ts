import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchApp, type AppSession } from '../support/app.js';
import { SEED_ISTANBUL, SEED_TURKEY, highlightAndTag, openDocument, selectPhrase } from '../support/reader.js';

let app: AppSession;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});

const DOC_A = SEED_ISTANBUL;
const DOC_B = SEED_TURKEY;
const SENTENCE_A =
  'This meeting marks the second round of talks following a precedent-setting dialogue in Saudi Arabia last week';
const SENTENCE_B = 'Russian and U.S. diplomats convened in Istanbul to address disputes surrounding their embassies';

test('highlight and tag passages in two reports, then find both in the theme view and jump back', async () => {
  const { page } = app;
  await openDocument(page, DOC_A);
  await highlightAndTag(page, SENTENCE_A, 'embassy staffing');
  const margin = page.locator('.margin-item');
  await margin.first().waitFor();
  assert.equal(await margin.count(), 1);
  assert.match((await margin.first().textContent()) ?? '', /embassy staffing/);

  await openDocument(page, DOC_B);
  await highlightAndTag(page, SENTENCE_B, 'embassy staffing');
  await page.locator('.margin-item', { hasText: 'convened in Istanbul' }).waitFor();

  await page.getByRole('button', { name: 'Themes' }).click();
  await page.locator('.codebook-row', { hasText: 'embassy staffing' }).locator('input[type=checkbox]').check();
  const passages = page.locator('.theme-passage');
  await passages.nth(1).waitFor();
  assert.equal(await passages.count(), 2);
  const groups = await page.locator('.theme-group h3').allTextContents();
  assert.ok(
    groups.some((t) => t.startsWith(DOC_A)),
    groups.join(' | '),
  );
  assert.ok(
    groups.some((t) => t.startsWith(DOC_B)),
    groups.join(' | '),
  );
  await app.screenshot('themes-view');

  await page.locator('.theme-passage', { hasText: 'second round of talks' }).locator('.theme-quote').click();
  await page.locator('.reader .doc-headline', { hasText: DOC_A }).waitFor();
  await page.locator('.margin-item.selected', { hasText: 'second round of talks' }).waitFor();
  const visible = await page.evaluate((text) => {
    const p = [...document.querySelectorAll<HTMLElement>('.reader-text [data-start]')].find((el) =>
      el.textContent?.includes(text),
    )!;
    const r = p.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  }, 'second round of talks');
  assert.ok(visible, 'the passage is scrolled into view');
});

test('delete a highlight, undo and redo it', async () => {
  const { page } = app;
  await openDocument(page, DOC_B);
  const item = page.locator('.margin-item', { hasText: 'convened in Istanbul' });
  await item.locator('.margin-quote').click();
  await page
    .locator('.reader-text')
    .click({ position: { x: 2, y: 2 } })
    .catch(() => undefined);
  await item.locator('.margin-quote').click();
  await page
    .locator('.reader')
    .press('Delete')
    .catch(async () => {
      await page.keyboard.press('Delete');
    });
  await item.waitFor({ state: 'detached' });
  await page.keyboard.press('Control+z');
  await item.waitFor();
  assert.match((await item.textContent()) ?? '', /embassy staffing/, 'undo restores the tags too');
  await page.keyboard.press('Control+Shift+z');
  await item.waitFor({ state: 'detached' });
  await page.keyboard.press('Control+z');
  await item.waitFor();
});

test('overlapping highlights in different tag colours are drawn, and everything survives a restart', async () => {
  const { page } = app;
  await openDocument(page, DOC_A);
  await highlightAndTag(page, 'diplomats from both countries met in Istanbul on Thursday', 'meeting');
  await highlightAndTag(page, 'met in Istanbul on Thursday to discuss the operational framework', 'logistics');
  await highlightAndTag(page, 'operational framework of their respective embassies', 'embassy staffing');
  await selectPhrase(page, 'restoring diplomatic and economic ties');
  await page.keyboard.press('h');
  await page.locator('.margin-item', { hasText: 'restoring diplomatic' }).waitFor();
  // Keyboard only: J moves to the next highlight, T tags it, Enter assigns.
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await page.locator('.margin-item.selected').first().waitFor();
  const first = await page.locator('.margin-item.selected .margin-quote').textContent();
  await page.keyboard.press('j');
  await page.waitForFunction(
    (text) => document.querySelector('.margin-item.selected .margin-quote')?.textContent !== text,
    first,
  );
  await page.keyboard.press('t');
  await page.keyboard.type('keyboard');
  await page.keyboard.press('Enter');
  await page.locator('.margin-item.selected .tag-chip', { hasText: 'keyboard' }).waitFor();
  await page.keyboard.press('Escape');
  const painted = await page.evaluate(() =>
    [...(CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.entries()]
      .filter(([name]) => name.startsWith('gloss-c'))
      .map(([, h]) => h.size),
  );
  assert.ok(painted.length >= 3, `one registered highlight per colour, got ${painted.length}`);
  await page.keyboard.press('Escape');
  await app.screenshot('reader-overlapping-highlights');

  await app.restart();
  await openDocument(page, DOC_A);
  await page.locator('.margin-item').nth(4).waitFor();
  assert.equal(await page.locator('.margin-item').count(), 5);
  await page.getByRole('button', { name: 'Themes' }).click();
  await page.locator('.codebook-row', { hasText: 'embassy staffing' }).locator('input[type=checkbox]').check();
  await page.locator('.theme-passage').nth(2).waitFor();
  assert.equal(await page.locator('.theme-passage').count(), 3);
});
