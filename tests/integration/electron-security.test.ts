import assert from 'node:assert/strict';
import { test } from 'node:test';
// @ts-expect-error — a plain .mjs script without type declarations
import { lintCsp, lintRepository, lintSources } from '../../scripts/security-lint.mjs';
import { repoRoot } from '../support/temp.js';

type Finding = { severity: string; file: string; message: string };

test('the Electron glue has no high security findings', () => {
  const findings = (lintRepository(repoRoot) as Finding[]).filter((f) => f.severity === 'high');
  assert.deepEqual(findings, []);
});

test('the lint catches an insecure window, IPC without validation, remote content and a weak CSP', () => {
  const insecure = `
    import { BrowserWindow, ipcMain, shell } from 'electron';
    const win = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false, nodeIntegration: true, webviewTag: true } });
    win.loadURL('https://example.com');
    ipcMain.handle('run', (e, cmd) => require('child_process').exec(cmd));
    win.webContents.on('new-window', (e, url) => shell.openExternal(url));`;
  const messages = (lintSources([{ name: 'bad.ts', text: insecure }]) as Finding[]).map((f) => f.message).join('\n');
  for (const expected of [
    'contextIsolation must be true',
    'sandbox must be true',
    'nodeIntegration must be false',
    'webviewTag must not be enabled',
    'loading remote content',
    'does not go through the validating dispatcher',
    'shell.openExternal without checking',
    'window.open is not denied',
    'navigation is not restricted',
  ]) {
    assert.ok(messages.includes(expected), `missing finding: ${expected}\n${messages}`);
  }
  const printing = `
    import { protocol, net } from 'electron';
    protocol.handle('app', (request) => net.fetch(request.url));
    win.loadURL(\`data:text/html;charset=utf-8,\${encodeURIComponent(html)}\`);`;
  const printMessages = (lintSources([{ name: 'print.ts', text: printing }]) as Finding[])
    .map((f) => f.message)
    .join('\n');
  assert.match(printMessages, /protocol handler whose responses carry no Content-Security-Policy/);
  assert.match(printMessages, /loading a data: URL/);
  const weak = (lintCsp("default-src *; script-src 'self' 'unsafe-inline' 'unsafe-eval'") as Finding[])
    .map((f) => f.message)
    .join('\n');
  assert.match(weak, /unsafe-eval/);
  assert.match(weak, /script-src is too broad/);
});
