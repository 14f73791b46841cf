import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchApp, type AppSession } from '../support/app.js';

let app: AppSession;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});

test('a first run shows the five seed reports, and one opens in the reader', async () => {
  const { page } = app;
  const items = page.locator('.doc-list .doc-item');
  await items.first().waitFor();
  assert.equal(await items.count(), 5);
  const titles = await page.locator('.doc-list .doc-title').allTextContents();
  assert.ok(titles.includes('Russian and US Diplomats Meet in Turkey for Talks on Repairing Ties'), titles.join('\n'));
  assert.ok(
    titles.includes('US and Russia Diplomats Meet in Istanbul to Discuss Embassy Operations, Ukraine Not on Agenda'),
  );

  await page.locator('.doc-item', { hasText: 'US and Russia Diplomats Meet in Istanbul' }).click();
  const reader = page.locator('.reader-text');
  await reader.getByText('This meeting marks the second round of talks', { exact: false }).waitFor();
  assert.ok((await reader.locator('p').count()) >= 5, 'paragraph breaks are kept');
  await app.screenshot('foundation-reader');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('foundation-reader-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});
