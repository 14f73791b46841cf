// A PDF on its own pages: imported, opened in the page view (pdf.js canvas and text layer), a passage selected
// on the page and highlighted, then found in the text view, cited with its page number.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchApp, type AppSession } from '../support/app.js';
import { figurePdf, statementPdf } from '../support/pdfFixtures.js';
import { tempDir } from '../support/temp.js';

let app: AppSession;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});

const PHRASE = 'The delegations met for six hours to discuss the normal operation';

/** Selects a phrase in the page view's text layer, as a drag would, and releases the mouse. */
async function selectOnPage(phrase: string): Promise<void> {
  const found = await app.page.evaluate((text) => {
    const spans = [...document.querySelectorAll<HTMLElement>('.pdf-page .textLayer span')];
    const joined = spans.map((s) => s.textContent ?? '').join('\n');
    const words = text.split(' ');
    // The phrase may wrap: start in the span holding its first words, end in the one holding its last.
    const first = spans.find((s) => s.textContent?.includes(words.slice(0, 3).join(' ')));
    const last = spans.find((s) => s.textContent?.includes(words.slice(-3).join(' ')));
    if (!first || !last || !joined) return false;
    const range = document.createRange();
    range.setStart(first.firstChild!, first.textContent!.indexOf(words[0]));
    const end = last.textContent!.indexOf(words.slice(-3).join(' ')) + words.slice(-3).join(' ').length;
    range.setEnd(last.firstChild!, end);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const rect = range.getBoundingClientRect();
    first.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }));
    return true;
  }, phrase);
  if (!found) throw new Error(`phrase not on the page: ${phrase}`);
}

test('highlight on the PDF page, see it in the text view, and back on the page', async () => {
  const { page } = app;
  const fixture = await statementPdf();
  const file = path.join(tempDir(), fixture.name);
  fs.writeFileSync(file, fixture.bytes);
  await page.getByLabel('Import files').setInputFiles(file);
  await page.locator('.doc-item', { hasText: fixture.title }).first().click();

  await page.getByRole('radio', { name: 'Pages' }).waitFor();
  await page.locator('.pdf-page[data-page="1"] .textLayer span').first().waitFor();
  await selectOnPage(PHRASE);
  await page.locator('.floating-toolbar[aria-label="Selection"]').waitFor();
  await page.keyboard.press('h');
  const mark = page.locator('.pdf-page[data-page="1"] .pdf-mark');
  await mark.first().waitFor();
  const marginItem = page.locator('.margin-item', { hasText: 'The delegations met for six hours' });
  await marginItem.waitFor();
  assert.match((await marginItem.textContent()) ?? '', /delegations met for six hours to discuss the normal operation/);
  await app.screenshot('pdf-page-view');

  await page.getByRole('radio', { name: 'Text' }).click();
  await page.locator('.reader-text').waitFor();
  const painted = await page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, { forEach(f: (r: Range) => void): void }> })
      .highlights;
    const texts: string[] = [];
    registry.forEach((h) => h.forEach((r) => texts.push(r.toString())));
    return texts;
  });
  assert.ok(
    painted.some((t) => t === PHRASE),
    painted.join(' | '),
  );

  await page.getByRole('radio', { name: 'Pages' }).click();
  await page.locator('.pdf-page[data-page="1"] .pdf-mark').first().waitFor();
});

test('a region highlight over a chart: drawn on the page, anchored to its caption, cited with its image', async () => {
  const { page } = app;
  const fixture = await figurePdf();
  const file = path.join(tempDir(), fixture.name);
  fs.writeFileSync(file, fixture.bytes);
  await page.getByLabel('Import files').setInputFiles(file);
  await page.locator('.doc-item', { hasText: fixture.title }).first().click();
  await page.getByRole('radio', { name: 'Pages' }).click();
  const sheet = page.locator('.pdf-page[data-page="1"]');
  await sheet.locator('.textLayer span').first().waitFor();

  await page.keyboard.press('r');
  await sheet.locator('.pdf-region-canvas').waitFor();
  // The chart's corners, from PDF points (origin bottom left) to the page as drawn.
  const box = (await sheet.boundingBox())!;
  const scale = box.width / 595;
  const { x, y, width, height } = fixture.chart;
  const topLeft = { x: box.x + (x - 4) * scale, y: box.y + (842 - (y + height + 4)) * scale };
  const bottomRight = { x: box.x + (x + width + 4) * scale, y: box.y + (842 - (y - 4)) * scale };
  await page.mouse.move(topLeft.x, topLeft.y);
  await page.mouse.down();
  await page.mouse.move((topLeft.x + bottomRight.x) / 2, (topLeft.y + bottomRight.y) / 2, { steps: 4 });
  await page.mouse.move(bottomRight.x, bottomRight.y, { steps: 4 });
  await page.mouse.up();

  const region = sheet.locator('.pdf-region[data-highlight-id]');
  await region.waitFor();
  const drawn = (await region.boundingBox())!;
  assert.ok(Math.abs(drawn.width - (width + 8) * scale) < 4, `region ${drawn.width} wide`);
  await page.locator('.margin-item', { hasText: 'Figure 1: Visa applications by month' }).waitFor();
  await app.screenshot('pdf-page-region');

  // Cite it in a memo: the citation shows the page, and the HTML export carries the cropped image.
  await page.locator('.margin-item.selected .link-button', { hasText: 'Cite in memo' }).click();
  await page.locator('.citation-block', { hasText: 'Figure 1: Visa applications by month' }).waitFor();
  assert.match((await page.locator('.citation-block').last().textContent()) ?? '', /p\. 1/);
  await page.locator('.citation-block img.citation-region').waitFor();
  await app.screenshot('memo-pdf-region');
});
