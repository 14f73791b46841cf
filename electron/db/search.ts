// Full-text search over the FTS5 indexes of documents, highlights and notes, ranked by bm25.
//
// Common words match most rows, so the cost is in ranking thousands of matches. Each kind is ranked on its index
// alone (rowid and bm25, no joins, no snippets), the three rankings are merged, and only the final top `limit` hits
// are read back to build snippets and jump offsets.
import type { AttributeFilter, SearchHit, SearchKind } from '../../shared/types.js';
import { termMatcher, type ParsedQuery, type TermMatcher } from '../search/query.js';
import { makeSnippet } from '../search/snippet.js';
import { attributeFilterSql } from './attributes.js';
import { cachedStatement, type Db } from './connection.js';

export interface SearchOptions {
  documentId?: number;
  tagId?: number;
  kinds?: SearchKind[];
  limit?: number;
  attributes?: AttributeFilter[];
}

interface RankedId {
  kind: SearchKind;
  id: number;
  rank: number;
}

interface RankingSql {
  table: string;
  bm25: string;
  inDocument: string;
  withTag: string;
  /** Rows whose document is in the set `docs` (SQL selecting document ids). */
  inDocuments: (docs: string) => string;
}

const rankingSql: Record<SearchKind, RankingSql> = {
  document: {
    table: 'documents_fts',
    bm25: 'bm25(documents_fts, 4.0, 1.0)',
    // better-sqlite3 binds JS numbers as REAL, and FTS5 silently ignores a REAL rowid constraint (all rows match).
    inDocument: 'rowid = CAST(@documentId AS INTEGER)',
    withTag: `rowid IN (SELECT h.document_id FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id
      WHERE ht.tag_id = @tagId)`,
    inDocuments: (docs) => `rowid IN (${docs})`,
  },
  highlight: {
    table: 'highlights_fts',
    bm25: 'bm25(highlights_fts)',
    inDocument: 'rowid IN (SELECT id FROM highlights WHERE document_id = @documentId)',
    withTag: 'rowid IN (SELECT highlight_id FROM highlight_tags WHERE tag_id = @tagId)',
    inDocuments: (docs) => `rowid IN (SELECT id FROM highlights WHERE document_id IN (${docs}))`,
  },
  note: {
    table: 'notes_fts',
    bm25: 'bm25(notes_fts)',
    inDocument: 'rowid IN (SELECT id FROM notes WHERE document_id = @documentId)',
    withTag: `rowid IN (SELECT n.id FROM notes n JOIN highlight_tags ht ON ht.highlight_id = n.highlight_id
      WHERE ht.tag_id = @tagId)`,
    inDocuments: (docs) => `rowid IN (SELECT id FROM notes WHERE document_id IN (${docs}))`,
  },
};

const detailSql = {
  document: 'SELECT title, text FROM documents WHERE id = ?',
  highlight: `SELECT h.document_id AS documentId, d.title, h.start_offset AS start, h.end_offset AS end, h.exact AS text
    FROM highlights h JOIN documents d ON d.id = h.document_id WHERE h.id = ?`,
  note: `SELECT n.document_id AS documentId, d.title, h.start_offset AS start, h.end_offset AS end, n.text
    FROM notes n LEFT JOIN documents d ON d.id = n.document_id LEFT JOIN highlights h ON h.id = n.highlight_id
    WHERE n.id = ?`,
};

export function searchAll(db: Db, query: ParsedQuery, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 50;
  const kinds = [...new Set<SearchKind>(options.kinds ?? ['document', 'highlight', 'note'])];
  const ranked = kinds.flatMap((kind) => rankIds(db, kind, query, options, limit));
  const terms = termMatcher(query.terms);
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((hit) => describeHit(db, hit, terms));
}

function rankIds(db: Db, kind: SearchKind, query: ParsedQuery, options: SearchOptions, limit: number): RankedId[] {
  const sql = rankingSql[kind];
  const where = [`${sql.table} MATCH @fts`];
  if (options.documentId !== undefined) where.push(sql.inDocument);
  if (options.tagId !== undefined) where.push(sql.withTag);
  const attributes = attributeFilterSql(options.attributes, 'd.id');
  if (attributes.sql.length)
    where.push(sql.inDocuments(`SELECT d.id FROM documents d WHERE ${attributes.sql.join(' AND ')}`));
  const ranking = cachedStatement(
    db,
    `SELECT rowid AS id, ${sql.bm25} AS rank FROM ${sql.table}
    WHERE ${where.join(' AND ')} ORDER BY rank LIMIT @limit`,
  );
  const rows = ranking.all({
    fts: query.fts,
    documentId: options.documentId,
    tagId: options.tagId,
    limit,
    ...attributes.params,
  });
  return (rows as { id: number; rank: number }[]).map((row) => ({ kind, id: row.id, rank: row.rank }));
}

function describeHit(db: Db, hit: RankedId, terms: TermMatcher): SearchHit {
  if (hit.kind === 'document') return describeDocument(db, hit, terms);
  const row = cachedStatement(db, detailSql[hit.kind]).get(hit.id) as {
    documentId: number | null;
    title: string | null;
    start: number | null;
    end: number | null;
    text: string;
  };
  const hasPassage = row.start !== null && row.end !== null;
  return {
    kind: hit.kind,
    id: hit.id,
    documentId: row.documentId,
    documentTitle: row.title,
    snippet: makeSnippet(row.text, terms, terms.locate(row.text)),
    offset: row.start,
    matchLength: hasPassage ? row.end! - row.start! : null,
    rank: hit.rank,
  };
}

function describeDocument(db: Db, hit: RankedId, terms: TermMatcher): SearchHit {
  const row = cachedStatement(db, detailSql.document).get(hit.id) as { title: string; text: string };
  const match = terms.locate(row.text);
  return {
    kind: 'document',
    id: hit.id,
    documentId: hit.id,
    documentTitle: row.title,
    snippet: makeSnippet(row.text, terms, match),
    offset: match?.offset ?? null,
    matchLength: match?.length ?? null,
    rank: hit.rank,
  };
}
