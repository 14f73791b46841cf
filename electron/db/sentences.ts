// Queries for the sentence index (sentences, sentences_fts, sentences_vocab): each document's sentences with their
// stemmed terms, which documents are indexed at which text, and term frequencies for TF-IDF.
import type { Db } from './connection.js';

export interface IndexedSentence {
  start: number;
  end: number;
  terms: string;
}

export interface SentenceRow extends IndexedSentence {
  id: number;
  documentId: number;
}

/** Statements prepared once for indexing many documents in a row. */
export function sentenceWriter(db: Db) {
  const clearSentences = db.prepare('DELETE FROM sentences WHERE document_id = ?');
  const insert = db.prepare('INSERT INTO sentences (document_id, start_offset, end_offset, terms) VALUES (?, ?, ?, ?)');
  const index = db.prepare('INSERT INTO sentences_fts (rowid, terms) VALUES (?, ?)');
  const mark = db.prepare(
    `INSERT INTO sentence_documents (document_id, content_hash) VALUES (?, ?)
    ON CONFLICT (document_id) DO UPDATE SET content_hash = excluded.content_hash`,
  );
  return (documentId: number, contentHash: string, sentences: IndexedSentence[]): void => {
    clearSentences.run(documentId);
    for (const s of sentences) index.run(insert.run(documentId, s.start, s.end, s.terms).lastInsertRowid, s.terms);
    mark.run(documentId, contentHash);
  };
}

/** Documents not indexed yet, or indexed at another text (re-imported, or restored by undo). */
export function unindexedDocuments(db: Db, limit: number): { id: number; text: string; contentHash: string }[] {
  return db
    .prepare(
      `SELECT d.id, d.text, d.content_hash AS contentHash FROM documents d
      LEFT JOIN sentence_documents s ON s.document_id = d.id
      WHERE s.document_id IS NULL OR s.content_hash != d.content_hash LIMIT ?`,
    )
    .all(limit) as { id: number; text: string; contentHash: string }[];
}

/** Ids of documents not indexed at their current text, at most `limit` (reads only the content-hash index). */
export function unindexedDocumentIds(db: Db, limit: number): number[] {
  return db
    .prepare(
      `SELECT d.id FROM documents d INDEXED BY documents_content_hash
      LEFT JOIN sentence_documents s ON s.document_id = d.id
      WHERE s.document_id IS NULL OR s.content_hash != d.content_hash LIMIT ?`,
    )
    .pluck()
    .all(limit) as number[];
}

/** Changes whenever the index does (documents indexed or removed): what cached frequencies are keyed by. */
export function indexGeneration(db: Db): string {
  const row = db
    .prepare('SELECT (SELECT COUNT(*) FROM sentence_documents) AS docs, (SELECT MAX(id) FROM sentences) AS last')
    .get() as { docs: number; last: number | null };
  return `${row.docs}:${row.last ?? 0}`;
}

export function sentenceCount(db: Db): number {
  return db.prepare('SELECT COUNT(*) FROM sentences_fts').pluck().get() as number;
}

/** How many sentences contain each term. */
export function termFrequencies(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT term, doc FROM sentences_vocab').raw().all() as [string, number][];
  return new Map(rows);
}

/** Ids of sentences matching an FTS5 query (built from terms by the caller), at most `limit`. */
export function matchingSentenceIds(db: Db, query: string, limit: number): number[] {
  return db
    .prepare('SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT ?')
    .pluck()
    .all(query, limit) as number[];
}

export function sentencesByIds(db: Db, ids: number[]): SentenceRow[] {
  if (ids.length === 0) return [];
  return db
    .prepare(
      `SELECT id, document_id AS documentId, start_offset AS start, end_offset AS "end", terms FROM sentences
      WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as SentenceRow[];
}

export function sentencesOfDocument(db: Db, documentId: number): SentenceRow[] {
  return db
    .prepare(
      `SELECT id, document_id AS documentId, start_offset AS start, end_offset AS "end", terms FROM sentences
      WHERE document_id = ? ORDER BY start_offset`,
    )
    .all(documentId) as SentenceRow[];
}

/** The sentences of a document overlapping [start, end). */
export function sentencesIn(db: Db, documentId: number, start: number, end: number): SentenceRow[] {
  return db
    .prepare(
      `SELECT id, document_id AS documentId, start_offset AS start, end_offset AS "end", terms FROM sentences
      WHERE document_id = ? AND start_offset < ? AND end_offset > ? ORDER BY start_offset`,
    )
    .all(documentId, end, start) as SentenceRow[];
}

export interface SourceOfSentence {
  documentId: number;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
}

/** Title and outlet of each document, for grouping matches by outlet. */
export function sourcesOf(db: Db, documentIds: number[]): Map<number, SourceOfSentence> {
  const rows = db
    .prepare(
      `SELECT id AS documentId, title, outlet, published_at AS publishedAt FROM documents
      WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...new Set(documentIds)])) as SourceOfSentence[];
  return new Map(rows.map((r) => [r.documentId, r]));
}

/** The text of [start, end) in each document (offsets are UTF-16 units, which SQLite's substr does not count). */
export function textSlices(db: Db, spans: { documentId: number; start: number; end: number }[]): string[] {
  const textOf = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  const texts = new Map<number, string>();
  return spans.map((s) => {
    if (!texts.has(s.documentId)) texts.set(s.documentId, (textOf.get(s.documentId) as string | undefined) ?? '');
    return texts.get(s.documentId)!.slice(s.start, s.end);
  });
}

/** Claim sentences of the given documents, document by document in reading order. */
export function sentencesOfDocuments(db: Db, documentIds: number[]): SentenceRow[] {
  const select = db.prepare(
    `SELECT id, document_id AS documentId, start_offset AS start, end_offset AS "end", terms FROM sentences
    WHERE document_id = ? ORDER BY start_offset`,
  );
  return documentIds.flatMap((id) => select.all(id) as SentenceRow[]);
}

/** The documents of a scope (a collection, or the whole project), oldest first. */
export function scopeDocumentIds(db: Db, collectionId?: number): number[] {
  return (
    collectionId === undefined
      ? db.prepare('SELECT id FROM documents ORDER BY imported_at, id')
      : db.prepare('SELECT id FROM documents WHERE collection_id = ? ORDER BY imported_at, id')
  )
    .pluck()
    .all(...(collectionId === undefined ? [] : [collectionId])) as number[];
}

/** The content hash of each document that exists. */
export function currentHashes(db: Db, documentIds: number[]): Map<number, string> {
  const rows = db
    .prepare('SELECT id, content_hash FROM documents WHERE id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify(documentIds)) as [number, string][];
  return new Map(rows);
}
