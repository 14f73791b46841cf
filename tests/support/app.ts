// Opens the real renderer against a real project, in Debian's Chromium over the HTTP transport (default),
// or in the Electron window where Electron's runtime exists (GLOSS_E2E_TARGET=electron).
import { HEADLESS_CHROMIUM_ARGS } from '../../electron/server/pdf.js';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, _electron, type Browser, type ElectronApplication, type Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from './server.js';
import { repoRoot, tempDir } from './temp.js';

export interface AppSession {
  page: Page;
  dataDir: string;
  /** Stops the server (or the Electron app) and starts it again on the same data, reloading the page. */
  restart(): Promise<void>;
  close(): Promise<void>;
  screenshot(name: string): Promise<string>;
}

export const CHROMIUM = process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [...HEADLESS_CHROMIUM_ARGS, '--disable-quic'];
export const artifactsDir = path.join(repoRoot, 'tests', 'artifacts');

export async function launchApp(
  options: { dataDir?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<AppSession> {
  const dataDir = options.dataDir ?? tempDir('gloss-e2e-');
  return process.env.GLOSS_E2E_TARGET === 'electron'
    ? launchElectron(dataDir)
    : launchBrowser(dataDir, options.colorScheme ?? 'light');
}

async function launchBrowser(dataDir: string, colorScheme: 'light' | 'dark'): Promise<AppSession> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    colorScheme,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  let server: ServerProcess = await startServerProcess(dataDir);
  await page.goto(server.appUrl);
  return {
    page,
    dataDir,
    restart: async () => {
      await server.stop();
      server = await startServerProcess(dataDir);
      await page.goto(server.appUrl);
    },
    close: async () => {
      await browser.close();
      await server.stop();
    },
    screenshot: (name) => screenshot(page, name),
  };
}

async function launchElectron(dataDir: string): Promise<AppSession> {
  let app: ElectronApplication = await _electron.launch({
    args: [repoRoot],
    env: { ...process.env, GLOSS_DATA_DIR: dataDir },
  });
  const session: AppSession = {
    page: await app.firstWindow(),
    dataDir,
    restart: async () => {
      await app.close();
      app = await _electron.launch({ args: [repoRoot], env: { ...process.env, GLOSS_DATA_DIR: dataDir } });
      session.page = await app.firstWindow();
    },
    close: () => app.close(),
    screenshot: (name) => screenshot(session.page, name),
  };
  return session;
}

async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
