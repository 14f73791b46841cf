// Source grading in the real renderer: grade from the palette and the picker, see the badge, filter the library.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchApp, type AppSession } from '../support/app.js';
import { runCommand } from '../support/page.js';

let app: AppSession;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});

test('grade two sources, then the library filter keeps only the well-graded one, and undo clears it', async () => {
  const { page } = app;
  const rows = page.locator('.doc-list .doc-item');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 5);

  await rows.nth(0).click();
  await runCommand(app.page, "Grade the open document's source B — Usually reliable");
  await rows.nth(0).locator('.grade-badge', { hasText: 'B' }).waitFor();

  await rows.nth(1).click();
  await page.getByLabel('Source reliability').selectOption('D');
  await rows.nth(1).locator('.grade-badge', { hasText: 'D' }).waitFor();
  await app.screenshot('grading-library');

  const filter = page.getByLabel('Source grade');
  await filter.selectOption({ label: 'Source A–B' });
  await page.waitForFunction(() => document.querySelectorAll('.doc-list .doc-item').length === 1);
  assert.equal(await rows.first().locator('.grade-badge').textContent(), 'B');
  await filter.selectOption({ label: 'Not graded' });
  await page.waitForFunction(() => document.querySelectorAll('.doc-list .doc-item').length === 3);
  await filter.selectOption({ label: 'Source D–E' });
  await page.waitForFunction(() => document.querySelectorAll('.doc-list .doc-item').length === 1);

  await runCommand(app.page, 'Undo');
  await page.locator('.library .empty', { hasText: 'No document matches' }).waitFor();
  await filter.selectOption({ label: 'Any grade' });
  await page.waitForFunction(() => document.querySelectorAll('.doc-list .doc-item').length === 5);
  assert.equal(await page.locator('.doc-list .grade-badge').count(), 1);
});
