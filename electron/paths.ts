// Where the app's own files are, whether run from source (tsx), from dist/, or packaged.
import fs from 'node:fs';
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
