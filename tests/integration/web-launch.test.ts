// `npm run web -- --open`: the browser is started without the token on its command line (any local user can
// read /proc/<pid>/cmdline), and browser mode honours GLOSS_DATA_DIR as Electron does.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { defaultDataDir } from '../../electron/paths.js';
import { startWebWithOpen } from '../support/web-open.js';

function status(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.resume();
        resolve(res.statusCode!);
      })
      .on('error', reject);
  });
}

test('--open starts the browser with a one-time launch URL, never the token', async () => {
  const web = await startWebWithOpen();
  try {
    const argv = web.browserArgv.join(' ');
    assert.ok(!argv.includes(web.token), `the token is on the browser's command line: ${argv}`);
    assert.ok(!fs.readFileSync(`/proc/${web.child.pid}/cmdline`, 'utf8').includes(web.token));
    assert.ok(!web.output().includes(web.token), 'the token is never printed (terminal output ends up in logs)');
    assert.match(web.launchUrl, /^http:\/\/127\.0\.0\.1:\d+\/launch\/[\w-]{20,}$/);
    assert.equal(await status(web.launchUrl), 303);
    assert.equal(await status(web.launchUrl), 410, 'a second use is refused');
    assert.ok(web.output().includes(`serving project ${path.join(web.dataDir, 'Default.gloss')}`), 'GLOSS_DATA_DIR');
  } finally {
    web.stop();
  }
});

test('the browser-mode data folder: GLOSS_DATA_DIR, else an absolute XDG_DATA_HOME, else ~/.local/share', () => {
  const home = '/home/a';
  assert.equal(defaultDataDir({ GLOSS_DATA_DIR: '/data/g' }, home), '/data/g');
  assert.equal(defaultDataDir({ XDG_DATA_HOME: '/xdg' }, home), '/xdg/Gloss');
  assert.equal(defaultDataDir({ XDG_DATA_HOME: '' }, home), '/home/a/.local/share/Gloss', 'empty is ignored');
  assert.equal(defaultDataDir({ XDG_DATA_HOME: 'rel' }, home), '/home/a/.local/share/Gloss', 'relative is ignored');
  assert.equal(defaultDataDir({}, home), '/home/a/.local/share/Gloss');
});
