import { chromium } from 'playwright-core';
import { startServerProcess } from '../tests/support/server.js';
const server = await startServerProcess('/tmp/wb10k');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
await page.goto(server.appUrl);
await page.locator('.doc-item', { hasText: 'Long report' }).click();
await page.locator('.margin-item').first().waitFor();
await page.waitForTimeout(800);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await page.evaluate(
  `(() => { const p = [...document.querySelectorAll('.reader-text p[data-start]')][4]; const r = document.createRange(); r.setStart(p.firstChild, 5); r.setEnd(p.firstChild, 30); getSelection().removeAllRanges(); getSelection().addRange(r); p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true })); })()`,
);
await page.waitForTimeout(200);
await cdp.send('Profiler.start');
await page.keyboard.press('h');
await page.locator('.margin-item.selected').waitFor();
await page.waitForTimeout(300);
const { profile } = await cdp.send('Profiler.stop');
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas;
profile.samples.forEach((id: number, i: number) => {
  const n: any = byId.get(id);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
});
console.log(
  [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, v]) => `${v.toFixed(1)}ms ${k}`)
    .join('\n'),
);
await browser.close();
await server.stop();
