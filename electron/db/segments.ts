// Queries for coded segments (highlights with their tags) as retrieval and matrices see them: positions of the
// passages carrying some tags, restrictions by document attributes, collections, coder and date, and the rows shown.
import { passagePages } from '../../shared/pages.js';
import type { AttributeFilter, PageStart, RetrievedSegment } from '../../shared/types.js';
import { attributeFilterSql } from './attributes.js';
import type { Db } from './connection.js';
import { highlightColumns, toHighlight, type HighlightRow } from './highlights.js';

export interface SegmentPosition {
  id: number;
  documentId: number;
  start: number;
  end: number;
  orphaned: boolean;
}

/** Passages carrying any of the tags, with where they are. */
export function segmentsWithTags(db: Db, tagIds: number[]): SegmentPosition[] {
  const rows = db
    .prepare(
      `SELECT h.id, h.document_id AS documentId, h.start_offset AS start, h.end_offset AS "end", h.orphaned
    FROM highlights h WHERE h.id IN (
      SELECT highlight_id FROM highlight_tags WHERE tag_id IN (SELECT value FROM json_each(?)))`,
    )
    .all(JSON.stringify(tagIds)) as (Omit<SegmentPosition, 'orphaned'> & { orphaned: number })[];
  return rows.map((r) => ({ ...r, orphaned: r.orphaned === 1 }));
}

export interface SegmentRestrictions {
  attributes?: AttributeFilter[];
  collectionIds?: number[];
  documentIds?: number[];
  coderIds?: number[];
  codedFrom?: string;
  codedTo?: string;
}

/** The passages among `ids` that pass the restrictions, in document then reading order. */
export function restrictSegments(db: Db, ids: number[], r: SegmentRestrictions): number[] {
  const where = ['h.id IN (SELECT value FROM json_each(@ids))'];
  const attributes = attributeFilterSql(r.attributes, 'h.document_id');
  where.push(...attributes.sql);
  const params: Record<string, unknown> = { ids: JSON.stringify(ids), ...attributes.params };
  if (r.collectionIds?.length) {
    where.push(
      'h.document_id IN (SELECT id FROM documents WHERE collection_id IN (SELECT value FROM json_each(@collections)))',
    );
    params.collections = JSON.stringify(r.collectionIds);
  }
  if (r.documentIds?.length) {
    where.push('h.document_id IN (SELECT value FROM json_each(@documents))');
    params.documents = JSON.stringify(r.documentIds);
  }
  if (r.coderIds?.length) {
    where.push('h.coder_id IN (SELECT value FROM json_each(@coders))');
    params.coders = JSON.stringify(r.coderIds);
  }
  if (r.codedFrom) {
    where.push('substr(h.created_at, 1, 10) >= @codedFrom');
    params.codedFrom = r.codedFrom;
  }
  if (r.codedTo) {
    where.push('substr(h.created_at, 1, 10) <= @codedTo');
    params.codedTo = r.codedTo;
  }
  return db
    .prepare(`SELECT h.id FROM highlights h WHERE ${where.join(' AND ')} ORDER BY h.document_id, h.start_offset, h.id`)
    .pluck()
    .all(params) as number[];
}

/** The rows a result list shows, in the order given; a PDF passage with its pages. */
export function segmentRows(db: Db, ids: number[]): RetrievedSegment[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT ${highlightColumns}, d.title AS documentTitle, n.text AS noteText, d.pages
    FROM highlights h JOIN documents d ON d.id = h.document_id LEFT JOIN notes n ON n.highlight_id = h.id
    WHERE h.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as (HighlightRow & {
    documentTitle: string;
    noteText: string | null;
    pages: string | null;
  })[];
  const pagesOf = new Map<number, PageStart[] | null>();
  const byId = new Map(
    rows.map((row) => {
      if (!pagesOf.has(row.documentId))
        pagesOf.set(row.documentId, row.pages ? (JSON.parse(row.pages) as PageStart[]) : null);
      const highlight = toHighlight(row);
      const onPages = highlight.orphaned ? null : passagePages(pagesOf.get(row.documentId), highlight);
      return [row.id, { highlight, documentTitle: row.documentTitle, noteText: row.noteText, ...onPages }];
    }),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Documents' texts, for paragraph positions and context. */
export function documentTexts(db: Db, documentIds: number[]): Map<number, string> {
  const rows = db
    .prepare('SELECT id, text FROM documents WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(documentIds)) as { id: number; text: string }[];
  return new Map(rows.map((r) => [r.id, r.text]));
}

/** Where each passage is (for context), by id. */
export function segmentPositions(db: Db, ids: number[]): SegmentPosition[] {
  const rows = db
    .prepare(
      `SELECT h.id, h.document_id AS documentId, h.start_offset AS start, h.end_offset AS "end", h.orphaned
    FROM highlights h WHERE h.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as (Omit<SegmentPosition, 'orphaned'> & { orphaned: number })[];
  return rows.map((r) => ({ ...r, orphaned: r.orphaned === 1 }));
}
