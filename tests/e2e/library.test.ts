import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchApp, type AppSession } from '../support/app.js';
import { SEED_PREPARATIONS } from '../support/reader.js';
import { tempDir } from '../support/temp.js';

let app: AppSession;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});

const PHRASE = 'the consular working group agreed on a visa quota for technical staff';

test('import files through the UI, see a clear failure for a bad one, then search a phrase and land on it', async () => {
  const { page } = app;
  const dir = tempDir();
  const good = path.join(dir, 'cable-istanbul.html');
  fs.writeFileSync(
    good,
    `<html><head><title>Cable: second Istanbul round</title><meta property="og:site_name" content="Field Office"></head>
    <body><article><h1>Cable: second Istanbul round</h1>
    <p>Delegations met at the consulate for five hours on procedural questions and logistics.</p>
    ${Array.from({ length: 12 }, (_, i) => `<p>Filler paragraph ${i} about embassy logistics and scheduling of further meetings in the region.</p>`).join('')}
    <p>After a long exchange, ${PHRASE}, pending approval in both capitals.</p>
    <script>window.evil = 1</script></article></body></html>`,
  );
  const bad = path.join(dir, 'scan.png');
  fs.writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));

  await page.locator('.doc-list .doc-item').first().waitFor();
  await page.getByLabel('Import files').setInputFiles([good, bad]);
  const summary = page.locator('.import-summary');
  await summary.waitFor();
  assert.match((await summary.textContent()) ?? '', /Imported 1, 1 failed/);
  assert.match(
    (await page.locator('.import-failures').textContent()) ?? '',
    /scan\.png: this kind of file is not supported/,
  );
  await page.locator('.doc-item', { hasText: 'Cable: second Istanbul round' }).waitFor();
  assert.equal(await page.locator('.doc-list .doc-item').count(), 6);
  await app.screenshot('library-import-summary');

  await page.getByRole('searchbox', { name: 'Search' }).fill('"visa quota for technical staff"');
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  const hit = page.locator('.search-hit', { hasText: 'Cable: second Istanbul round' });
  await hit.waitFor();
  assert.match((await hit.locator('mark').first().textContent()) ?? '', /visa quota for technical staff/i);
  await app.screenshot('search-results');

  await hit.click();
  await page.locator('.reader .doc-headline', { hasText: 'Cable: second Istanbul round' }).waitFor();
  const landed = await page.waitForFunction((phrase) => {
    const p = [...document.querySelectorAll<HTMLElement>('.reader-text [data-start]')].find((el) =>
      el.textContent?.includes(phrase),
    );
    if (!p) return false;
    const r = p.getBoundingClientRect();
    const flash = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('gloss-flash');
    const marked = flash ? [...flash].map((range) => range.toString()).join('') : '';
    return (
      r.top >= 0 && r.bottom <= window.innerHeight && marked.toLowerCase().includes('visa quota for technical staff')
    );
  }, PHRASE);
  assert.ok(await landed.jsonValue(), 'the passage is scrolled into view and marked');
  assert.equal(
    await page.evaluate(() => (window as unknown as { evil?: number }).evil),
    undefined,
    'imported script never ran',
  );
});

test('document details can be edited and the library sorts by them', async () => {
  const { page } = app;
  await page.locator('.doc-item', { hasText: SEED_PREPARATIONS }).click();
  await page.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Document details' });
  await form.getByLabel('Outlet / source').fill('AP');
  await form.getByLabel('Published').fill('2025-03-01');
  await form.getByRole('button', { name: 'Save' }).click();
  await page
    .locator('.doc-item', { hasText: SEED_PREPARATIONS })
    .locator('.doc-meta', { hasText: 'AP · 2025-03-01' })
    .waitFor();
  await page.getByLabel('Sort by').selectOption('outlet');
  await page.getByRole('button', { name: 'Ascending' }).click();
  await page.locator('.doc-list .doc-item').first().locator('.doc-meta', { hasText: 'Field Office' }).waitFor();
  await page.getByLabel('Outlet').selectOption('AP');
  await page.waitForFunction(() => document.querySelectorAll('.doc-list .doc-item').length === 1);
});
