// REFI-QDA benchmarks: importing the NVivo sample (issue 11 asks ≤ 2 s) and exporting a 10,000-document project
// with highlights (≤ 10 s). `node --import tsx bench/exchange.ts [--quick]` prints the rows; bench/run.ts may call
// benchExchange() to add them to its table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeAnchor } from '../electron/anchoring/anchor.js';
import { insertDocument } from '../electron/db/documents.js';
import { insertHighlight, setHighlightTags } from '../electron/db/highlights.js';
import { insertTag } from '../electron/db/tags.js';
import { exportProject } from '../electron/exchange/exportProject.js';
import { importQdpx } from '../electron/exchange/importExchange.js';
import { contentHash } from '../electron/import/text.js';
import { openProject } from '../electron/project/project.js';
import { generateCorpus } from './corpus.js';

export interface BenchRow {
  area: string;
  measure: string;
  gloss: string;
  peer: string;
  ratio: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE_DIRS = [
  path.join(here, '..', '..', 'shared', 'refi-qda'),
  path.join(here, '..', '..', '..', 'shared', 'refi-qda'),
];
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

async function benchSampleImport(work: string, runs: number): Promise<BenchRow | null> {
  const dir = [process.env.GLOSS_REFI_QDA, ...SAMPLE_DIRS].find((d) => d && fs.existsSync(path.join(d, 'samples')));
  if (!dir) return null;
  const bytes = fs.readFileSync(path.join(dir, 'samples', 'nvivo-oltas-teszt.qdpx'));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const project = await openProject(path.join(work, `nvivo-${i}.gloss`));
    times.push((await timed(() => importQdpx(project.db, 'nvivo-oltas-teszt.qdpx', bytes)))[1]);
    project.close();
  }
  const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  return {
    area: 'exchange',
    measure: 'import NVivo sample (2 × 650 KB, 330 passages)',
    gloss: ms(median),
    peer: '—',
    ratio: '≤ 2 s asked',
  };
}

async function benchLargeExport(work: string, documents: number, highlightsPerDocument: number): Promise<BenchRow> {
  const project = await openProject(path.join(work, `export-${documents}.gloss`));
  const db = project.db;
  db.transaction(() => {
    const tags = Array.from({ length: 20 }, (_, i) =>
      insertTag(db, { name: `Theme ${i}`, color: '#7cb7e8', description: '', parentId: null }),
    );
    for (const [i, doc] of generateCorpus(documents, 7).entries()) {
      const id = insertDocument(db, {
        title: doc.fileName,
        format: 'txt',
        text: doc.text,
        contentHash: contentHash(doc.text),
      });
      for (let h = 0; h < highlightsPerDocument; h++) {
        const start = Math.floor((doc.text.length - 200) * (h / highlightsPerDocument));
        const highlightId = insertHighlight(db, { documentId: id, ...describeAnchor(doc.text, start, start + 120) });
        setHighlightTags(db, highlightId, [tags[(i + h) % tags.length]]);
      }
    }
  })();
  const [file, elapsed] = await timed(() => exportProject(db, 'bench'));
  project.close();
  const mb = (Buffer.byteLength(file.base64, 'base64') / 1048576).toFixed(1);
  return {
    area: 'exchange',
    measure: `export ${documents} docs, ${documents * highlightsPerDocument} highlights (.qdpx)`,
    gloss: ms(elapsed),
    peer: '—',
    ratio: `${mb} MB, ≤ 10 s asked`,
  };
}

export async function benchExchange(options: { quick?: boolean } = {}): Promise<BenchRow[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-exchange-'));
  try {
    const sample = await benchSampleImport(work, options.quick ? 1 : 3);
    const large = await benchLargeExport(work, options.quick ? 1000 : 10_000, 10);
    return [...(sample ? [sample] : []), large];
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const row of await benchExchange({ quick: process.argv.includes('--quick') })) {
    console.log(`${row.area.padEnd(9)} ${row.measure.padEnd(52)} ${row.gloss.padStart(9)}  ${row.ratio}`);
  }
}
