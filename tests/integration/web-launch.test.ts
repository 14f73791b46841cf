// `npm run web -- --open`: the browser is started without the token on its command line (any local user can
// read /proc/<pid>/cmdline), and browser mode honours GLOSS_DATA_DIR as Electron does.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { defaultDataDir } from '../../electron/paths.js';
import { repoRoot, tempDir } from '../support/temp.js';

async function waitFor<T>(probe: () => T | undefined, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('--open starts the browser with a one-time launch URL, never the token', async () => {
  const dir = tempDir();
  const argvFile = path.join(dir, 'browser-argv.json');
  const fakeBrowser = path.join(dir, 'fake-browser');
  fs.writeFileSync(
    fakeBrowser,
    `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(argvFile)}, ` +
      'JSON.stringify(process.argv.slice(2)));\n',
    { mode: 0o755 },
  );
  const dataDir = path.join(dir, 'data');
  const entry = path.join(repoRoot, 'dist', 'electron', 'electron', 'server', 'web.js');
  const child = spawn(process.execPath, [entry, '--open'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: ':99', GLOSS_BROWSER: fakeBrowser, GLOSS_DATA_DIR: dataDir },
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    output += c.toString();
  });
  try {
    const ready = await waitFor(() => {
      const line = /GLOSS_READY (.*)/.exec(output)?.[1];
      return line ? (JSON.parse(line) as { url: string; token: string }) : undefined;
    }, `the server:\n${output}`);
    assert.match(
      output,
      new RegExp(`serving project ${path.join(dataDir, 'Default.gloss').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      'GLOSS_DATA_DIR is honoured',
    );
    const argv = await waitFor(
      () => (fs.existsSync(argvFile) ? (JSON.parse(fs.readFileSync(argvFile, 'utf8')) as string[]) : undefined),
      'the browser to start',
    );
    assert.ok(!argv.join(' ').includes(ready.token), `the token is on the browser's command line: ${argv.join(' ')}`);
    assert.ok(!fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').includes(ready.token));
    const launchUrl = argv.find((a) => a.startsWith('--app='))!.slice('--app='.length);
    assert.match(launchUrl, /\/launch\/[\w-]{20,}$/);
    const status = () =>
      new Promise<number>((resolve) => {
        http.get(launchUrl, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
      });
    assert.equal(await status(), 303);
    assert.equal(await status(), 410);
  } finally {
    child.kill('SIGTERM');
  }
});

test('the browser-mode data folder: GLOSS_DATA_DIR, else an absolute XDG_DATA_HOME, else ~/.local/share', () => {
  assert.equal(defaultDataDir({ GLOSS_DATA_DIR: '/data/g' }, '/home/a'), '/data/g');
  assert.equal(defaultDataDir({ XDG_DATA_HOME: '/xdg' }, '/home/a'), '/xdg/Gloss');
  assert.equal(defaultDataDir({ XDG_DATA_HOME: '' }, '/home/a'), '/home/a/.local/share/Gloss', 'empty is ignored');
  assert.equal(
    defaultDataDir({ XDG_DATA_HOME: 'rel' }, '/home/a'),
    '/home/a/.local/share/Gloss',
    'relative is ignored',
  );
  assert.equal(defaultDataDir({}, '/home/a'), '/home/a/.local/share/Gloss');
});
