// REFI-QDA in the UI: File → Import REFI-QDA project shows the import report; a refused file says why; the
// export commands download a .qdpx and a .qdc. Screenshots of the report and of the commands.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchApp, type AppSession } from '../support/app.js';
import { callApi, runCommand } from '../support/page.js';
import { refiQdaDir } from '../support/refiQda.js';
import { tempDir } from '../support/temp.js';
import fs from 'node:fs';

let app: AppSession;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});

test(
  'importing the NVivo sample shows what came in and what could not',
  { skip: !refiQdaDir && 'no REFI-QDA samples' },
  async () => {
    const { page } = app;
    await page.locator('.doc-list .doc-item').first().waitFor();
    await page
      .getByLabel('Import REFI-QDA project')
      .setInputFiles(path.join(refiQdaDir!, 'samples', 'nvivo-oltas-teszt.qdpx'));
    const report = page.getByRole('dialog', { name: 'Import report' });
    await report.waitFor();
    const text = (await report.textContent()) ?? '';
    assert.match(text, /passages\s*330/);
    assert.match(text, /coders\s*3/);
    assert.match(text, /UTF-16 units/);
    await app.screenshot('exchange-import-report');
    await report.getByRole('button', { name: 'Close' }).click();
    await report.waitFor({ state: 'detached' });
    await page.locator('.doc-item', { hasText: 'videos_10_selected' }).click();
    // Each imported passage shows who coded it, as in the exporting tool.
    await page.locator('.margin-item .coder-name').first().waitFor();
    assert.ok((await page.locator('.margin-item .coder-name').count()) > 0);
  },
);

test('a .qdpx dropped on the library goes to the REFI-QDA importer, not the document importer', async () => {
  const { page } = app;
  // The drop handler is the library's: wait for it to be there (run alone, this test can start before it is).
  await page.locator('.library .doc-item').first().waitFor();
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['not a zip either'], 'dropped.qdpx'));
    const library = document.querySelector('.library')!;
    library.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    library.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  const report = page.getByRole('dialog', { name: 'Import report' });
  await report.waitFor();
  assert.match((await report.textContent()) ?? '', /dropped\.qdpx/);
  assert.equal(await page.locator('.import-panel').count(), 0, 'the document importer did not run');
  await page.keyboard.press('Escape');
  await report.waitFor({ state: 'detached' });
});

test('a hostile package is refused in the dialog, naming the problem', async () => {
  const { page } = app;
  const file = path.join(tempDir(), 'bad.qdpx');
  fs.writeFileSync(file, 'not a zip at all');
  await page.getByLabel('Import REFI-QDA project').setInputFiles(file);
  const report = page.getByRole('dialog', { name: 'Import report' });
  await report.waitFor();
  assert.match((await report.textContent()) ?? '', /not a ZIP package.*Nothing was written/s);
  await app.screenshot('exchange-import-refused');
  await page.keyboard.press('Escape');
  await report.waitFor({ state: 'detached' });
});

test('the export commands download a .qdpx and a .qdc', async () => {
  const { page } = app;
  await page.keyboard.press('Control+k');
  await page.keyboard.type('REFI-QDA');
  await page
    .getByRole('dialog', { name: 'Command palette' })
    .getByRole('option', { name: /Export REFI-QDA project/ })
    .waitFor();
  await app.screenshot('exchange-commands');
  await page.keyboard.press('Escape');
  // A codebook of its own, so this test does not lean on the tags an earlier test imported.
  await callApi(page, 'tags.create', { name: 'Exported tag' });
  const [project] = await Promise.all([page.waitForEvent('download'), runCommand(app.page, 'Export REFI-QDA project')]);
  assert.match(project.suggestedFilename(), /\.qdpx$/);
  const [codebook] = await Promise.all([
    page.waitForEvent('download'),
    runCommand(app.page, 'Export REFI-QDA codebook'),
  ]);
  assert.match(codebook.suggestedFilename(), /\.qdc$/);
});
