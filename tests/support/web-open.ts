// `web.js --open` as a real child process, with a stand-in browser that records the arguments it was started
// with: what any local user could read in /proc/<pid>/cmdline.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, tempDir } from './temp.js';

export interface OpenedWeb {
  child: ChildProcess;
  dataDir: string;
  token: string;
  /** Everything the server printed so far. */
  output(): string;
  /** The stand-in browser's arguments. */
  browserArgv: string[];
  launchUrl: string;
  stop(): void;
}

export async function startWebWithOpen(): Promise<OpenedWeb> {
  const dir = tempDir();
  const argvFile = path.join(dir, 'browser-argv.json');
  const fakeBrowser = path.join(dir, 'fake-browser');
  const record = `require('fs').writeFileSync(${JSON.stringify(argvFile)}, JSON.stringify(process.argv.slice(2)));`;
  fs.writeFileSync(fakeBrowser, `#!${process.execPath}\n${record}\n`, { mode: 0o755 });
  const dataDir = path.join(dir, 'data');
  const token = randomBytes(24).toString('base64url');
  const entry = path.join(repoRoot, 'dist', 'electron', 'electron', 'server', 'web.js');
  const child = spawn(process.execPath, [entry, '--open'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: ':99', GLOSS_BROWSER: fakeBrowser, GLOSS_DATA_DIR: dataDir, GLOSS_TOKEN: token },
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  try {
    await waitFor(
      () => /GLOSS_READY (.*)/.exec(output)?.[1],
      () => `the server:\n${output}`,
    );
    const browserArgv = await waitFor(
      () => (fs.existsSync(argvFile) ? (JSON.parse(fs.readFileSync(argvFile, 'utf8')) as string[]) : undefined),
      () => `the browser to start:\n${output}`,
    );
    const launchUrl = browserArgv.find((a) => a.startsWith('--app='))?.slice('--app='.length) ?? '';
    return { child, dataDir, token, output: () => output, browserArgv, launchUrl, stop: () => child.kill('SIGTERM') };
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
}

async function waitFor<T>(probe: () => T | undefined, what: () => string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
