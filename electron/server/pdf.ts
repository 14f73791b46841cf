// PDF rendering for browser mode: headless Chromium prints the export HTML (Electron uses printToPDF instead).
import fs from 'node:fs';
import type { ExportServices } from '../api/handlers/export.js';

const CANDIDATES = [process.env.GLOSS_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export function chromiumPdfService(): ExportServices {
  const executablePath = CANDIDATES.find((p): p is string => Boolean(p && fs.existsSync(p)));
  if (!executablePath) return {};
  return {
    htmlToPdf: async (html) => {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
      try {
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
      } finally {
        await browser.close();
      }
    },
  };
}
