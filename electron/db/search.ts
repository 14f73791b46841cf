// Full-text search over the FTS5 indexes of documents, highlights and notes, ranked by bm25.
import type { SearchHit, SearchKind } from '../../shared/types.js';
import { locateMatch, type ParsedQuery } from '../search/query.js';
import type { Db } from './connection.js';

export interface SearchOptions {
  documentId?: number;
  tagId?: number;
  kinds?: SearchKind[];
  limit?: number;
}

const SNIPPET_TOKENS = 24;

export function searchAll(db: Db, query: ParsedQuery, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 50;
  const kinds = new Set(options.kinds ?? ['document', 'highlight', 'note']);
  const hits: SearchHit[] = [];
  if (kinds.has('document')) hits.push(...searchDocuments(db, query, options, limit));
  if (kinds.has('highlight')) hits.push(...searchHighlights(db, query, options, limit));
  if (kinds.has('note')) hits.push(...searchNotes(db, query, options, limit));
  return hits.sort((a, b) => a.rank - b.rank).slice(0, limit);
}

function filters(options: SearchOptions, documentColumn: string, tagExists: string): { sql: string; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (options.documentId !== undefined) { sql.push(`${documentColumn} = ?`); params.push(options.documentId); }
  if (options.tagId !== undefined) { sql.push(tagExists); params.push(options.tagId); }
  return { sql: sql.map((s) => ` AND ${s}`).join(''), params };
}

function searchDocuments(db: Db, query: ParsedQuery, options: SearchOptions, limit: number): SearchHit[] {
  const f = filters(options, 'd.id', 'EXISTS (SELECT 1 FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id WHERE h.document_id = d.id AND ht.tag_id = ?)');
  const rows = db.prepare(`
    SELECT d.id, d.title, snippet(documents_fts, 1, char(2), char(3), '…', ${SNIPPET_TOKENS}) AS snippet,
      bm25(documents_fts, 4.0, 1.0) AS rank
    FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
    WHERE documents_fts MATCH ?${f.sql} ORDER BY rank LIMIT ?`).all(query.fts, ...f.params, limit) as { id: number; title: string; snippet: string; rank: number }[];
  const textOf = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  return rows.map((r) => {
    const at = locateMatch(textOf.get(r.id) as string, query.terms);
    return { kind: 'document', id: r.id, documentId: r.id, documentTitle: r.title, snippet: r.snippet, offset: at?.offset ?? null, matchLength: at?.length ?? null, rank: r.rank };
  });
}

function searchHighlights(db: Db, query: ParsedQuery, options: SearchOptions, limit: number): SearchHit[] {
  const f = filters(options, 'h.document_id', 'EXISTS (SELECT 1 FROM highlight_tags ht WHERE ht.highlight_id = h.id AND ht.tag_id = ?)');
  const rows = db.prepare(`
    SELECT h.id, h.document_id AS documentId, d.title, h.start_offset AS start, h.end_offset AS end,
      snippet(highlights_fts, 0, char(2), char(3), '…', ${SNIPPET_TOKENS}) AS snippet, bm25(highlights_fts) AS rank
    FROM highlights_fts JOIN highlights h ON h.id = highlights_fts.rowid JOIN documents d ON d.id = h.document_id
    WHERE highlights_fts MATCH ?${f.sql} ORDER BY rank LIMIT ?`).all(query.fts, ...f.params, limit) as
    { id: number; documentId: number; title: string; start: number; end: number; snippet: string; rank: number }[];
  return rows.map((r) => ({ kind: 'highlight', id: r.id, documentId: r.documentId, documentTitle: r.title, snippet: r.snippet, offset: r.start, matchLength: r.end - r.start, rank: r.rank }));
}

function searchNotes(db: Db, query: ParsedQuery, options: SearchOptions, limit: number): SearchHit[] {
  const f = filters(options, 'n.document_id', 'EXISTS (SELECT 1 FROM highlight_tags ht WHERE ht.highlight_id = n.highlight_id AND ht.tag_id = ?)');
  const rows = db.prepare(`
    SELECT n.id, n.document_id AS documentId, d.title, h.start_offset AS start, h.end_offset AS end,
      snippet(notes_fts, 0, char(2), char(3), '…', ${SNIPPET_TOKENS}) AS snippet, bm25(notes_fts) AS rank
    FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid LEFT JOIN documents d ON d.id = n.document_id
      LEFT JOIN highlights h ON h.id = n.highlight_id
    WHERE notes_fts MATCH ?${f.sql} ORDER BY rank LIMIT ?`).all(query.fts, ...f.params, limit) as
    { id: number; documentId: number | null; title: string | null; start: number | null; end: number | null; snippet: string; rank: number }[];
  return rows.map((r) => ({
    kind: 'note', id: r.id, documentId: r.documentId, documentTitle: r.title, snippet: r.snippet,
    offset: r.start, matchLength: r.start !== null && r.end !== null ? r.end - r.start : null, rank: r.rank,
  }));
}
