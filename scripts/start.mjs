// `npm start`: the desktop app when Electron's runtime is installed; otherwise say so plainly and
// open the same workbench in a browser over the local HTTP transport. `npm run web` (--web) goes straight there.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const webOnly = process.argv.includes('--web');

function electronBinary() {
  try {
    const binary = require('electron'); // the electron package exports the runtime's path
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function startWeb() {
  const child = spawn(
    process.execPath,
    [path.join(root, 'dist/electron/electron/server/web.js'), '--open', ...passThrough()],
    { cwd: root, stdio: 'inherit' },
  );
  forwardSignals(child);
}

function passThrough() {
  return process.argv.slice(2).filter((a) => a !== '--web');
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const binary = webOnly ? null : electronBinary();
if (webOnly) {
  startWeb();
} else if (!binary) {
  console.log(
    [
      '',
      "Electron's runtime is not installed on this machine (it could not be downloaded during npm install),",
      'so the desktop window cannot open. Starting Gloss in browser mode instead: same workbench, same project,',
      'served on 127.0.0.1 with a per-run token.',
      '',
    ].join('\n'),
  );
  startWeb();
} else {
  const native = spawnSync(process.execPath, [path.join(root, 'scripts/build-native-electron.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (native.status !== 0) {
    console.log('\nThe database module could not be built for Electron; starting Gloss in browser mode instead.\n');
    startWeb();
  } else {
    const child = spawn(binary, [root, ...passThrough()], { cwd: root, stdio: 'inherit' });
    forwardSignals(child);
  }
}
