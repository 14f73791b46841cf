// Electron main process: window, menu, dialogs and IPC glue only. Everything else lives in plain
// Node modules (backend.ts and below) that are tested without Electron.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/security.js';
import { createBackend, type Backend } from './backend.js';
import { buildMenu } from './menu.js';
import { electronNativeBinding } from './native.js';
import { appRoot, defaultSeedsDir, rendererDir } from './paths.js';

const APP_ORIGIN = 'app://gloss';

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let backend: Backend | undefined;
let mainWindow: BrowserWindow | undefined;

// Tests and portable setups can point Gloss at another data folder.
if (process.env.GLOSS_DATA_DIR) app.setPath('userData', process.env.GLOSS_DATA_DIR);

async function start(): Promise<void> {
  await app.whenReady();
  const root = appRoot();
  backend = await createBackend(
    {
      dataDir: app.getPath('userData'),
      seedsDir: app.isPackaged ? path.join(process.resourcesPath, 'seeds') : defaultSeedsDir(),
      nativeBinding: electronNativeBinding(root, app.isPackaged ? process.resourcesPath : undefined),
    },
    {
      export: { htmlToPdf: printHtmlToPdf },
    },
  );

  serveRenderer();
  lockDownSession();
  ipcMain.handle('gloss:call', (event, op: unknown, args: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      return {
        ok: false,
        error: { code: 'invalid_argument', message: 'Calls are accepted from the Gloss window only.' },
      };
    }
    return backend!.dispatch(op, args);
  });
  createWindow();
  reportStartupWarning();
}

/** The last project could not be opened and Gloss opened another: say so (the renderer shows it too). */
function reportStartupWarning(): void {
  const warning = backend?.workspace.project.startupWarning;
  if (!warning || !mainWindow) return;
  console.warn(`[gloss] ${warning}`);
  void dialog.showMessageBox(mainWindow, {
    type: 'warning',
    title: 'Gloss',
    message: 'Gloss opened another project',
    detail: warning,
  });
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Gloss',
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: path.join(path.dirname(fileURLToPath(import.meta.url)), 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  refreshMenu();
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

function refreshMenu(): void {
  if (!mainWindow || !backend) return;
  Menu.setApplicationMenu(buildMenu(mainWindow, chooseProject, () => backend!.workspace.recent(), openProjectFile));
}

async function chooseProject(mode: 'new' | 'open'): Promise<void> {
  if (!mainWindow || !backend) return;
  const filters = [{ name: 'Gloss project', extensions: ['gloss'] }];
  if (mode === 'new') {
    const result = await dialog.showSaveDialog(mainWindow, {
      title: 'New Project',
      filters,
      defaultPath: 'Untitled.gloss',
    });
    if (result.canceled || !result.filePath) return;
    await reportErrors(() => backend!.workspace.create(result.filePath!));
  } else {
    const result = await dialog.showOpenDialog(mainWindow, {
      title: 'Open Project',
      filters,
      properties: ['openFile'],
    });
    if (result.canceled || !result.filePaths[0]) return;
    await openProjectFile(result.filePaths[0]);
  }
}

async function openProjectFile(file: string): Promise<void> {
  await reportErrors(() => backend!.workspace.open(file));
}

async function reportErrors(action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
    refreshMenu();
    mainWindow?.webContents.reload();
  } catch (error) {
    dialog.showErrorBox('Gloss', (error as Error).message);
  }
}

/** Export HTML waiting to be printed, served once at app://gloss/__print/<nonce> (see printHtmlToPdf). */
const printPages = new Map<string, string>();
const PRINT_PREFIX = '/__print/';

/**
 * Serves the built renderer from app://gloss/ so it has a real origin, and sets the CSP on each response:
 * webRequest's onHeadersReceived does not see responses of a custom protocol handler.
 */
function serveRenderer(): void {
  const root = rendererDir();
  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith(PRINT_PREFIX)) return printPage(pathname.slice(PRINT_PREFIX.length));
    const decoded = safeDecode(pathname);
    const file = decoded === null ? null : path.normalize(path.join(root, decoded));
    if (!file || !file.startsWith(root + path.sep)) return withCsp(new Response('Not found', { status: 404 }));
    return withCsp(await net.fetch(pathToFileURL(file).toString()));
  });
}

function printPage(nonce: string): Response {
  const html = printPages.get(nonce);
  printPages.delete(nonce);
  if (html === undefined) return withCsp(new Response('Not found', { status: 404 }));
  return withCsp(new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
}

function withCsp(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function safeDecode(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // No remote content: only the app's own origin (and devtools) may load.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = [`${APP_ORIGIN}/`, 'devtools://', 'data:', 'blob:'].some((prefix) =>
      details.url.startsWith(prefix),
    );
    callback({ cancel: !allowed });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

function isTrustedSender(url: string | undefined): boolean {
  return typeof url === 'string' && url.startsWith(`${APP_ORIGIN}/`);
}

let printQueue: Promise<unknown> = Promise.resolve();

/** One export at a time: twelve at once would open twelve hidden windows. */
function printHtmlToPdf(html: string): Promise<Buffer> {
  const next = printQueue.then(() => printOne(html));
  printQueue = next.catch(() => undefined);
  return next;
}

/** Loads the HTML from the app's own origin, not a data: URL (Chromium caps those at 2 MiB: ~2,000 citations). */
async function printOne(html: string): Promise<Buffer> {
  const nonce = randomBytes(16).toString('hex');
  printPages.set(nonce, html);
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await win.loadURL(`${APP_ORIGIN}${PRINT_PREFIX}${nonce}`);
    return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    printPages.delete(nonce);
    win.destroy();
  }
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links in documents open in the user's browser, never inside Gloss.
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

app.on('window-all-closed', () => {
  backend?.close();
  app.quit();
});

// One Gloss per data folder: a second launch focuses the first window instead of opening the project twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  start().catch((error: unknown) => {
    dialog.showErrorBox('Gloss could not start', (error as Error).message);
    app.exit(1);
  });
}
