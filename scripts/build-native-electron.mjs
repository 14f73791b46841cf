// Builds better-sqlite3 for Electron's ABI into native/electron/, leaving node_modules' Node build alone
// (tests and browser mode keep using it). The main process loads this copy via better-sqlite3's nativeBinding.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const outDir = path.join(root, 'native', 'electron');
const stamp = path.join(outDir, 'electron-version');
const target = path.join(outDir, 'better_sqlite3.node');

if (fs.existsSync(target) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === electronVersion)
  process.exit(0);

console.log(`Building better-sqlite3 for Electron ${electronVersion}…`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-sqlite-electron-'));
try {
  fs.cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  execFileSync(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
    ],
    { cwd: work, stdio: 'inherit' },
  );
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  fs.writeFileSync(stamp, electronVersion);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
