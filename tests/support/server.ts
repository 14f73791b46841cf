// The browser-mode server as a real child process (the e2e tests restart it to prove persistence).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { repoRoot } from './temp.js';

export interface ServerProcess {
  url: string;
  token: string;
  appUrl: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startServerProcess(dataDir: string): Promise<ServerProcess> {
  const entry = path.join(repoRoot, 'dist', 'electron', 'electron', 'server', 'web.js');
  // The server never prints its token: the test chooses it and hands it over in the environment.
  const token = randomBytes(24).toString('base64url');
  const child = spawn(process.execPath, [entry, '--data-dir', dataDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GLOSS_TOKEN: token },
  });
  let output = '';
  const ready = await new Promise<{ url: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /GLOSS_READY (.*)/.exec(output)?.[1];
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${output}`));
    });
  });
  if (output.includes(token)) throw new Error('the server printed its token');
  return {
    url: ready.url,
    token,
    appUrl: `${ready.url}/#token=${token}`,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
