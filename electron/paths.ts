// Where the app's own files are, whether run from source (tsx), from dist/, or packaged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json (the repository, or the packaged app's resources/app). */
export function appRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Gloss app folder (no package.json above this file).');
    dir = parent;
  }
  return dir;
}

export function defaultSeedsDir(): string {
  return path.join(appRoot(), 'seeds');
}

export function rendererDir(): string {
  return path.join(appRoot(), 'dist', 'renderer');
}

/**
 * Browser mode's data folder: GLOSS_DATA_DIR (as Electron honours it), else $XDG_DATA_HOME/Gloss, else
 * ~/.local/share/Gloss. Per the XDG spec an empty or relative XDG_DATA_HOME is ignored, never the working folder.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  if (env.GLOSS_DATA_DIR) return path.resolve(env.GLOSS_DATA_DIR);
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.local', 'share');
  return path.join(base, 'Gloss');
}
