import assert from 'node:assert/strict';
import fs from 'node:fs';
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
const QUOTE_A = 'the primary goal was to address issues affecting the functionality of their diplomatic missions';
const QUOTE_B = 'Russia has proposed restoring direct air links with the United States';

async function highlight(phrase: string) {
  await selectPhrase(app.page, phrase);
  await app.page.keyboard.press('h');
  await app.page.locator('.margin-item.selected', { hasText: phrase.slice(0, 30) }).waitFor();
}

test('a note written on a passage is still there after a reload', async () => {
  const { page } = app;
  await openDocument(page, DOC_A);
  await highlight(QUOTE_A);
  const editor = page.getByRole('textbox', { name: 'Note on this passage' });
  await editor.click();
  await page.keyboard.type('Staffing is the crux of these talks.');
  await page.getByText('Note saved.').waitFor();
  await page.reload();
  await openDocument(page, DOC_A);
  await page
    .locator('.margin-item', { hasText: 'functionality of their diplomatic' })
    .locator('.margin-note', { hasText: 'Staffing is the crux' })
    .waitFor();
  await page.locator('.margin-item', { hasText: 'functionality of their diplomatic' }).locator('.margin-quote').click();
  await page
    .getByRole('textbox', { name: 'Note on this passage' })
    .getByText('Staffing is the crux of these talks.')
    .waitFor();
});

test('a memo cites passages from two reports, a citation opens its passage, and the memo exports to four formats', async () => {
  const { page } = app;
  await page.locator('.margin-item.selected .link-button', { hasText: 'Cite in memo' }).click();
  await page.locator('.citation-block', { hasText: 'functionality of their diplomatic missions' }).waitFor();

  await page.getByRole('button', { name: 'Reader' }).click();
  await openDocument(page, DOC_B);
  await highlight(QUOTE_B);
  await page.locator('.highlight-toolbar').getByRole('button', { name: 'Cite' }).click();
  const citations = page.locator('.citation-block');
  await citations.nth(1).waitFor();
  assert.equal(await citations.count(), 2);
  assert.match(
    (await citations.nth(1).locator('figcaption').textContent()) ?? '',
    /Russian and US Diplomats Meet in Turkey/,
  );

  await page.getByRole('textbox', { name: 'Memo title' }).fill('Embassy talks memo');
  await page.getByRole('textbox', { name: 'Memo', exact: true }).click({ position: { x: 40, y: 24 } });
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Both outlets stress the narrow agenda.');
  await page.getByText('Memo saved.').waitFor();
  await app.screenshot('memo-composer');

  // A click selects the citation and stays in the memo; its link opens the passage.
  await citations.nth(1).locator('.citation-quote').click();
  await page.locator('.citation-block.selected').waitFor();
  assert.equal(await page.locator('.memo-editor').count(), 1, 'still in the memo');
  await citations.nth(1).getByRole('button', { name: 'Go to passage' }).click();
  await page.locator('.reader .doc-headline', { hasText: DOC_B }).waitFor();
  await page.locator('.margin-item.selected', { hasText: 'direct air links' }).waitFor();

  await page.getByRole('button', { name: 'Memos' }).click();
  await page.locator('.citation-block').nth(1).waitFor();
  for (const [label, ext] of [
    ['Markdown', 'md'],
    ['HTML', 'html'],
    ['Word', 'docx'],
    ['PDF', 'pdf'],
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.export-menu').getByRole('button', { name: label }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `Embassy-talks-memo.${ext}`);
    const file = await download.path();
    const bytes = fs.readFileSync(file!);
    assert.ok(bytes.length > 200, `${ext} export is not empty`);
    if (ext === 'md') {
      const md = bytes.toString('utf8');
      assert.match(md, /^# Embassy talks memo\n/, 'the Markdown opens with the title');
      assert.ok(md.includes('Both outlets stress the narrow agenda.'));
      assert.equal((md.match(/^\[\^\d\]:/gm) ?? []).length, 2);
    }
    if (ext === 'pdf') assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  }
});

test('the composer: a long title shows whole, citations leave no empty paragraphs, drafted headings look like headings', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'Memos' }).click();
  const memoCount = await page.locator('.memo-items [data-index]').count();
  await page.getByRole('button', { name: 'New memo' }).click();
  // The new memo is open once the list has grown and its (empty) title shows.
  await page.locator('.memo-items [data-index]').nth(memoCount).waitFor();
  await page.locator('.memo-title[value="Untitled memo"]').waitFor();
  await page.getByRole('textbox', { name: 'Memo title' }).fill('Embassy staffing talks, February 2025');
  await page.getByText('Memo saved.').waitFor();
  await page.getByRole('button', { name: 'Reader' }).click();
  await openDocument(page, DOC_A);
  await highlightAndTag(page, 'embassies in Moscow and Washington', 'Embassy staffing');
  for (const phrase of ['confirmed that Ukraine was not part of the talks', 'the second round of talks']) {
    await highlight(phrase);
    await page.locator('.highlight-toolbar').getByRole('button', { name: 'Cite' }).click();
    await page.locator('.citation-block', { hasText: phrase }).waitFor();
    await page.getByRole('button', { name: 'Reader' }).click();
    await openDocument(page, DOC_A);
  }
  await page.getByRole('button', { name: 'Memos' }).click();
  await page.locator('.memo-body .citation-block').nth(1).waitFor();
  assert.equal(await page.locator('.memo-body .citation-block').count(), 2, 'both citations are in the new memo');
  // The editor keeps one empty paragraph last, to type after a citation; none may stand between blocks.
  const emptyBetween = await page.evaluate(() => {
    const blocks = [...document.querySelectorAll('.memo-body > *')];
    return blocks.filter((b, i) => b.tagName === 'P' && b.textContent === '' && i < blocks.length - 1).length;
  });
  assert.equal(emptyBetween, 0, 'no empty paragraph left behind a citation');

  const title = page.getByRole('textbox', { name: 'Memo title' });
  assert.equal(await title.inputValue(), 'Embassy staffing talks, February 2025');
  const fits = await title.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth);
  assert.ok(fits, 'the whole 37-character title is visible at 1440 px');

  await page.getByRole('button', { name: 'Draft from tags…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Draft from tags' });
  await dialog.locator('label', { hasText: 'Embassy staffing' }).getByRole('checkbox').check();
  await dialog.getByRole('button', { name: 'Draft memo' }).click();
  const heading = page.locator('.memo-body h2', { hasText: 'Embassy staffing' });
  await heading.waitFor();
  const style = await heading.evaluate((el) => {
    const s = getComputedStyle(el);
    return { size: parseFloat(s.fontSize), transform: s.textTransform };
  });
  assert.ok(style.size >= 18, `a section heading is large (${style.size}px)`);
  assert.equal(style.transform, 'none');
  await app.screenshot('memo-drafted');
});
