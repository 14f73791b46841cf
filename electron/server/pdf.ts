// PDF rendering for browser mode: headless Chromium prints the export HTML (Electron uses printToPDF instead).
// One Chromium serves every export, one at a time: starting one per export made twelve exports ~50 processes.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import type { ExportServices } from '../api/handlers/export.js';

const CANDIDATES = [
  process.env.GLOSS_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
/** Flags for a headless Chromium that Gloss drives (PDF export here; the tests and benchmarks use them too). */
export const HEADLESS_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
const MARGIN = { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' };
/** An idle Chromium is closed after this long, so browser mode does not keep one running for nothing. */
const IDLE_MS = 15_000;

export interface PdfService extends ExportServices {
  htmlToPdf: (html: string) => Promise<Buffer>;
  /** How many Chromium processes this service has started (for tests). */
  launches(): number;
  close(): Promise<void>;
}

export function chromiumPdfService(): ExportServices & Partial<PdfService> {
  const executablePath = CANDIDATES.find((p): p is string => Boolean(p && fs.existsSync(p)));
  return executablePath ? sharedChromiumPrinter(executablePath) : {};
}

export function sharedChromiumPrinter(executablePath: string): PdfService {
  let browser: Promise<Browser> | null = null;
  let launches = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let idleTimer: NodeJS.Timeout | undefined;

  function currentBrowser(): Promise<Browser> {
    if (!browser) {
      launches += 1;
      browser = import('playwright-core').then(({ chromium }) =>
        chromium.launch({ executablePath, args: HEADLESS_CHROMIUM_ARGS, headless: true }),
      );
      browser.then(
        (b) =>
          b.on('disconnected', () => {
            browser = null;
          }),
        () => {
          browser = null;
        },
      );
    }
    return browser;
  }

  async function printOne(html: string): Promise<Buffer> {
    clearTimeout(idleTimer);
    const context = await (await currentBrowser()).newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      // setContent, not a data: URL: no size limit on the HTML.
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, margin: MARGIN });
    } finally {
      await context.close();
      idleTimer = setTimeout(() => void close(), IDLE_MS);
      idleTimer.unref();
    }
  }

  async function close(): Promise<void> {
    clearTimeout(idleTimer);
    const running = browser;
    browser = null;
    if (running) await (await running.catch(() => null))?.close();
  }

  return {
    htmlToPdf: (html) => {
      const next = queue.then(() => printOne(html));
      queue = next.catch(() => undefined);
      return next;
    },
    launches: () => launches,
    close,
  };
}
