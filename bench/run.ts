// npm run bench [-- --quick]: Gloss against named peers, measured in the same run on the same data.
//   import throughput and database size; search latency vs minisearch; reader paint vs mark.js in Chromium;
//   memo export with 500 citations; peak memory. Prints a table and writes bench/results/latest.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import MiniSearch from 'minisearch';
import { chromium } from 'playwright-core';
import { createBackend } from '../electron/backend.js';
import type { Db } from '../electron/db/connection.js';
import { insertDocument } from '../electron/db/documents.js';
import { insertHighlight } from '../electron/db/highlights.js';
import { searchAll } from '../electron/db/search.js';
import { importFile, importFiles } from '../electron/import/importer.js';
import { ensureIndexed } from '../electron/corroboration/sentenceIndex.js';
import { openProject } from '../electron/project/project.js';
import { chromiumPdfService, HEADLESS_CHROMIUM_ARGS } from '../electron/server/pdf.js';
import { parseQuery } from '../electron/search/query.js';
import { createClient } from '../shared/api.js';
import { BENCH_QUERIES, corpusDocuments, generateCorpus, generateDocument, mulberry32 } from './corpus.js';
import { benchAnalysis } from './analysis.js';
import { benchCorroboration } from './corroboration.js';
import { benchExchange } from './exchange.js';
import { benchTeam } from './team.js';
import { benchWorkbench } from './workbench.js';
import { fileSize, warmExtractionPool } from './import-support.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const CHROMIUM = process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-'));
const rows: { area: string; measure: string; gloss: string; peer: string; ratio: string }[] = [];
const results: Record<string, unknown> = {};

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
};

/** Batch import (importFiles): small files share worker messages, and are written many per transaction. */
async function benchImport(count: number) {
  const file = path.join(work, `import-${count}.gloss`);
  const project = await openProject(file);
  const corpus = generateCorpus(count, 42);
  const bytes = corpus.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  await warmExtractionPool();
  const [outcomes, elapsed] = await time(() =>
    importFiles(
      project.db,
      corpus.map((doc) => ({ fileName: doc.fileName, bytes: Buffer.from(doc.text) })),
    ),
  );
  if (outcomes.some((r) => r.status !== 'imported')) throw new Error('benchmark import failed');
  project.db.pragma('wal_checkpoint(TRUNCATE)');
  const size = fileSize(file);
  const docsPerSecond = count / (elapsed / 1000);
  rows.push({
    area: 'import',
    measure: `${count} docs of 2–8 KB`,
    gloss: `${docsPerSecond.toFixed(0)} docs/s, ${(bytes / 1048576 / (elapsed / 1000)).toFixed(1)} MB/s`,
    peer: '—',
    ratio: '',
  });
  rows.push({
    area: 'import',
    measure: `database size (${(bytes / 1048576).toFixed(1)} MB of text)`,
    gloss: `${(size / 1048576).toFixed(1)} MB`,
    peer: '—',
    ratio: `${(size / bytes).toFixed(2)}× text`,
  });
  const index = benchSentenceIndex(project.db, file, count, bytes);
  results[`import_${count}`] = {
    docs: count,
    seconds: elapsed / 1000,
    docsPerSecond,
    mbPerSecond: bytes / 1048576 / (elapsed / 1000),
    dbBytes: size,
    textBytes: bytes,
    sentenceIndex: index,
  };
  return { project, corpus };
}

/**
 * The corroboration sentence index is built on first use, not at import (electron/corroboration/sentenceIndex.ts):
 * how fast it is built for the imported corpus (in one thread, as its background catch-up does in the worker and
 * the backend together), and the project's size once it exists.
 */
function benchSentenceIndex(db: Db, file: string, count: number, textBytes: number) {
  const started = performance.now();
  ensureIndexed(db);
  const seconds = (performance.now() - started) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const dbBytes = fileSize(file);
  rows.push({
    area: 'import',
    measure: `sentence index for corroboration, built on first use (${count} docs)`,
    gloss: `${(count / seconds).toFixed(0)} docs/s; database then ${(dbBytes / 1048576).toFixed(1)} MB`,
    peer: '—',
    ratio: `${(dbBytes / textBytes).toFixed(2)}× text`,
  });
  return { seconds, docsPerSecond: count / seconds, dbBytes };
}

/** One file per call, as the library's file input imports today: each file is its own worker job and transaction. */
async function benchImportOneByOne(count: number) {
  const project = await openProject(path.join(work, `import-single-${count}.gloss`));
  const corpus = generateCorpus(count, 7);
  await warmExtractionPool();
  const [, elapsed] = await time(async () => {
    for (const doc of corpus) await importFile(project.db, { fileName: doc.fileName, bytes: Buffer.from(doc.text) });
  });
  const docsPerSecond = count / (elapsed / 1000);
  rows.push({
    area: 'import',
    measure: `${count} docs of 2–8 KB, one call each`,
    gloss: `${docsPerSecond.toFixed(0)} docs/s`,
    peer: '—',
    ratio: '',
  });
  results[`import_one_by_one_${count}`] = { docs: count, seconds: elapsed / 1000, docsPerSecond };
  project.close();
}

/** Highlights of 50 characters at random places in random documents, in one transaction. */
function addHighlights(db: Db, count: number) {
  const rand = mulberry32(5);
  const docs = db.prepare('SELECT id, length(text) AS length FROM documents').all() as { id: number; length: number }[];
  const textOf = db.prepare('SELECT substr(text, ?, 50) FROM documents WHERE id = ?').pluck();
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const d = docs[Math.floor(rand() * docs.length)];
      const start = Math.floor(rand() * (d.length - 60));
      const exact = textOf.get(start + 1, d.id) as string;
      insertHighlight(db, { documentId: d.id, start, end: start + 50, exact, prefix: '', suffix: '' });
    }
  })();
}

const searchReps = quick ? 5 : 20;

/** Every benchmark query `searchReps` times, the top 50 hits of all kinds as the search view asks for them. */
async function timeGlossSearch(db: Db): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < searchReps; r++) {
    for (const q of BENCH_QUERIES) times.push((await time(() => searchAll(db, parseQuery(q)!, { limit: 50 })))[1]);
  }
  return times;
}

type Corpus = ReturnType<typeof generateCorpus>;

async function benchSearch(project: Awaited<ReturnType<typeof openProject>>, corpus: Corpus, highlightCount: number) {
  addHighlights(project.db, highlightCount);
  const reps = searchReps;
  const glossTimes = await timeGlossSearch(project.db);
  const [mini, indexMs] = await time(() => {
    const m = new MiniSearch({ fields: ['title', 'text'], storeFields: ['title'] });
    m.addAll(corpus.map((d, i) => ({ id: i, title: d.fileName, text: d.text })));
    return m;
  });
  const miniTimes: number[] = [];
  for (let r = 0; r < reps; r++) {
    for (const q of BENCH_QUERIES) {
      const terms = q.replace(/["*]/g, '');
      miniTimes.push(
        (await time(() => mini.search(terms, { prefix: q.endsWith('*'), combineWith: 'AND' }).slice(0, 50)))[1],
      );
    }
  }
  const g50 = percentile(glossTimes, 0.5);
  const g95 = percentile(glossTimes, 0.95);
  const m50 = percentile(miniTimes, 0.5);
  const m95 = percentile(miniTimes, 0.95);
  const label = `${corpus.length} docs + ${highlightCount / 1000}k highlights`;
  rows.push({
    area: 'search',
    measure: `p50, ${label}`,
    gloss: ms(g50),
    peer: `minisearch ${ms(m50)}`,
    ratio: `${(g50 / m50).toFixed(2)}×`,
  });
  rows.push({
    area: 'search',
    measure: `p95, ${label}`,
    gloss: ms(g95),
    peer: `minisearch ${ms(m95)}`,
    ratio: `${(g95 / m95).toFixed(2)}×`,
  });
  rows.push({
    area: 'search',
    measure: 'index build',
    gloss: 'incremental (FTS5 triggers)',
    peer: `minisearch ${ms(indexMs)} in memory`,
    ratio: '',
  });
  results.search = {
    corpus: corpus.length,
    highlights: highlightCount,
    queries: BENCH_QUERIES,
    glossP50: g50,
    glossP95: g95,
    minisearchP50: m50,
    minisearchP95: m95,
    minisearchIndexMs: indexMs,
    note: 'Gloss searches documents, highlights and notes with phrase support; minisearch searches documents only, phrases approximated as AND',
  };
}

/** Search at a corpus too large to import file by file: built with batched inserts in one transaction. */
async function benchSearchLarge(count: number, highlightCount: number) {
  const file = path.join(work, `search-${count}.gloss`);
  const project = await openProject(file);
  const [textBytes, buildMs] = await time(() =>
    project.db.transaction(() => {
      let bytes = 0;
      for (const doc of corpusDocuments(count, 43)) {
        insertDocument(project.db, { title: doc.fileName, format: 'txt', text: doc.text, contentHash: doc.fileName });
        bytes += Buffer.byteLength(doc.text);
      }
      return bytes;
    })(),
  );
  addHighlights(project.db, highlightCount);
  project.db.pragma('wal_checkpoint(TRUNCATE)');
  const dbBytes = fileSize(file);
  const times = await timeGlossSearch(project.db);
  project.close();
  const p50 = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);
  const label = `${count} docs + ${highlightCount / 1000}k highlights`;
  rows.push({ area: 'search', measure: `p50, ${label}`, gloss: ms(p50), peer: '—', ratio: '' });
  rows.push({ area: 'search', measure: `p95, ${label}`, gloss: ms(p95), peer: '—', ratio: '' });
  rows.push({
    area: 'search',
    measure: `database size (${(textBytes / 1048576).toFixed(0)} MB of text)`,
    gloss: `${(dbBytes / 1048576).toFixed(0)} MB`,
    peer: `built in ${(buildMs / 1000).toFixed(0)} s, one transaction`,
    ratio: `${(dbBytes / textBytes).toFixed(2)}× text`,
  });
  results.searchLarge = {
    corpus: count,
    highlights: highlightCount,
    glossP50: p50,
    glossP95: p95,
    buildSeconds: buildMs / 1000,
    dbBytes,
    textBytes,
  };
}

async function benchPaint() {
  const bundle = await build({
    entryPoints: [path.join(here, 'paint-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
  });
  const markJs = fs.readFileSync(path.join(here, '..', 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8');
  const rand = mulberry32(9);
  const doc = generateDocument(rand, 1, 1024 * 1024);
  const paragraphs = doc.text.split('\n\n');
  let offset = 0;
  const html = paragraphs
    .map((p) => {
      const el = `<p data-start="${offset}">${p}</p>`;
      offset += p.length + 2;
      return el;
    })
    .join('');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: HEADLESS_CHROMIUM_ARGS,
  });
  const out: Record<string, number> = {};
  try {
    for (const count of quick ? [1000] : [1000, 10000]) {
      // Same passages for both: ~40 characters each, spread evenly, within paragraphs.
      const starts = paragraphs.map((_, i) => paragraphs.slice(0, i).reduce((n, p) => n + p.length + 2, 0));
      const step = Math.floor(doc.text.length / count);
      const ranges: [number, number][] = [];
      for (let i = 0; i < count; i++) {
        const at = i * step;
        const pi = starts.findLastIndex((s) => s <= at);
        const end = Math.min(at + 40, starts[pi] + paragraphs[pi].length);
        if (end > at) ranges.push([at, end]);
      }
      const domRanges = ranges.map(([s, e]) => {
        const pi = starts.findLastIndex((x) => x <= s);
        return { start: s - 2 * pi, length: e - s };
      });
      for (const engine of ['gloss', 'markjs'] as const) {
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        await page.setContent(
          `<!doctype html><html><head><style>p{font:16px/1.5 serif;max-width:45em}</style></head><body><div id="doc">${html}</div></body></html>`,
        );
        await page.addScriptTag({ content: engine === 'gloss' ? bundle.outputFiles[0].text : markJs });
        const elapsed = await page.evaluate(
          async ({ engine: e, ranges: r, domRanges: d }) => {
            const w = window as unknown as {
              glossPaint(r: [number, number][]): void;
              Mark: new (el: Element) => { markRanges(r: { start: number; length: number }[]): void };
            };
            const t0 = performance.now();
            if (e === 'gloss') w.glossPaint(r);
            else new w.Mark(document.getElementById('doc')!).markRanges(d);
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
            return performance.now() - t0;
          },
          { engine, ranges, domRanges },
        );
        out[`${engine}_${count}`] = elapsed;
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        const metrics = (await cdp.send('Performance.getMetrics')).metrics;
        out[`${engine}_${count}_heapMB`] = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1048576;
        out[`${engine}_${count}_nodes`] = metrics.find((m) => m.name === 'Nodes')?.value ?? 0;
        await page.close();
      }
      rows.push({
        area: 'reader paint',
        measure: `1 MB doc, ${count / 1000}k highlights`,
        gloss: ms(out[`gloss_${count}`]),
        peer: `mark.js ${ms(out[`markjs_${count}`])}`,
        ratio: `${(out[`gloss_${count}`] / out[`markjs_${count}`]).toFixed(2)}×`,
      });
      rows.push({
        area: 'renderer memory',
        measure: `JS heap / DOM nodes, ${count / 1000}k highlights`,
        gloss: `${out[`gloss_${count}_heapMB`].toFixed(1)} MB / ${out[`gloss_${count}_nodes`]}`,
        peer: `mark.js ${out[`markjs_${count}_heapMB`].toFixed(1)} MB / ${out[`markjs_${count}_nodes`]}`,
        ratio: '',
      });
    }
  } finally {
    await browser.close();
  }
  results.paint = out;
}

async function benchExport() {
  const dataDir = path.join(work, 'export');
  const pdf = chromiumPdfService();
  const backend = await createBackend(
    { dataDir, projectPath: path.join(dataDir, 'export.gloss'), seedsDir: path.join(here, '..', 'seeds') },
    { export: pdf },
  );
  const client = createClient((op, args) => backend.dispatch(op, args));
  const docs = await client['documents.list']({});
  const content: unknown[] = [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Benchmark memo' }] },
  ];
  for (let i = 0; i < 500; i++) {
    const doc = docs[i % docs.length];
    const start = (i * 53) % (doc.length - 80);
    const h = await client['highlights.create']({ documentId: doc.id, start, end: start + 60 });
    content.push(
      { type: 'paragraph', content: [{ type: 'text', text: `Point ${i + 1}.` }] },
      { type: 'citation', attrs: { highlightId: h.id, quote: h.exact } },
    );
  }
  const memo = await client['memos.create']({
    title: 'Benchmark memo',
    content: JSON.stringify({ type: 'doc', content }),
  });
  const out: Record<string, number> = {};
  for (const format of ['md', 'html', 'docx', 'pdf'] as const) {
    const [file, elapsed] = await time(() => client['export.memo']({ memoId: memo.id, format }));
    out[format] = elapsed;
    out[`${format}_bytes`] = Buffer.from(file.base64, 'base64').length;
    rows.push({
      area: 'export',
      measure: `memo, 500 citations, ${format}`,
      gloss: ms(elapsed),
      peer: '—',
      ratio: `${(out[`${format}_bytes`] / 1024).toFixed(0)} KB`,
    });
  }
  backend.close();
  await pdf.close?.();
  results.export = out;
}

function machine() {
  const sqlite = (() => {
    try {
      return execFileSync(process.execPath, [
        '-e',
        "console.log(new (require('better-sqlite3'))(':memory:').prepare('select sqlite_version()').pluck().get())",
      ])
        .toString()
        .trim();
    } catch {
      return '?';
    }
  })();
  const chromiumVersion = (() => {
    try {
      return execFileSync(CHROMIUM, ['--version']).toString().trim();
    } catch {
      return 'not found';
    }
  })();
  return {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? '?',
    cores: os.cpus().length,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sqlite,
    chromium: chromiumVersion,
    quick,
  };
}

const info = machine();
console.log(
  `Gloss benchmarks — ${info.date}\n${info.cpu} × ${info.cores} cores, ${info.memoryGiB} GiB, ${info.platform}\nNode ${info.node}, SQLite ${info.sqlite}, ${info.chromium}${quick ? ' (quick run)' : ''}\n`,
);
const small = await benchImport(1000);
small.project.close();
await benchImportOneByOne(1000);
const big = quick ? await benchImport(2000) : await benchImport(10000);
await benchSearch(big.project, big.corpus, quick ? 10_000 : 100_000);
big.project.close();
await benchSearchLarge(quick ? 20_000 : 100_000, quick ? 10_000 : 100_000);
const oneMb = await openProject(path.join(work, 'one-mb.gloss'));
const [, oneMbMs] = await time(() =>
  importFile(oneMb.db, {
    fileName: 'long.txt',
    bytes: Buffer.from(generateDocument(mulberry32(3), 1, 1024 * 1024).text),
  }),
);
rows.push({ area: 'import', measure: 'one 1 MB document', gloss: ms(oneMbMs), peer: '—', ratio: '' });
oneMb.close();
await benchPaint();
await benchExport();
const peakMB = process.resourceUsage().maxRSS / 1024;
rows.push({
  area: 'server memory',
  measure: 'peak RSS of the process running the backend',
  gloss: `${peakMB.toFixed(0)} MB`,
  peer: '(includes the minisearch index)',
  ratio: '',
});
results.peakRssMB = peakMB;
// After the peak-RSS reading: generating the workbench projects in this process would inflate it.
const workbench = await benchWorkbench({ quick, work, chromium: CHROMIUM });
rows.push(...workbench.rows);
results.workbench = workbench.results;
const exchange = await benchExchange({ quick });
rows.push(...exchange);
results.exchange = exchange;
const analysis = await benchAnalysis({ quick });
rows.push(...analysis);
results.analysis = analysis;
const corroboration = await benchCorroboration({ quick });
rows.push(...corroboration);
results.corroboration = corroboration;
const team = await benchTeam({ quick });
rows.push(...team);
results.team = team;

const widths = (['area', 'measure', 'gloss', 'peer', 'ratio'] as const).map((k) =>
  Math.max(k.length, ...rows.map((r) => r[k].length)),
);
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(['area', 'measure', 'gloss', 'peer (same run)', 'ratio']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line([r.area, r.measure, r.gloss, r.peer, r.ratio]));
console.log('\nratio = Gloss ÷ peer (below 1 means Gloss is faster).');
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(path.join(here, 'results', 'latest.json'), JSON.stringify({ machine: info, rows, results }, null, 2));
fs.rmSync(work, { recursive: true, force: true });
