// Queries for the documents table (and its FTS index, kept in step by triggers).
import type {
  AttributeFilter,
  DocumentFormat,
  DocumentFull,
  DocumentHeading,
  DocumentPage,
  DocumentSummary,
  PageStart,
  Reliability,
} from '../../shared/types.js';
import { searchTextFor } from '../search/searchText.js';
import { attributeFilterSql } from './attributes.js';
import type Database from 'better-sqlite3';
import { cachedStatement, type Db } from './connection.js';
import { getDocumentBlocks } from './documentStructure.js';
import { reliabilityFilter, reliabilityOf } from './grades.js';

export interface NewDocument {
  title: string;
  outlet?: string | null;
  author?: string | null;
  publishedAt?: string | null;
  url?: string | null;
  format: DocumentFormat;
  text: string;
  contentHash: string;
  sourceName?: string | null;
  pages?: PageStart[] | null;
  collectionId?: number | null;
}

export interface DocumentPatch {
  title?: string;
  outlet?: string | null;
  author?: string | null;
  publishedAt?: string | null;
  url?: string | null;
  notes?: string;
  collectionId?: number | null;
}

export interface ListOptions {
  sort?: 'title' | 'outlet' | 'publishedAt' | 'importedAt' | 'length' | 'tagCount';
  descending?: boolean;
  outlet?: string;
  collectionId?: number;
  tagId?: number;
  attributes?: AttributeFilter[];
  reliability?: (Reliability | 'ungraded')[];
}

/** A DocumentSummary's columns of the documents row named `d` (an alias, or the table itself in RETURNING). */
function summaryColumnsOf(d: string): string {
  return `
  ${d}.id, ${d}.title, ${d}.outlet, ${d}.author, ${d}.published_at AS publishedAt, ${d}.url, ${d}.format,
  ${d}.source_name AS sourceName, ${d}.notes, ${d}.collection_id AS collectionId, length(${d}.text) AS length,
  ${d}.content_hash AS contentHash, ${d}.imported_at AS importedAt, ${d}.updated_at AS updatedAt,
  (SELECT COUNT(*) FROM highlights h WHERE h.document_id = ${d}.id) AS highlightCount,
  (SELECT COUNT(DISTINCT ht.tag_id) FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id
     WHERE h.document_id = ${d}.id) AS tagCount,
  ${reliabilityOf(d)} AS reliability`;
}

const summaryColumns = summaryColumnsOf('d');

const sortColumns: Record<NonNullable<ListOptions['sort']>, string> = {
  title: 'd.title COLLATE NOCASE',
  outlet: 'd.outlet COLLATE NOCASE',
  publishedAt: 'd.published_at',
  importedAt: 'd.imported_at',
  length: 'length(d.text)',
  tagCount: 'tagCount',
};

export function insertDocument(db: Db, doc: NewDocument): number {
  return documentWriter(db).insert(doc);
}

const tagCountExpression = `(SELECT COUNT(DISTINCT ht.tag_id) FROM highlights h JOIN highlight_tags ht
  ON ht.highlight_id = h.id WHERE h.document_id = d.id)`;

/** One slice of the library in its order, and how many documents match: the list asks for the slices on screen. */
export function documentPage(db: Db, options: ListOptions, offset: number, limit: number): DocumentPage {
  const { where, params } = filtersOf(options);
  const sortKey = options.sort === 'tagCount' ? tagCountExpression : sortColumns[options.sort ?? 'importedAt'];
  const order = `${sortKey} ${options.descending ? 'DESC' : 'ASC'}, d.id`;
  const total = db.prepare(`SELECT COUNT(*) FROM documents d ${where}`).pluck().get(params) as number;
  const ids = db
    .prepare(`SELECT d.id FROM documents d ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .pluck()
    .all({ ...params, limit, offset }) as number[];
  return { total, offset, ids, rows: getDocumentSummaries(db, ids) };
}

export function documentHeading(db: Db, id: number): DocumentHeading | undefined {
  return db
    .prepare(
      `SELECT id, title, outlet, published_at AS publishedAt, source_name AS sourceName FROM documents
    WHERE id = ?`,
    )
    .get(id) as DocumentHeading | undefined;
}

export function listOutlets(db: Db): string[] {
  return db
    .prepare(
      `SELECT outlet FROM (SELECT DISTINCT outlet FROM documents WHERE outlet > '') ORDER BY outlet COLLATE NOCASE`,
    )
    .pluck()
    .all() as string[];
}

function filtersOf(options: ListOptions): { where: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (options.outlet !== undefined) {
    where.push('d.outlet = @outlet');
    params.outlet = options.outlet;
  }
  if (options.collectionId !== undefined) {
    where.push('d.collection_id = @collectionId');
    params.collectionId = options.collectionId;
  }
  if (options.tagId !== undefined) {
    where.push(
      'EXISTS (SELECT 1 FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id WHERE h.document_id = d.id AND ht.tag_id = @tagId)',
    );
    params.tagId = options.tagId;
  }
  const attributes = attributeFilterSql(options.attributes, 'd.id');
  where.push(...attributes.sql);
  Object.assign(params, attributes.params);
  if (options.reliability !== undefined) {
    const filter = reliabilityFilter(options.reliability);
    where.push(filter.where);
    params.reliability = filter.param;
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function listDocuments(db: Db, options: ListOptions = {}): DocumentSummary[] {
  const { where, params } = filtersOf(options);
  const order = `${sortColumns[options.sort ?? 'importedAt']} ${options.descending ? 'DESC' : 'ASC'}, d.id`;
  return db
    .prepare(`SELECT ${summaryColumns} FROM documents d ${where} ORDER BY ${order}`)
    .all(params) as DocumentSummary[];
}

export function getDocumentSummary(db: Db, id: number): DocumentSummary | undefined {
  return db.prepare(`SELECT ${summaryColumns} FROM documents d WHERE d.id = ?`).get(id) as DocumentSummary | undefined;
}

export function getDocument(db: Db, id: number): DocumentFull | undefined {
  const row = db.prepare(`SELECT ${summaryColumns}, d.text, d.pages FROM documents d WHERE d.id = ?`).get(id) as
    (DocumentSummary & { text: string; pages: string | null }) | undefined;
  if (!row) return undefined;
  const pages = row.pages ? (JSON.parse(row.pages) as PageStart[]) : null;
  return { ...row, pages, blocks: getDocumentBlocks(db, id, row.text) };
}

export function getDocumentText(db: Db, id: number): string | undefined {
  return db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(id) as string | undefined;
}

export function findDocumentByHash(db: Db, contentHash: string): DocumentSummary | undefined {
  const id = db
    .prepare('SELECT id FROM documents WHERE content_hash = ? ORDER BY id LIMIT 1')
    .pluck()
    .get(contentHash) as number | undefined;
  return id === undefined ? undefined : getDocumentSummary(db, id);
}

const patchColumns: Record<keyof DocumentPatch, string> = {
  title: 'title',
  outlet: 'outlet',
  author: 'author',
  publishedAt: 'published_at',
  url: 'url',
  notes: 'notes',
  collectionId: 'collection_id',
};

/** Returns false when there is no such document. */
export function updateDocument(db: Db, id: number, patch: DocumentPatch): boolean {
  const keys = (Object.keys(patch) as (keyof DocumentPatch)[]).filter((k) => patch[k] !== undefined);
  if (keys.length === 0) return getDocumentSummary(db, id) !== undefined;
  const sets = keys.map((k) => `${patchColumns[k]} = @${k}`);
  if (patch.title !== undefined) sets.push('search_title = @searchTitle');
  const info = db
    .prepare(
      `UPDATE documents SET ${sets.join(', ')},
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = @id`,
    )
    .run({ ...patch, ...(patch.title !== undefined && { searchTitle: searchTextFor(patch.title) }), id });
  return info.changes > 0;
}

/** Replaces a document's text (re-import of an edited file). Highlights are re-anchored by the caller. */
export function replaceDocumentText(
  db: Db,
  id: number,
  text: string,
  contentHash: string,
  pages: PageStart[] | null,
): void {
  db.prepare(
    `UPDATE documents SET text = ?, search_text = ?, content_hash = ?, pages = ?,
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
  ).run(text, searchTextFor(text), contentHash, pages ? JSON.stringify(pages) : null, id);
}

export function deleteDocument(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM documents WHERE id = ?').run(id).changes > 0;
}

export function countDocuments(db: Db): number {
  return db.prepare('SELECT COUNT(*) FROM documents').pluck().get() as number;
}

/**
 * Writes documents many to a statement (a batch import writes thousands per transaction). FTS5 writes out its
 * pending terms at the start of every statement that may need undoing alone (each insert firing the FTS and oplog
 * triggers is one), so one insert per document flushed the index once per document; a multi-row insert flushes
 * it once per chunk.
 */
export function documentWriter(db: Db) {
  const byHash = cachedStatement(db, 'SELECT id FROM documents WHERE content_hash = ? ORDER BY id LIMIT 1').pluck();
  const nextId = cachedStatement(db, 'SELECT COALESCE(MAX(id), 0) + 1 FROM documents').pluck();
  /** Inserts the documents in order; their summaries, in the same order. */
  const insertAll = (docs: readonly NewDocument[]): DocumentSummary[] => {
    const summaries: DocumentSummary[] = [];
    for (let start = 0; start < docs.length;) {
      const rows = chunkRows(docs, start);
      // Ids as SQLite would choose them (one more than the largest), given here so each summary is known by id.
      const first = nextId.get() as number;
      const values = docs.slice(start, start + rows).flatMap((doc, k) => [first + k, ...documentValues(doc)]);
      const inserted = insertStatement(db, rows).all(values) as DocumentSummary[];
      summaries.push(...inserted.sort((a, b) => a.id - b.id));
      start += rows;
    }
    return summaries;
  };
  // One document, its id only: this also writes projects of older schemas (tests build them with it).
  const insertOne = cachedStatement(db, `INSERT INTO documents (${INSERT_COLUMNS}) VALUES ${INSERT_ROW}`);
  return {
    insert: (doc: NewDocument): number => Number(insertOne.run(documentValues(doc)).lastInsertRowid),
    insertAll,
    findIdByHash: (contentHash: string) => byHash.get(contentHash) as number | undefined,
  };
}

/** Rows in one insert at most (a power of two, so few statements are prepared), and characters of text. */
const INSERT_CHUNK_ROWS = 128;
const INSERT_CHUNK_CHARS = 4 * 1024 * 1024;

/** How many documents from `start` go in the next insert: a power of two, up to the limits, at least one. */
function chunkRows(docs: readonly NewDocument[], start: number): number {
  let rows = 0;
  let chars = 0;
  while (start + rows < docs.length && rows < INSERT_CHUNK_ROWS) {
    chars += docs[start + rows].text.length;
    if (rows > 0 && chars > INSERT_CHUNK_CHARS) break;
    rows++;
  }
  return 2 ** Math.floor(Math.log2(rows));
}

const INSERT_COLUMNS = `title, outlet, author, published_at, url, format, text, content_hash, source_name, pages,
  collection_id, search_title, search_text`;
const INSERT_ROW = `(${INSERT_COLUMNS.split(',').map(() => '?')})`;
const INSERT_ROW_WITH_ID = `(?, ${INSERT_COLUMNS.split(',').map(() => '?')})`;

function insertStatement(db: Db, rows: number): Database.Statement<unknown[]> {
  return cachedStatement(
    db,
    `INSERT INTO documents (id, ${INSERT_COLUMNS}) VALUES ${Array(rows).fill(INSERT_ROW_WITH_ID).join(', ')}
    RETURNING ${summaryColumnsOf('documents')}`,
  );
}

/** A document's values in the order of INSERT_COLUMNS. */
function documentValues(doc: NewDocument): unknown[] {
  return [
    doc.title,
    doc.outlet ?? null,
    doc.author ?? null,
    doc.publishedAt ?? null,
    doc.url ?? null,
    doc.format,
    doc.text,
    doc.contentHash,
    doc.sourceName ?? null,
    doc.pages ? JSON.stringify(doc.pages) : null,
    doc.collectionId ?? null,
    searchTextFor(doc.title),
    searchTextFor(doc.text),
  ];
}

/** Summaries of the given documents, in the order asked for (missing ids are left out). */
export function getDocumentSummaries(db: Db, ids: number[]): DocumentSummary[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${summaryColumns} FROM documents d WHERE d.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as DocumentSummary[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Documents by file name or by title (case-insensitive), for attribute CSVs keyed either way. */
export function documentKeys(db: Db, by: 'file' | 'title'): Map<string, { id: number; title: string }[]> {
  const column = by === 'file' ? 'source_name' : 'title';
  const rows = db.prepare(`SELECT id, title, ${column} AS key FROM documents WHERE ${column} IS NOT NULL`).all() as {
    id: number;
    title: string;
    key: string;
  }[];
  const keys = new Map<string, { id: number; title: string }[]>();
  for (const row of rows) {
    const key = row.key.trim().toLowerCase();
    keys.set(key, [...(keys.get(key) ?? []), { id: row.id, title: row.title }]);
  }
  return keys;
}
