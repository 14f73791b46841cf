// Selecting text to highlight, as people do it: a drag that overshoots the line or the column, a triple-click, the
// keyboard alone; and moving a highlight's ends with its grips or with Shift+arrow keys, undoably.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchApp, type AppSession } from '../support/app.js';
import { callApi } from '../support/page.js';
import { openDocument, SEED_ISTANBUL, selectPhrase } from '../support/reader.js';

let app: AppSession;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});
beforeEach(async () => {
  await deleteAllHighlights(app.page);
  await app.page.reload();
  await openDocument(app.page, SEED_ISTANBUL);
});

const SENTENCE = 'diplomats from both countries met in Istanbul on Thursday';

interface StoredHighlight {
  id: number;
  exact: string;
  start: number;
  end: number;
}

async function openDocumentId(page: Page): Promise<number> {
  const page1 = await callApi<{ rows: { id: number; title: string }[] }>(page, 'documents.page', { limit: 100 });
  return page1.rows.find((d) => d.title.includes(SEED_ISTANBUL))!.id;
}

async function storedHighlights(page: Page): Promise<StoredHighlight[]> {
  return callApi(page, 'highlights.list', { documentId: await openDocumentId(page) });
}

async function deleteAllHighlights(page: Page): Promise<void> {
  for (const h of await storedHighlights(page)) await callApi(page, 'highlights.delete', { id: h.id });
}

/** The screen box of `text` in the reader (scrolled into view), for real mouse gestures. */
async function boxOf(page: Page, text: string) {
  return page.evaluate((text) => {
    const p = [...document.querySelectorAll<HTMLElement>('.reader-text [data-start]')].find((el) =>
      el.textContent?.includes(text),
    )!;
    p.scrollIntoView({ block: 'center' });
    const node = p.firstChild!;
    const at = p.textContent!.indexOf(text);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const first = range.getBoundingClientRect();
    const paragraph = p.getBoundingClientRect();
    return { x: first.left + 1, y: first.top + first.height / 2, right: paragraph.right, bottom: paragraph.bottom };
  }, text);
}

async function waitForHighlights(page: Page, count: number): Promise<StoredHighlight[]> {
  for (let i = 0; i < 50; i++) {
    const stored = await storedHighlights(page);
    if (stored.length === count) return stored;
    await page.waitForTimeout(100);
  }
  throw new Error(`expected ${count} highlights`);
}

test('a drag released beyond the column, over the margin, highlights up to the last character selected', async () => {
  const { page } = app;
  const box = await boxOf(page, SENTENCE);
  await page.mouse.move(box.x, box.y);
  await page.mouse.down();
  // Down to the paragraph's last line and far right, past the text column into the margin pane.
  await page.mouse.move(box.right + 400, box.bottom - 8, { steps: 8 });
  await page.mouse.up();
  await page.getByRole('toolbar', { name: 'Selection' }).waitFor();
  await page.keyboard.press('h');
  const [stored] = await waitForHighlights(page, 1);
  assert.ok(stored.exact.startsWith(SENTENCE), stored.exact);
  const paragraph = await page.evaluate(
    (text) =>
      [...document.querySelectorAll<HTMLElement>('.reader-text [data-start]')].find((el) =>
        el.textContent?.includes(text),
      )!.textContent!,
    SENTENCE,
  );
  assert.equal(stored.exact, paragraph.slice(paragraph.indexOf(SENTENCE)).trimEnd(), 'to the end of the paragraph');
  assert.doesNotMatch(stored.exact, /\n/);
});

test('a triple-clicked paragraph is highlighted without its paragraph break', async () => {
  const { page } = app;
  const box = await boxOf(page, SENTENCE);
  await page.mouse.click(box.x + 30, box.y, { clickCount: 3 });
  await page.getByRole('toolbar', { name: 'Selection' }).waitFor();
  await page.keyboard.press('h');
  const [stored] = await waitForHighlights(page, 1);
  assert.ok(stored.exact.length > SENTENCE.length);
  assert.doesNotMatch(stored.exact, /\s$/, 'no trailing break or space');
  assert.doesNotMatch(stored.exact, /^\s/);
});

test('with the keyboard alone: F7 places a caret, Shift+Ctrl+arrows select words, H highlights', async () => {
  const { page } = app;
  await page.locator('.reader').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('F7');
  await page.locator('.reader-caret').waitFor();
  await page.locator('.statusbar', { hasText: 'Keyboard selection' }).waitFor();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  await page.getByRole('toolbar', { name: 'Selection' }).waitFor();
  const selected = await page.evaluate(() => window.getSelection()!.toString());
  assert.equal(selected.trim().split(/\s+/).length, 3, `three words: ${selected}`);
  await page.keyboard.press('h');
  const [stored] = await waitForHighlights(page, 1);
  assert.equal(stored.exact, selected.trim());
  await page.locator('.reader-caret').waitFor({ state: 'detached' });
  await app.screenshot('keyboard-highlight');
});

test("a highlight's ends move with Shift+arrow keys and with its grips, each undoable", async () => {
  const { page } = app;
  await selectPhrase(page, 'countries met');
  await page.keyboard.press('h');
  const [created] = await waitForHighlights(page, 1);
  assert.equal(created.exact, 'countries met');
  await page.locator('.highlight-grip.end').waitFor();

  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.locator('.margin-quote', { hasText: 'countries met in' }).waitFor();
  assert.equal((await storedHighlights(page))[0].exact, 'countries met in');
  await page.keyboard.press('Control+Alt+Shift+ArrowLeft');
  await page.locator('.margin-quote', { hasText: 'both countries met in' }).waitFor();
  assert.equal((await storedHighlights(page))[0].exact, 'both countries met in');
  await page.keyboard.press('Control+z');
  await page.locator('.statusbar', { hasText: 'Undid' }).waitFor();
  assert.equal((await storedHighlights(page))[0].exact, 'countries met in');

  // Drag the end grip to the end of "Istanbul".
  const grip = await page.locator('.highlight-grip.end').boundingBox();
  const target = await page.evaluate(() => {
    const p = [...document.querySelectorAll<HTMLElement>('.reader-text [data-start]')].find((el) =>
      el.textContent?.includes('met in Istanbul'),
    )!;
    const at = p.textContent!.indexOf('met in Istanbul') + 'met in Istanbul'.length;
    const range = document.createRange();
    range.setStart(p.firstChild!, at - 1);
    range.setEnd(p.firstChild!, at);
    const r = range.getBoundingClientRect();
    return { x: r.right - 1, y: r.top + r.height / 2 };
  });
  await page.mouse.move(grip!.x + grip!.width / 2, grip!.y + grip!.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 6 });
  await page.mouse.up();
  await page.locator('.margin-quote', { hasText: 'countries met in Istanbul' }).waitFor();
  assert.equal((await storedHighlights(page))[0].exact, 'countries met in Istanbul');
  await app.screenshot('highlight-grips');
  await page.keyboard.press('Control+z');
  await page.locator('.margin-quote', { hasText: /^“countries met in”$/ }).waitFor();
});

test('in-vivo coding: V highlights the selection and tags it with its own words', async () => {
  const { page } = app;
  await selectPhrase(page, 'operational framework');
  await page.keyboard.press('v');
  const item = page.locator('.margin-item', { hasText: 'operational framework' });
  await item.locator('.tag-chip', { hasText: 'operational framework' }).waitFor();
  const tags = await callApi<{ name: string; highlightCount: number }[]>(page, 'tags.list', {});
  assert.equal(tags.find((t) => t.name === 'operational framework')?.highlightCount, 1);
});
