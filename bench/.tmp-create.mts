import { chromium } from 'playwright-core';
import { startServerProcess } from '../tests/support/server.js';
const server = await startServerProcess('/tmp/wb10k');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
await page.goto(server.appUrl);
await page.locator('.doc-item', { hasText: 'Long report' }).click();
await page.waitForFunction(() => [...(CSS as any).highlights.keys()].some((k: string) => k.startsWith('gloss-c')));
await page.waitForTimeout(500);
for (let i = 0; i < 4; i++) {
  const r = await page.evaluate(`(async (i) => {
    const p = [...document.querySelectorAll('.reader-text p[data-start]')][3 + i];
    const node = p.firstChild;
    const range = document.createRange(); range.setStart(node, 5); range.setEnd(node, 25);
    const sel = getSelection(); sel.removeAllRanges(); sel.addRange(range);
    p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 100));
    const before = document.querySelectorAll('.margin-item.selected').length;
    performance.clearResourceTimings();
    const t0 = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', bubbles: true }));
    return await new Promise((resolve) => {
      const check = () => {
        const sel = document.querySelector('.margin-item.selected');
        if (sel && sel.textContent.length) {
          const res = performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), (e.startTime - t0).toFixed(0), (e.responseEnd - t0).toFixed(0)]);
          resolve({ shown: (performance.now() - t0).toFixed(0), res, paint: (performance.getEntriesByName('gloss-paint').pop() || {duration:0}).duration.toFixed(1) });
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
})(${i})`);
  console.log(JSON.stringify(r));
  await page.keyboard.press('Escape');
}
await browser.close();
await server.stop();
