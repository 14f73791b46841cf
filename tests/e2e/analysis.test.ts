// Analysis in the real renderer: define an attribute, set it on the five sample reports (all at once from the
// library, then one in its details), retrieve one tag's passages for one attribute value, export them as CSV and
// XLSX; a matrix with shading and a chart. Screenshots of each.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { launchApp, type AppSession } from '../support/app.js';
import { callApi } from '../support/page.js';

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
}

async function codeSampleReports(page: Page): Promise<Doc[]> {
  const list = await callApi<{ id: number }[]>(page, 'documents.list', {});
  const docs = await Promise.all(list.map((d) => callApi<Doc>(page, 'documents.get', { id: d.id })));
  const diplomacy = await callApi<{ id: number }>(page, 'tags.create', { name: 'Diplomacy' });
  const talks = await callApi<{ id: number }>(page, 'tags.create', { name: 'Talks', parentId: diplomacy.id });
  const sanctions = await callApi<{ id: number }>(page, 'tags.create', { name: 'Sanctions' });
  for (const [i, doc] of docs.entries()) {
    const paragraphs = [...doc.text.matchAll(/[^\n]+/g)].filter((m) => m[0].length > 80);
    const at = (k: number) => ({ start: paragraphs[k].index, end: paragraphs[k].index + 60 });
    await callApi(page, 'highlights.create', { documentId: doc.id, ...at(0), tagIds: [talks.id] });
    if (i < 3) await callApi(page, 'highlights.create', { documentId: doc.id, ...at(1), tagIds: [sanctions.id] });
  }
  return docs;
}

test('an attribute set on the five sample reports narrows a retrieval (CSV, XLSX), a matrix and a chart', async () => {
  const { page } = app;
  await page.locator('.doc-list .doc-item').first().waitFor();
  const docs = await codeSampleReports(page);
  await page.reload();
  await page.locator('.doc-list .doc-item').first().waitFor();

  // Define a one-of-a-list attribute.
  await page.getByRole('button', { name: 'Attributes…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document attributes' });
  await dialog.getByLabel('Name').fill('Outlet type');
  await dialog.getByLabel('Type').selectOption('choice');
  await dialog.getByLabel('Choices (comma-separated)').fill('State, Private');
  await dialog.getByRole('button', { name: 'Add attribute' }).click();
  await dialog.locator('.attribute-table', { hasText: 'Outlet type' }).waitFor();
  await app.screenshot('analysis-attributes-dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Every report at once from the library…
  await page.getByRole('button', { name: 'Select all' }).click();
  const bulk = page.getByRole('region', { name: 'Selected documents' });
  await bulk.getByText('5 selected').waitFor();
  await bulk.getByLabel('Value to set').selectOption('Private');
  await bulk.getByRole('button', { name: 'Set for 5' }).click();
  await page.locator('.status-message', { hasText: 'Set Outlet type to “Private” for 5 documents' }).waitFor();
  await app.screenshot('analysis-library-bulk');
  await bulk.getByRole('button', { name: 'Clear selection' }).click();

  // …then one of them in its details.
  const state = docs[0];
  await page.locator('.doc-item', { hasText: state.title }).click();
  await page.getByRole('button', { name: 'Edit details' }).click();
  const details = page.getByRole('form', { name: 'Document details' });
  await details.getByLabel('Outlet type').selectOption('State');
  await details.getByRole('button', { name: 'Save' }).click();
  await details.waitFor({ state: 'detached' });

  // The library filters by the value.
  await page.getByLabel('Filter by attribute').selectOption('Outlet type');
  await page.getByLabel('Outlet type value').selectOption('State');
  await page.locator('.library h2', { hasText: /Library\s*1$/ }).waitFor();
  await page.getByLabel('Filter by attribute').selectOption('');

  // Retrieval: Sanctions where Outlet type = State.
  await page.getByRole('button', { name: 'Analysis' }).click();
  await page.getByRole('button', { name: '+ Add a tag' }).click();
  await page.getByLabel('Tag 1', { exact: true }).selectOption({ label: 'Sanctions' });
  const summary = page.locator('.retrieval-summary');
  await summary.getByText(/3 passages in 3 documents/).waitFor();
  const builder = page.getByRole('form', { name: 'Query' });
  await builder.getByLabel('Filter by attribute').selectOption('Outlet type');
  await builder.getByLabel('Outlet type value').selectOption('State');
  await summary.getByText(/1 passage in 1 document/).waitFor();
  const segment = page.locator('.segment');
  assert.equal(await segment.count(), 1);
  assert.equal(await segment.locator('.segment-doc').textContent(), state.title);
  await segment.getByRole('button', { name: 'More context' }).click();
  await page.waitForFunction(() => (document.querySelector('.segment .context')?.textContent ?? '').trim().length > 10);
  await app.screenshot('analysis-retrieval');

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    summary.getByRole('button', { name: 'CSV' }).click(),
  ]);
  assert.equal(csv.suggestedFilename(), 'retrieval.csv');
  const lines = fs
    .readFileSync((await csv.path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  assert.equal(lines.length, 2);
  assert.ok(lines[0].startsWith('"Document","Outlet type","Tags"'), lines[0]);
  assert.ok(lines[1].startsWith(`"${state.title}","State","Sanctions"`), lines[1]);

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    summary.getByRole('button', { name: 'XLSX' }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsx.path())!);
  const sheet = workbook.worksheets[0];
  assert.equal(sheet.rowCount, 2);
  assert.equal(sheet.getCell('A2').value, state.title);
  assert.equal(sheet.getCell('B2').value, 'State');
  assert.equal(sheet.getCell('C2').value, 'Sanctions');

  // The passage opens in the reader.
  await segment.locator('.segment-quote').click();
  await page.locator('.reader .doc-headline', { hasText: state.title }).waitFor();

  // The theme view: a parent tag gathers its sub-tags' passages, unless told not to.
  await page.getByRole('button', { name: 'Themes' }).click();
  await page.locator('.codebook-row', { hasText: 'Diplomacy' }).getByRole('checkbox').check();
  await page.locator('.theme-total', { hasText: '5 passages in 5 documents' }).waitFor();
  await app.screenshot('analysis-themes-subtags');
  await page.getByLabel('Include sub-tags').uncheck();
  await page.getByText('No passage carries any of these tags yet.').waitFor();

  // A matrix by attribute value, shaded, whose cells list their passages; a chart.
  await page.getByRole('button', { name: 'Analysis' }).click();
  await page.getByRole('tab', { name: 'Matrix' }).click();
  await page.getByLabel('Columns').selectOption({ label: 'Tag × Outlet type' });
  const table = page.getByRole('table', { name: 'Matrix' });
  await table.locator('thead', { hasText: 'Private' }).waitFor();
  const row = table.locator('tr', { hasText: 'Talks' });
  assert.deepEqual(await row.locator('td button').allTextContents(), ['1', '4']);
  const shaded = await row
    .locator('td')
    .nth(1)
    .evaluate((td) => getComputedStyle(td).backgroundColor);
  assert.notEqual(shaded, 'rgba(0, 0, 0, 0)');
  await row.locator('td button').nth(1).click();
  const cell = page.getByRole('region', { name: 'Passages in the cell' });
  await cell.getByText('4 passages').waitFor();
  assert.equal(await cell.locator('.segment').count(), 4);
  await app.screenshot('analysis-matrix');

  await page.getByLabel('Columns').selectOption({ label: 'Tag × document' });
  await table.locator('thead th').nth(5).waitFor();
  await app.screenshot('analysis-matrix-documents');

  await page.getByRole('tab', { name: 'Chart' }).click();
  await page.getByLabel('Columns').selectOption({ label: 'Tag × Outlet type' });
  const chart = page.locator('.chart svg[aria-label="Bar chart of tag frequency"]');
  await chart.waitFor();
  assert.ok((await chart.locator('rect').count()) >= 3);
  await app.screenshot('analysis-chart');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
  assert.match(fs.readFileSync((await svg.path())!, 'utf8'), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
  assert.deepEqual([...fs.readFileSync((await png.path())!).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
});
