// What the analyst sees when coding is revised away from the reader: PDF passages labelled by page in the margin
// and the theme view, a region highlight listed with its image; a theme passage and a retrieved passage recoded in
// place; a tag merged into another after a preview of what moves, and a tag split by choosing its passages.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchApp, type AppSession } from '../support/app.js';
import { callApi } from '../support/page.js';
import { figurePdf, statementPdf } from '../support/pdfFixtures.js';
import { tempDir } from '../support/temp.js';

let app: AppSession;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});

interface Doc {
  id: number;
  title: string;
  text: string;
  pages: { page: number; offset: number }[] | null;
}

async function importFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  await page.getByLabel('Import files').setInputFiles(file);
}

test('the margin labels PDF passages by page and lists a region with its image; so does the theme view', async () => {
  const { page } = app;
  await page.locator('.doc-list .doc-item').first().waitFor();
  const figure = await figurePdf();
  await importFile(page, figure.name, figure.bytes);
  await page.locator('.doc-item', { hasText: figure.title }).first().click();
  await page.getByRole('radio', { name: 'Pages' }).click();
  const sheet = page.locator('.pdf-page[data-page="1"]');
  await sheet.locator('.textLayer span').first().waitFor();

  // Draw a region over the chart, as the analyst does: R, then drag.
  await page.keyboard.press('r');
  await sheet.locator('.pdf-region-canvas').waitFor();
  const box = (await sheet.boundingBox())!;
  const scale = box.width / 595;
  const { x, y, width, height } = figure.chart;
  await page.mouse.move(box.x + (x - 4) * scale, box.y + (842 - (y + height + 4)) * scale);
  await page.mouse.down();
  await page.mouse.move(box.x + (x + width / 2) * scale, box.y + (842 - (y + height / 2)) * scale, { steps: 4 });
  await page.mouse.move(box.x + (x + width + 4) * scale, box.y + (842 - (y - 4)) * scale, { steps: 4 });
  await page.mouse.up();
  await sheet.locator('.pdf-region[data-highlight-id]').waitFor();

  // A text passage too, and a tag on both.
  const docs = await callApi<{ id: number; title: string }[]>(page, 'documents.list', {});
  const figureDoc = await callApi<Doc>(page, 'documents.get', { id: docs.find((d) => d.title === figure.title)!.id });
  const tag = await callApi<{ id: number }>(page, 'tags.create', { name: 'Visa figures' });
  const phrase = 'Applications rose in the spring';
  const start = figureDoc.text.indexOf(phrase);
  await callApi(page, 'highlights.create', {
    documentId: figureDoc.id,
    start,
    end: start + phrase.length,
    tagIds: [tag.id],
  });
  const [region] = await callApi<{ highlightId: number }[]>(page, 'regions.list', { documentId: figureDoc.id });
  await callApi(page, 'highlights.update', { id: region.highlightId, tagIds: [tag.id] });
  // Edits made behind the page's back: load them as a restart would.
  await page.reload();
  await page.locator('.doc-item', { hasText: figure.title }).first().click();
  await sheet.locator('.pdf-region[data-highlight-id]').waitFor();

  const regionRow = page.locator('.margin-item', { has: page.locator('img.region-thumbnail') });
  await regionRow.waitFor();
  assert.match((await regionRow.textContent()) ?? '', /Figure 1: Visa applications by month/);
  const image = regionRow.locator('img.region-thumbnail');
  const size = await image.evaluate((img: HTMLImageElement) => ({ w: img.naturalWidth, h: img.naturalHeight }));
  assert.ok(size.w > 100 && size.h > 60, `region image ${size.w}×${size.h}`);
  const labels = await page.locator('.margin-item .page-label').allTextContents();
  assert.deepEqual(labels, ['p. 1', 'p. 1']);
  await app.screenshot('margin-pdf-region');

  // A passage across a page break of another PDF reads "pp. 2–3"; a plain report has no page labels.
  const statement = await statementPdf();
  await importFile(page, statement.name, statement.bytes);
  await page.locator('.doc-item', { hasText: statement.title }).first().waitFor();
  const listed = await callApi<{ id: number; title: string }[]>(page, 'documents.list', {});
  const statementDoc = await callApi<Doc>(page, 'documents.get', {
    id: listed.find((d) => d.title === statement.title)!.id,
  });
  const third = statementDoc.pages![2];
  await callApi(page, 'highlights.create', {
    documentId: statementDoc.id,
    start: statementDoc.text.indexOf(' ', third.offset - 40) + 1,
    end: statementDoc.text.indexOf(' ', third.offset + 30),
    tagIds: [tag.id],
  });
  await page.reload();
  await page.locator('.doc-item', { hasText: statement.title }).first().click();
  await page.locator('.margin-item .page-label', { hasText: 'pp. 2–3' }).waitFor();

  // The theme view: the region with its image and page, the text passages with theirs.
  await page.getByRole('button', { name: 'Themes' }).click();
  await page.locator('.codebook-row', { hasText: 'Visa figures' }).getByRole('checkbox').check();
  await page.locator('.theme-total', { hasText: '3 passages in 2 documents' }).waitFor();
  const themeRegion = page.locator('.theme-passage', { has: page.locator('img.region-thumbnail') });
  await themeRegion.waitFor();
  assert.equal(await themeRegion.locator('.page-label').textContent(), 'p. 1');
  const themeLabels = await page.locator('.theme-passage .page-label').allTextContents();
  assert.deepEqual(themeLabels.sort(), ['p. 1', 'p. 1', 'pp. 2–3']);
  await app.screenshot('themes-pdf-region');
});

test('recode in place from the theme view and from retrieval; merge with a preview; split by passages', async () => {
  const { page } = app;
  await page.locator('.doc-list .doc-item').first().waitFor();
  const list = await callApi<{ id: number; format: string }[]>(page, 'documents.list', {});
  const samples = list.filter((d) => d.format !== 'pdf');
  const docs = await Promise.all(samples.map((d) => callApi<Doc>(page, 'documents.get', { id: d.id })));
  const access = await callApi<{ id: number }>(page, 'tags.create', { name: 'Embassy access' });
  const staffing = await callApi<{ id: number }>(page, 'tags.create', { name: 'Embassy staffing' });
  // Four passages of "Embassy access", one of which also carries "Embassy staffing"; one of staffing alone.
  for (const [i, doc] of docs.slice(0, 4).entries()) {
    const paragraph = [...doc.text.matchAll(/[^\n]+/g)].find((m) => m[0].length > 80)!;
    const tagIds = i === 0 ? [access.id, staffing.id] : [access.id];
    await callApi(page, 'highlights.create', {
      documentId: doc.id,
      start: paragraph.index,
      end: paragraph.index + 50,
      tagIds,
    });
  }
  const last = [...docs[4].text.matchAll(/[^\n]+/g)].find((m) => m[0].length > 80)!;
  await callApi(page, 'highlights.create', {
    documentId: docs[4].id,
    start: last.index,
    end: last.index + 50,
    tagIds: [staffing.id],
  });
  await page.reload();
  await page.locator('.doc-list .doc-item').first().waitFor();

  // Theme view: retag one passage of "Embassy access" as "Embassy staffing" without leaving the view.
  await page.getByRole('button', { name: 'Themes' }).click();
  const accessRow = page.locator('.codebook-row', { hasText: 'Embassy access' });
  await accessRow.getByRole('checkbox').check();
  const total = page.locator('.theme-total');
  await total.getByText('4 passages in 4 documents').waitFor();
  const second = page.locator('.theme-passage').nth(1);
  await second.getByRole('button', { name: 'Recode' }).click();
  await second.getByLabel('Retag Embassy access as').selectOption({ label: 'Embassy staffing' });
  await total.getByText('3 passages in 3 documents').waitFor();
  await page.keyboard.press('Control+z');
  await total.getByText('4 passages in 4 documents').waitFor();

  // Add a tag from the theme view: a new one, created on the spot.
  const first = page.locator('.theme-passage').first();
  await first.getByRole('button', { name: 'Recode' }).click();
  await first.getByRole('button', { name: '+ Add a tag' }).click();
  await first.getByLabel('Tag', { exact: true }).fill('Consular services');
  await first.getByLabel('Tag', { exact: true }).press('Enter');
  await first.locator('.recode-tags .tag-chip', { hasText: 'Consular services' }).waitFor();
  await page.locator('.codebook-row', { hasText: 'Consular services' }).waitFor();
  await app.screenshot('themes-recode');

  // Retrieval: remove a tag from a retrieved passage.
  await page.getByRole('button', { name: 'Analysis' }).click();
  await page.getByRole('button', { name: '+ Add a tag' }).click();
  await page.getByLabel('Tag 1', { exact: true }).selectOption({ label: 'Embassy staffing' });
  const summary = page.locator('.retrieval-summary');
  await summary.getByText(/2 passages in 2 documents/).waitFor();
  const segment = page.locator('.segment', { hasNot: page.locator('.tag-chip', { hasText: 'Embassy access' }) });
  await segment.getByRole('button', { name: 'Recode' }).click();
  await segment.getByRole('button', { name: 'Remove tag Embassy staffing' }).click();
  await summary.getByText(/1 passage in 1 document/).waitFor();

  // Merge "Embassy access" into "Embassy staffing": the preview says what moves before anything does.
  await page.getByRole('button', { name: 'Themes' }).click();
  await page.getByRole('button', { name: 'Edit Embassy access' }).click();
  await page.getByLabel('Merge into').selectOption({ label: 'Embassy staffing' });
  const preview = page.locator('.tag-editor .merge-preview');
  await preview.waitFor();
  assert.equal(
    await preview.textContent(),
    '4 passages of “Embassy access” move to “Embassy staffing”; 1 already carries both and will carry ' +
      '“Embassy staffing” once. “Embassy staffing” will have 4 passages, and “Embassy access” goes.',
  );
  await app.screenshot('codebook-merge-preview');
  await page.locator('.tag-editor').getByRole('button', { name: 'Merge', exact: true }).click();
  await page.locator('.codebook-row', { hasText: 'Embassy access' }).waitFor({ state: 'detached' });
  assert.equal(
    await page.locator('.codebook-row', { hasText: 'Embassy staffing' }).locator('.muted').textContent(),
    '4',
  );

  // Split two of its passages off into a new tag.
  await page.getByRole('button', { name: 'Edit Embassy staffing' }).click();
  await page.locator('.tag-editor').getByRole('button', { name: 'Split…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Split Embassy staffing' });
  await dialog.locator('.split-passage').first().waitFor();
  assert.equal(await dialog.locator('.split-passage').count(), 4);
  await dialog.locator('.split-passage input').nth(0).check();
  await dialog.locator('.split-passage input').nth(2).check();
  await dialog.getByPlaceholder('Name of the new tag').fill('Embassy reopening');
  await dialog.getByText('2 of 4 passages move to “Embassy reopening”; 2 stay with “Embassy staffing”.').waitFor();
  await app.screenshot('codebook-split');
  await dialog.getByRole('button', { name: 'Split', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  const reopening = page.locator('.codebook-row', { hasText: 'Embassy reopening' });
  assert.equal(await reopening.locator('.muted').textContent(), '2');
  assert.equal(
    await page.locator('.codebook-row', { hasText: 'Embassy staffing' }).locator('.muted').textContent(),
    '2',
  );

  // Both are undoable: the split, then the merge.
  await page.locator('.themes-main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await reopening.waitFor({ state: 'detached' });
  await page.keyboard.press('Control+z');
  await page.locator('.codebook-row', { hasText: 'Embassy access' }).waitFor();
});
