// Queries for the theme view: tagged passages across documents, counts per tag per document, co-occurrence.
import type { Db } from './connection.js';

export interface TaggedPassageRow {
  highlightId: number;
  documentId: number;
}

/** Highlights carrying any (or all) of the tags, in document then reading order. */
export function passagesWithTags(db: Db, tagIds: number[], mode: 'and' | 'or'): TaggedPassageRow[] {
  const placeholders = tagIds.map(() => '?').join(',');
  const having = mode === 'and' ? `HAVING COUNT(DISTINCT ht.tag_id) = ${new Set(tagIds).size}` : '';
  return db.prepare(`
    SELECT h.id AS highlightId, h.document_id AS documentId FROM highlights h
    JOIN highlight_tags ht ON ht.highlight_id = h.id AND ht.tag_id IN (${placeholders})
    GROUP BY h.id ${having}
    ORDER BY h.document_id, h.start_offset, h.id`).all(...tagIds) as TaggedPassageRow[];
}

export function tagDocumentCounts(db: Db): { tagId: number; documentId: number; count: number }[] {
  return db.prepare(`SELECT ht.tag_id AS tagId, h.document_id AS documentId, COUNT(*) AS count
    FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id GROUP BY ht.tag_id, h.document_id`).all() as
    { tagId: number; documentId: number; count: number }[];
}

/** Pairs of tags on the same passage, or on overlapping passages of the same document (one count per pair of passages). */
export function tagCooccurrences(db: Db): { a: number; b: number; count: number }[] {
  return db.prepare(`
    WITH links AS (
      SELECT ht.tag_id, h.id AS hid, h.document_id AS doc, h.start_offset AS s, h.end_offset AS e
      FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id WHERE h.orphaned = 0
    )
    SELECT x.tag_id AS a, y.tag_id AS b, COUNT(DISTINCT x.hid || ':' || y.hid) AS count
    FROM links x JOIN links y ON x.doc = y.doc AND x.tag_id < y.tag_id
      AND (x.hid = y.hid OR (x.s < y.e AND y.s < x.e))
    GROUP BY x.tag_id, y.tag_id`).all() as { a: number; b: number; count: number }[];
}
