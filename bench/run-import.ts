// npm run bench:import [-- --count 10000 --runs 3]: only the batch import rows of `npm run bench` (benchImport in
// run.ts, which takes eight minutes with the rest): the same corpus into a fresh project each run, timed the same
// way, then the database size after a WAL checkpoint. Other work on the machine makes one run noisy, so each run
// also says how long the backend's thread ran and how long it waited for a core (Linux), and the median is last.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFiles } from '../electron/import/importer.js';
import { extractionPool } from '../electron/import/pool.js';
import { openProject } from '../electron/project/project.js';
import { generateCorpus, type GeneratedDocument } from './corpus.js';
import { fileSize, warmExtractionPool } from './import-support.js';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const count = option('count', 10_000);
const runs = option('runs', 1);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-import-'));

/** Seconds this thread has run and has waited to run, from /proc (zeros elsewhere). */
function mainThreadSchedule(): { ran: number; waited: number } {
  const file = `/proc/self/task/${process.pid}/schedstat`;
  if (!fs.existsSync(file)) return { ran: 0, waited: 0 };
  const [ran, waited] = fs.readFileSync(file, 'utf8').split(' ').map(Number);
  return { ran: ran / 1e9, waited: waited / 1e9 };
}

async function importOnce(run: number, corpus: GeneratedDocument[], textBytes: number) {
  const file = path.join(work, `import-${run}.gloss`);
  const project = await openProject(file);
  await warmExtractionPool();
  const before = mainThreadSchedule();
  const started = performance.now();
  // As benchImport times it: the files' bytes are made inside the timed call.
  const outcomes = await importFiles(
    project.db,
    corpus.map((doc) => ({ fileName: doc.fileName, bytes: Buffer.from(doc.text) })),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = mainThreadSchedule();
  if (outcomes.some((r) => r.status !== 'imported')) throw new Error('benchmark import failed');
  project.db.pragma('wal_checkpoint(TRUNCATE)');
  const ratio = fileSize(file) / textBytes;
  project.close();
  fs.rmSync(file, { force: true });
  return { seconds, ran: after.ran - before.ran, waited: after.waited - before.waited, ratio };
}

const corpus = generateCorpus(count, 42);
const textBytes = corpus.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
const rates: number[] = [];
for (let run = 0; run < runs; run++) {
  const r = await importOnce(run, corpus, textBytes);
  rates.push(count / r.seconds);
  console.log(
    `run ${run + 1}: ${(count / r.seconds).toFixed(0)} docs/s, ${r.ratio.toFixed(3)}× text; backend thread ran ` +
      `${r.ran.toFixed(2)} s, waited for a core ${r.waited.toFixed(2)} s of ${r.seconds.toFixed(2)} s`,
  );
}
const median = [...rates].sort((a, b) => a - b)[Math.floor(runs / 2)];
console.log(`${count} docs of 2–8 KB: median ${median.toFixed(0)} docs/s of ${runs} run(s)`);
extractionPool().close();
fs.rmSync(work, { recursive: true, force: true });
process.exit(0);
