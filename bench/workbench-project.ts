// Project files for the workbench benchmark, written straight through the backend's db modules in batched
// transactions: importing 10,000 files through the importer would take longer than the measurements themselves.
import fs from 'node:fs';
import { ensureIndexed } from '../electron/corroboration/sentenceIndex.js';
import { describeAnchor } from '../electron/anchoring/anchor.js';
import type { Db } from '../electron/db/connection.js';
import { insertDocument } from '../electron/db/documents.js';
import { insertHighlight, setHighlightTags } from '../electron/db/highlights.js';
import { setMeta } from '../electron/db/meta.js';
import { insertTag, TAG_PALETTE } from '../electron/db/tags.js';
import { contentHash } from '../electron/import/text.js';
import { openProject, type Project } from '../electron/project/project.js';
import { generateDocument, mulberry32 } from './corpus.js';

export const LONG_REPORT_TITLE = 'Long report: 1 MB with 10,000 highlights';
export const THEME_TAG = 'Theme A';
const LONG_REPORT_BYTES = 1_000_000;
const LONG_REPORT_HIGHLIGHTS = 10_000;
const TOTAL_HIGHLIGHTS = 55_000;
const THEME_PASSAGES = 5_000;
const TAG_COUNT = 20;
const PASSAGE_LENGTH = 40;
const DOCUMENTS_PER_TRANSACTION = 2_000;
const OUTLETS = ['Reuters', 'AP', 'BBC', 'Al Jazeera', 'Kommersant', 'Politico', 'TASS', 'The Guardian'];

export interface GeneratedProject {
  file: string;
  documents: number;
  highlights: number;
  themePassages: number;
  generateSeconds: number;
  fileBytes: number;
}

interface DocumentSize {
  minBytes: number;
  maxBytes: number;
}

/** Seeds + the 1 MB report + `reportCount` reports of 2–8 KB; 55,000 tagged highlights, 5,000 of them "Theme A". */
export async function generateWorkbenchProject(
  file: string,
  reportCount: number,
  seedsDir: string,
): Promise<GeneratedProject> {
  const started = performance.now();
  const project = await openProject(file, { seedsDir });
  const db = reusingStatements(project.db);
  const tagIds = insertTags(db);
  // Inserted before the generated reports so that it sorts near the top of the library ("Added", then id).
  const longReport = insertLongReport(db);
  highlightEvenly(db, longReport, LONG_REPORT_HIGHLIGHTS, (i) => otherTag(tagIds, i));
  const reports = insertReports(db, reportCount, { minBytes: 2048, maxBytes: 8192 });
  highlightReports(db, reports, TOTAL_HIGHLIGHTS - LONG_REPORT_HIGHLIGHTS, tagIds);
  // As an import leaves it: every document in the sentence index (else the first corroboration badge would start
  // indexing 10,000 documents in the background, competing with the measurements for the two cores).
  ensureIndexed(project.db);
  const counts = countRows(db, tagIds[0]);
  if (counts.themePassages !== THEME_PASSAGES) {
    throw new Error(`expected ${THEME_PASSAGES} "${THEME_TAG}" passages, got ${counts.themePassages}`);
  }
  return finish(project, started, counts);
}

/** Only documents, for the library at scale: `count` reports of 1–2 KB, and no seeds. */
export async function generateLibraryProject(file: string, count: number): Promise<GeneratedProject> {
  const started = performance.now();
  const project = await openProject(file);
  setMeta(project.db, 'seeded', 'skipped by the workbench benchmark');
  insertReports(reusingStatements(project.db), count, { minBytes: 1024, maxBytes: 2048 });
  return finish(project, started, countRows(project.db, null));
}

function finish(project: Project, started: number, counts: ReturnType<typeof countRows>): GeneratedProject {
  project.db.pragma('wal_checkpoint(TRUNCATE)');
  project.close();
  const fileBytes = ['', '-wal', '-shm']
    .map((suffix) => project.path + suffix)
    .reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
  return { file: project.path, ...counts, generateSeconds: (performance.now() - started) / 1000, fileBytes };
}

/**
 * The db modules prepare their statement on every call; over 55,000 highlights that was a third of the time.
 * Only for the insert helpers here, which run() their statements and never change their mode (pluck, raw).
 */
function reusingStatements(db: Db): Db {
  const prepared = new Map<string, ReturnType<Db['prepare']>>();
  const prepare = (sql: string) => prepared.get(sql) ?? prepared.set(sql, db.prepare(sql)).get(sql)!;
  return new Proxy(db, {
    get: (target, property) => {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function countRows(db: Db, themeTagId: number | null) {
  const count = (sql: string, ...args: unknown[]) =>
    db
      .prepare(sql)
      .pluck()
      .get(...args) as number;
  return {
    documents: count('SELECT COUNT(*) FROM documents'),
    highlights: count('SELECT COUNT(*) FROM highlights'),
    themePassages: themeTagId === null ? 0 : count('SELECT COUNT(*) FROM highlight_tags WHERE tag_id = ?', themeTagId),
  };
}

/** "Theme A" … "Theme T"; the first is the theme the benchmark opens. */
function insertTags(db: Db): number[] {
  const tag = (i: number) => ({
    name: `Theme ${String.fromCharCode(65 + i)}`,
    color: TAG_PALETTE[i % TAG_PALETTE.length],
    description: '',
    parentId: null,
  });
  return db.transaction(() => Array.from({ length: TAG_COUNT }, (_, i) => insertTag(db, tag(i))))();
}

const otherTag = (tagIds: number[], i: number) => tagIds[1 + (i % (tagIds.length - 1))];

interface StoredDocument {
  id: number;
  text: string;
}

function insertLongReport(db: Db): StoredDocument {
  const { text } = generateDocument(mulberry32(7), 0, LONG_REPORT_BYTES);
  const id = db.transaction(() =>
    insertDocument(db, {
      title: LONG_REPORT_TITLE,
      outlet: 'Gloss bench',
      format: 'txt',
      text,
      contentHash: contentHash(text),
      sourceName: 'long-report.txt',
    }),
  )();
  return { id, text };
}

/** The same reports for the same arguments, generated batch by batch so 100,000 texts never sit in memory at once. */
function insertReports(db: Db, count: number, size: DocumentSize): StoredDocument[] {
  const rand = mulberry32(42);
  const stored: StoredDocument[] = [];
  const keepTexts = count <= 20_000;
  for (let from = 0; from < count; from += DOCUMENTS_PER_TRANSACTION) {
    const batch = Math.min(DOCUMENTS_PER_TRANSACTION, count - from);
    db.transaction(() => {
      for (let i = from; i < from + batch; i++) {
        const doc = generateDocument(rand, i + 1, size.minBytes + Math.floor(rand() * (size.maxBytes - size.minBytes)));
        const id = insertDocument(db, {
          title: doc.text.slice(0, doc.text.indexOf('\n\n')),
          outlet: OUTLETS[i % OUTLETS.length],
          publishedAt: publishedDate(i),
          format: 'txt',
          text: doc.text,
          contentHash: contentHash(doc.text),
          sourceName: doc.fileName,
        });
        if (keepTexts) stored.push({ id, text: doc.text });
      }
    })();
  }
  return stored;
}

function publishedDate(i: number): string {
  const day = new Date(Date.UTC(2025, 0, 1) + (i % 365) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** Spreads `total` highlights over the reports; every ninth carries the theme tag, the rest one of the others. */
function highlightReports(db: Db, reports: StoredDocument[], total: number, tagIds: number[]): void {
  const themeEvery = total / THEME_PASSAGES;
  let placed = 0;
  const tagFor = (n: number) => (n % themeEvery === 0 ? tagIds[0] : otherTag(tagIds, n));
  for (let from = 0; from < reports.length; from += DOCUMENTS_PER_TRANSACTION) {
    db.transaction(() => {
      for (const [offset, report] of reports.slice(from, from + DOCUMENTS_PER_TRANSACTION).entries()) {
        const share = Math.floor(total / reports.length) + (from + offset < total % reports.length ? 1 : 0);
        placed += insertPassages(db, report, share, (i) => tagFor(placed + i));
      }
    })();
  }
}

function highlightEvenly(db: Db, doc: StoredDocument, count: number, tagFor: (i: number) => number): void {
  db.transaction(() => insertPassages(db, doc, count, tagFor))();
}

/** `count` passages evenly spaced through the text, each inside one paragraph; returns how many it inserted. */
function insertPassages(db: Db, doc: StoredDocument, count: number, tagFor: (i: number) => number): number {
  const step = Math.floor(doc.text.length / Math.max(1, count));
  const length = Math.max(1, Math.min(PASSAGE_LENGTH, step - 2));
  for (let i = 0; i < count; i++) {
    const [start, end] = passageAt(doc.text, i * step, length);
    const id = insertHighlight(db, { documentId: doc.id, ...describeAnchor(doc.text, start, end) });
    setHighlightTags(db, id, [tagFor(i)]);
  }
  return count;
}

/** A passage from `at` (or from the next paragraph when `at` is on a paragraph break), cut at its paragraph's end. */
function passageAt(text: string, at: number, length: number): [number, number] {
  let start = at;
  while (start < text.length - 1 && text[start] === '\n') start++;
  const newline = text.indexOf('\n', start);
  const end = Math.min(start + length, newline === -1 ? text.length : newline);
  return end > start ? [start, end] : [start - 1, start];
}
