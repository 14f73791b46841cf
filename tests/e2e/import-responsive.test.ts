// While a slow (but legal) file is being read, the workbench stays usable: the backend reads it in a worker, so
// opening another document in the reader is answered at once instead of waiting for the import to finish.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchApp, type AppSession } from '../support/app.js';
import { tempDir } from '../support/temp.js';

let app: AppSession;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});

const SLOW_TITLE = 'A long but legal report';

/** Twelve thousand paragraphs of HTML (~0.9 MB): seconds of parsing, well inside every import limit. */
function writeSlowHtml(dir: string): string {
  const file = path.join(dir, 'long-report.html');
  const paragraphs = Array.from(
    { length: 12_000 },
    (_, i) => `<p>Paragraph ${i} of the long report on embassy staffing, visas and diplomatic property.</p>`,
  );
  const head = `<head><title>${SLOW_TITLE}</title></head>`;
  fs.writeFileSync(file, `<html>${head}<body><h1>${SLOW_TITLE}</h1>${paragraphs.join('\n')}</body></html>`);
  return file;
}

test('the reader opens a document while a slow import is still running', async () => {
  const { page } = app;
  const row = page.locator('.doc-item').last();
  await row.waitFor();
  const importedRow = page.locator('.doc-item', { hasText: SLOW_TITLE });

  await page.locator('input[aria-label="Import files"]').setInputFiles(writeSlowHtml(tempDir()));
  const importStarted = Date.now();
  await row.click();
  await page.locator('.reader .doc-headline').first().waitFor();
  const rowHandle = await row.elementHandle();
  await page.waitForFunction((clicked) => {
    const headline = document.querySelector('.reader .doc-headline')?.textContent?.trim();
    return !!headline && !!clicked?.textContent?.includes(headline);
  }, rowHandle);
  const readerOpened = Date.now() - importStarted;
  assert.equal(await importedRow.count(), 0, 'the reader answered before the import finished');

  await importedRow.waitFor({ timeout: 60_000 });
  const importFinished = Date.now() - importStarted;
  console.log(`  reader opened after ${readerOpened} ms; the import took ${importFinished} ms`);
  assert.ok(readerOpened < importFinished, 'the reader did not wait for the import');
});
