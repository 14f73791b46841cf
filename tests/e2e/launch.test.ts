// The one-time launch URL that `npm run web -- --open` gives the browser opens a working workbench in real
// Chromium, and leaves no token in the address bar.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../support/app.js';
import { startWebWithOpen } from '../support/web-open.js';

test('the launch URL opens the workbench, which then calls the API with the token', async () => {
  const web = await startWebWithOpen();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const apiAnswer = page.waitForResponse((r) => r.url().includes('/api/') && r.request().method() === 'POST');
    await page.goto(web.launchUrl);
    assert.equal((await apiAnswer).status(), 200, 'the token reached the renderer');
    assert.ok(!page.url().includes(web.token), `the token stays out of the address bar: ${page.url()}`);
    const again = await (await browser.newPage()).goto(web.launchUrl);
    assert.equal(again?.status(), 410);
  } finally {
    await browser.close();
    web.stop();
  }
});
