// What the import benchmarks share (bench/run.ts's import rows and npm run bench:import).
import fs from 'node:fs';
import { extractionPool } from '../electron/import/pool.js';

/** A project file's size with its write-ahead log and shared memory. */
export const fileSize = (f: string) =>
  ['', '-wal', '-shm'].reduce((n, s) => n + (fs.existsSync(f + s) ? fs.statSync(f + s).size : 0), 0);

/** Starts the extraction workers first: the app's pool outlives any one import, so start-up is not import time. */
export async function warmExtractionPool() {
  const pool = extractionPool();
  await Promise.all(
    Array.from({ length: pool.size }, () => pool.extract([{ fileName: 'warm.md', bytes: Buffer.from('# warm') }])),
  );
}
