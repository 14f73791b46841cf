// npm run bench:workbench [-- --quick]: only the workbench rows at 10,006 documents (no 100,000-document library).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchWorkbench } from './workbench.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-'));
try {
  const { rows } = await benchWorkbench({
    quick: process.argv.includes('--quick'),
    work,
    chromium: process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium',
    skipLargeLibrary: true,
  });
  for (const r of rows) console.log(`| ${r.area} | ${r.measure} | ${r.gloss} | ${r.peer} | ${r.ratio} |`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
