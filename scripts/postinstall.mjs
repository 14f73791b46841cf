// Runs after `npm install`. Electron is an optional dependency: where its runtime cannot be downloaded
// (offline build machines, CI) npm drops it and the install still succeeds. The Electron glue still has to
// type-check there, so fetch just Electron's type declarations from the registry into .types/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const realTypes = path.join(root, 'node_modules', 'electron', 'electron.d.ts');
const fallbackDir = path.join(root, '.types');
const fallback = path.join(fallbackDir, 'electron.d.ts');

if (fs.existsSync(realTypes)) {
  fs.rmSync(fallback, { force: true });
} else if (!fs.existsSync(fallback)) {
  const range = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).optionalDependencies.electron;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-electron-types-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const tarball = execFileSync(npm, ['pack', `electron@${range}`, '--silent', '--pack-destination', tmp], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .pop();
    execFileSync('tar', ['-xzf', path.join(tmp, tarball), '-C', tmp, 'package/electron.d.ts']);
    fs.mkdirSync(fallbackDir, { recursive: true });
    fs.copyFileSync(path.join(tmp, 'package', 'electron.d.ts'), fallback);
    console.log(
      'Electron runtime not installed (it could not be downloaded); fetched its type declarations into .types/.',
    );
  } catch (error) {
    console.warn(`Could not fetch Electron's type declarations: ${error.message}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
