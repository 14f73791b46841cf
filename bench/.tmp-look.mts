import { chromium } from 'playwright-core';
import { startServerProcess } from '../tests/support/server.js';
const server = await startServerProcess('/tmp/wb10k');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const calls: string[] = [];
page.on('request', (r) => {
  const p = new URL(r.url()).pathname;
  if (p.startsWith('/api/')) calls.push(p.slice(5));
});
let t = Date.now();
await page.goto(server.appUrl);
await page.locator('.doc-item').first().waitFor({ timeout: 60000 });
console.log('first row', Date.now() - t, 'ms', calls);
console.log(
  'library nodes',
  await page.evaluate(() => document.querySelector('.library')!.querySelectorAll('*').length),
);
await page.screenshot({ path: '/tmp/wb-library.png' });
calls.length = 0;
t = Date.now();
await page.locator('.doc-item', { hasText: 'Long report' }).click();
await page.waitForFunction(
  () => [...(CSS as any).highlights.keys()].some((k: string) => k.startsWith('gloss-c')),
  null,
  { timeout: 60000 },
);
console.log('long report painted', Date.now() - t, 'ms', calls);
await page.waitForTimeout(500);
console.log('total DOM nodes', await page.evaluate(() => document.querySelectorAll('*').length));
await page.screenshot({ path: '/tmp/wb-reader.png' });
calls.length = 0;
t = Date.now();
await page.getByRole('button', { name: 'Themes' }).click();
await page.locator('.codebook-row', { hasText: 'Theme A' }).locator('input').check();
await page.locator('.theme-passage').first().waitFor({ timeout: 60000 });
console.log('theme first screen', Date.now() - t, 'ms', calls);
const cdp = await page.context().newCDPSession(page);
await cdp.send('HeapProfiler.collectGarbage');
const m = await cdp.send('Performance.enable').then(() => cdp.send('Performance.getMetrics'));
console.log('heap MB', (m.metrics.find((x: any) => x.name === 'JSHeapUsedSize')!.value / 1048576).toFixed(1));
await page.screenshot({ path: '/tmp/wb-themes.png' });
await browser.close();
await server.stop();
