// Browser mode: the workbench served over the HTTP transport, for machines without Electron and for e2e tests.
// Usage: node dist/electron/electron/server/web.js [--data-dir DIR] [--project FILE] [--port N] [--open]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createBackend } from '../backend.js';
import { defaultDataDir, defaultSeedsDir, rendererDir } from '../paths.js';
import { startHttpServer } from './http.js';
import { chromiumPdfService } from './pdf.js';

const PRINTED_LINK_TTL_MS = 10 * 60_000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      project: { type: 'string' },
      port: { type: 'string' },
      open: { type: 'boolean', default: false },
    },
  });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const pdf = chromiumPdfService();
  const backend = await createBackend(
    { dataDir, projectPath: values.project, seedsDir: defaultSeedsDir() },
    { export: pdf },
  );
  const server = await startHttpServer({
    dispatch: backend.dispatch,
    staticDir: rendererDir(),
    port: values.port ? Number(values.port) : 0,
    // Never a command-line option: other local users can read a process's arguments.
    token: process.env.GLOSS_TOKEN || undefined,
  });
  console.log(`Gloss is serving project ${backend.workspace.project.path}`);
  const warning = backend.workspace.project.startupWarning;
  if (warning) console.warn(`Warning: ${warning}`);
  // The token is never printed (terminal output ends up in logs): a person gets a link that works once; a script
  // that needs the token chooses it and passes it in GLOSS_TOKEN.
  const link = server.createLaunchUrl(PRINTED_LINK_TTL_MS);
  console.log(`Open the workbench at: ${link}\n(the link works once, within 10 minutes; the page keeps working after)`);
  console.log(`GLOSS_READY ${JSON.stringify({ url: server.url, launchUrl: link })}`);
  if (values.open) openBrowser(server.createLaunchUrl());
  const stop = async () => {
    await server.close();
    await pdf.close?.();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * Opens the workbench in Chromium's app window where available, else the system's default browser.
 * `url` is a one-time launch URL: the token itself never appears on the browser's command line.
 */
function openBrowser(url: string): void {
  const candidates = [
    process.env.GLOSS_BROWSER,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const chromium = candidates.find((p): p is string => Boolean(p && fs.existsSync(p)));
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay) {
    console.log('No display found; open the address above in a browser.');
    return;
  }
  const [command, args] = chromium
    ? [chromium, [`--app=${url}`, '--no-first-run']]
    : process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', () => console.log('Could not open a browser; open the address above yourself.'));
  child.unref();
}

main().catch((error: unknown) => {
  console.error(`Gloss could not start: ${(error as Error).message}`);
  process.exit(1);
});
