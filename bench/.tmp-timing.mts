import { chromium } from 'playwright-core';
import { startServerProcess } from '../tests/support/server.js';
const server = await startServerProcess('/tmp/wb10k');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (let i = 0; i < 3; i++) {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(server.appUrl);
  await page.locator('.doc-item').first().waitFor({ timeout: 60000 });
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const res = performance
      .getEntriesByType('resource')
      .map(
        (r) =>
          `${r.name.replace(location.origin, '').slice(0, 40)} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)}`,
      );
    return {
      domInteractive: nav.domInteractive.toFixed(0),
      dcl: nav.domContentLoadedEventEnd.toFixed(0),
      now: performance.now().toFixed(0),
      res,
    };
  });
  console.log(JSON.stringify(t, null, 1));
  await page.close();
}
await browser.close();
await server.stop();
