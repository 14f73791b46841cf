// Corroboration benchmarks: import throughput with the sentence index, building the index for a generated
// 10,006-document project, finding corroboration for a passage there, badges for a screen of passages, and a Claims
// report. Run alone with `npm run bench:corroboration [-- --quick]`; also part of `npm run bench`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimsReport } from '../electron/corroboration/claims.js';
import { findCorroboration } from '../electron/corroboration/match.js';
import { corroborationCounts } from '../electron/corroboration/service.js';
import { ensureIndexed } from '../electron/corroboration/sentenceIndex.js';
import { listHighlights } from '../electron/db/highlights.js';
import { importFiles } from '../electron/import/importer.js';
import { extractionPool } from '../electron/import/pool.js';
import { openProject } from '../electron/project/project.js';
import { corpusDocuments, mulberry32 } from './corpus.js';
import { generateWorkbenchProject } from './workbench-project.js';

export interface BenchRow {
  area: string;
  measure: string;
  gloss: string;
  peer: string;
  ratio: string;
}

const seeds = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'seeds');
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

async function importRate(work: string, count: number, minBytes: number, maxBytes: number) {
  const project = await openProject(path.join(work, `import-${count}-${minBytes}.gloss`));
  const files = [...corpusDocuments(count, 7, minBytes, maxBytes)].map((d) => ({
    fileName: d.fileName,
    bytes: Buffer.from(d.text),
  }));
  const pool = extractionPool();
  await Promise.all(
    Array.from({ length: pool.size }, () => pool.extract([{ fileName: 'w.md', bytes: Buffer.from('#') }])),
  );
  // The sentence index is built on first use, not inside the import (electron/corroboration/sentenceIndex.ts):
  // the rate asked for is of both, so both are timed.
  const started = performance.now();
  const results = await importFiles(project.db, files);
  ensureIndexed(project.db);
  const seconds = (performance.now() - started) / 1000;
  if (results.some((r) => r.status !== 'imported')) throw new Error('benchmark import failed');
  const sentences = project.db.prepare('SELECT COUNT(*) FROM sentences').pluck().get() as number;
  project.close();
  return { docsPerSecond: count / seconds, sentences };
}

export async function benchCorroboration(options: { quick?: boolean } = {}): Promise<BenchRow[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-corroboration-'));
  const rows: BenchRow[] = [];
  try {
    const fiveKb = await importRate(work, 1000, 5000, 5200);
    console.error(`import 1000 × 5 KB: ${fiveKb.docsPerSecond.toFixed(0)} docs/s`);
    rows.push({
      area: 'corroboration',
      measure: 'import 1000 docs of 5 KB, then their sentence index',
      gloss: `${fiveKb.docsPerSecond.toFixed(0)} docs/s`,
      peer: '—',
      ratio: `${(fiveKb.docsPerSecond / 200).toFixed(1)}× the 200 docs/s asked`,
    });
    const mixed = await importRate(work, 1000, 2048, 8192);
    rows.push({
      area: 'corroboration',
      measure: 'import 1000 docs of 2–8 KB, then their sentence index',
      gloss: `${mixed.docsPerSecond.toFixed(0)} docs/s`,
      peer: '—',
      ratio: `${mixed.sentences.toLocaleString('en')} sentences`,
    });

    const reports = options.quick ? 2000 : 10_000;
    const generated = await generateWorkbenchProject(path.join(work, 'workbench.gloss'), reports, seeds);
    console.error(`generated ${generated.documents} documents`);
    const project = await openProject(generated.file);
    const db = project.db;
    // The generated project is indexed as it is made (as an import followed by first use leaves it); the rate of
    // building the index over existing documents is the import section's "built on first use" row.
    let started: number;
    const highlights = listHighlights(db).filter((h) => h.exact.length >= 30);
    const rand = mulberry32(5);
    const sample = Array.from(
      { length: options.quick ? 30 : 100 },
      () => highlights[Math.floor(rand() * highlights.length)],
    );
    findCorroboration(db, { ...sample[0], text: sample[0].exact }); // term frequencies read once per index state
    const times: number[] = [];
    for (const h of sample) {
      started = performance.now();
      findCorroboration(db, { ...h, text: h.exact });
      times.push(performance.now() - started);
    }
    rows.push({
      area: 'corroboration',
      measure: `find for a passage, p50 / p95, ${generated.documents.toLocaleString('en')} docs`,
      gloss: `${ms(percentile(times, 0.5))} / ${ms(percentile(times, 0.95))}`,
      peer: '—',
      ratio: `${(percentile(times, 0.95) / 100).toFixed(2)}× the 100 ms asked`,
    });
    started = performance.now();
    corroborationCounts(
      db,
      sample.slice(0, 20).map((h) => h.id),
    );
    rows.push({
      area: 'corroboration',
      measure: 'badges for a screen of 20 passages',
      gloss: ms(performance.now() - started),
      peer: '—',
      ratio: '',
    });
    console.error(`find p50 ${percentile(times, 0.5).toFixed(1)} ms`);
    started = performance.now();
    const report = claimsReport(db, {});
    rows.push({
      area: 'corroboration',
      measure: `claims of the first ${report.documentsCovered} documents`,
      gloss: ms(performance.now() - started),
      peer: '—',
      ratio: `${report.claims.length.toLocaleString('en')} claims`,
    });
    project.close();
    return rows;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
