// The attack corpus: files small on disk that unpack or parse into something enormous. Each is refused with a
// message naming the file and the limit, within a bounded time, while the backend keeps answering other calls,
// and nothing is written. Large files are generated at test time (scripts/hostile-fixtures.ts).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { importFile, importFiles } from '../../electron/import/importer.js';
import { DEFAULT_IMPORT_LIMITS } from '../../electron/import/limits.js';
import { ExtractionPool } from '../../electron/import/pool.js';
import { generateHostileFixtures, type HostileFixture } from '../../scripts/hostile-fixtures.js';
import { startBackend, type TestBackend } from '../support/backend.js';
import { repoRoot, tempDir } from '../support/temp.js';

const committed = path.join(repoRoot, 'tests', 'fixtures', 'hostile');
const COMMITTED: HostileFixture[] = [
  { file: path.join(committed, 'deep-quotes.md'), refusal: /nests deeper than the 500-level limit/ },
  { file: path.join(committed, 'truncated.docx'), refusal: /could not be read as a Word document \(.*truncated\)/ },
];
/** The slowest refusal is the PDF stopped by the 30 s clock (plus 1 s per MB); everything else takes seconds. */
const REFUSAL_BOUND_MS = 60_000;
/** Another call answered while a hostile file is being read must not wait behind it. */
const RESPONSIVE_MS = 1_000;

let backend: TestBackend;
let fixtures: HostileFixture[];
before(async () => {
  backend = await startBackend();
  fixtures = [...COMMITTED, ...(await generateHostileFixtures(tempDir('gloss-hostile-')))];
});
after(() => backend.close());

function databaseDigest(): string {
  const db = backend.workspace.project.db;
  const rows = db.prepare('SELECT * FROM documents ORDER BY id').all();
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

/** Calls documents.list every 50 ms until stopped; returns the slowest answer. */
function probeResponsiveness(): { stop(): Promise<number> } {
  let running = true;
  let slowest = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await backend.client['documents.list']({});
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return slowest;
    },
  };
}

async function importThroughApi(file: string, importId?: string) {
  const started = performance.now();
  const base64 = fs.readFileSync(file).toString('base64');
  const result = await backend.client['documents.import']({ fileName: path.basename(file), base64, importId });
  return { result, elapsed: performance.now() - started };
}

test('every hostile file is refused naming file and limit, in bounded time, while other calls answer', async () => {
  const before = databaseDigest();
  const probe = probeResponsiveness();
  const outcomes = await Promise.all(fixtures.map(async (f) => ({ fixture: f, ...(await importThroughApi(f.file)) })));
  const slowestCall = await probe.stop();
  for (const { fixture, result, elapsed } of outcomes) {
    const name = path.basename(fixture.file);
    console.log(`  ${name}: refused in ${(elapsed / 1000).toFixed(1)} s — ${result.message}`);
    assert.equal(result.status, 'failed', name);
    assert.ok(result.message?.startsWith(name), `${name}: ${result.message}`);
    assert.match(result.message ?? '', fixture.refusal, name);
    assert.ok(elapsed < REFUSAL_BOUND_MS, `${name} took ${elapsed} ms`);
  }
  console.log(`  slowest documents.list meanwhile: ${slowestCall.toFixed(0)} ms`);
  assert.ok(slowestCall < RESPONSIVE_MS, `documents.list took ${slowestCall} ms during the hostile imports`);
  assert.equal(databaseDigest(), before, 'nothing was written');
});

test('an import can be cancelled: its worker is ended, nothing is written, and the next import works', async () => {
  const before = databaseDigest();
  const pdf = fixtures.find((f) => f.file.endsWith('pdf-huge-stream.pdf'))!.file;
  const running = importThroughApi(pdf, 'slow-pdf');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const started = performance.now();
  assert.deepEqual(await backend.client['documents.cancelImport']({ importId: 'slow-pdf' }), { cancelled: true });
  const { result } = await running;
  assert.ok(performance.now() - started < 2_000, 'cancelling is prompt');
  assert.equal(result.status, 'failed');
  assert.match(result.message ?? '', /pdf-huge-stream\.pdf: the import was cancelled/);
  assert.equal(databaseDigest(), before, 'nothing was written');
  assert.deepEqual(await backend.client['documents.cancelImport']({ importId: 'slow-pdf' }), { cancelled: false });
  const next = await backend.client['documents.import']({
    fileName: 'after.txt',
    base64: Buffer.from('After the cancelled import\n\nStill working.').toString('base64'),
  });
  assert.equal(next.status, 'imported', next.message ?? '');
});

test('a file that needs more memory than the cap is refused, and the pool carries on with a new worker', async () => {
  const pool = new ExtractionPool({ size: 1, limits: { ...DEFAULT_IMPORT_LIMITS, memoryLimitMb: 64 } });
  try {
    const before = databaseDigest();
    const db = backend.workspace.project.db;
    const paragraphs = Array.from({ length: 60_000 }, (_, i) => `<p>Paragraph ${i} with some words.</p>`);
    const html = `<html><body>${paragraphs.join('')}</body></html>`;
    const refused = await importFile(db, { fileName: 'greedy.html', bytes: Buffer.from(html) }, { pool });
    assert.equal(refused.status, 'failed');
    assert.match(refused.message ?? '', /^greedy\.html: reading it needed more than the 64 MB memory limit/);
    assert.equal(databaseDigest(), before, 'nothing was written');
    const modest = { fileName: 'modest.txt', bytes: Buffer.from('Modest file\n\nIt fits.') };
    const next = await importFile(db, modest, { pool });
    assert.equal(next.status, 'imported', next.message ?? '');
    assert.equal(pool.workerCount, 1);
  } finally {
    pool.close();
  }
});

test('a batch whose worker runs out of memory is read again file by file: only the greedy file fails', async () => {
  const pool = new ExtractionPool({ size: 1, limits: { ...DEFAULT_IMPORT_LIMITS, memoryLimitMb: 64 } });
  try {
    const db = backend.workspace.project.db;
    const modest = (i: number) => ({
      fileName: `batch-modest-${i}.txt`,
      bytes: Buffer.from(`Modest ${i}\n\nIt fits.`),
    });
    // Small enough to share a worker message with the others, large once parsed (as greedy.html above).
    const greedy = { fileName: 'batch-greedy.md', bytes: Buffer.from('- x\n'.repeat(60_000)) };
    const files = [...Array.from({ length: 5 }, (_, i) => modest(i)), greedy, modest(5), modest(6)];
    const results = await importFiles(db, files, { pool });
    assert.deepEqual(
      results.map((r) => r.status),
      ['imported', 'imported', 'imported', 'imported', 'imported', 'failed', 'imported', 'imported'],
    );
    assert.match(results[5].message ?? '', /^batch-greedy\.md: reading it needed more than the 64 MB memory limit/);
  } finally {
    pool.close();
  }
});
