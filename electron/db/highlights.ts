// Queries for highlights and their tag links (highlight_tags). Offsets index Document.text.
import type { Highlight, TextAnchor } from '../../shared/types.js';
import { searchTextFor } from '../search/searchText.js';
import type { Db } from './connection.js';
import { credibilityColumn } from './grades.js';

export interface HighlightRow {
  id: number;
  documentId: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  color: string | null;
  orphaned: number;
  createdAt: string;
  updatedAt: string;
  tagIds: string | null;
  coderId: number | null;
  credibility: number | null;
  regionPage: number | null;
}

export const highlightColumns = `
  h.id, h.document_id AS documentId, h.start_offset AS start, h.end_offset AS end, h.exact, h.prefix, h.suffix,
  h.color, h.orphaned, h.created_at AS createdAt, h.updated_at AS updatedAt, h.coder_id AS coderId,
  ${credibilityColumn} AS credibility,
  (SELECT page FROM highlight_regions WHERE highlight_id = h.id) AS regionPage,
  (SELECT group_concat(tag_id ORDER BY position, tag_id) FROM highlight_tags WHERE highlight_id = h.id) AS tagIds`;

export function toHighlight(row: HighlightRow): Highlight {
  return {
    id: row.id,
    documentId: row.documentId,
    start: row.start,
    end: row.end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    color: row.color,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    orphaned: row.orphaned === 1,
    tagIds: row.tagIds ? row.tagIds.split(',').map(Number) : [],
    coderId: row.coderId ?? null,
    credibility: (row.credibility ?? null) as Highlight['credibility'],
    ...(row.regionPage !== null && row.regionPage !== undefined && { regionPage: row.regionPage }),
  };
}

export function listHighlights(db: Db, documentId?: number): Highlight[] {
  const rows =
    documentId === undefined
      ? db
          .prepare(
            `SELECT ${highlightColumns} FROM highlights h ORDER BY h.document_id, h.start_offset, h.end_offset DESC, h.id`,
          )
          .all()
      : db
          .prepare(
            `SELECT ${highlightColumns} FROM highlights h WHERE h.document_id = ? ORDER BY h.start_offset, h.end_offset DESC, h.id`,
          )
          .all(documentId);
  return (rows as HighlightRow[]).map(toHighlight);
}

export function getHighlight(db: Db, id: number): Highlight | undefined {
  const row = db.prepare(`SELECT ${highlightColumns} FROM highlights h WHERE h.id = ?`).get(id) as
    HighlightRow | undefined;
  return row && toHighlight(row);
}

export function getHighlights(db: Db, ids: number[]): Map<number, Highlight> {
  const found = new Map<number, Highlight>();
  const select = db.prepare(`SELECT ${highlightColumns} FROM highlights h WHERE h.id = ?`);
  for (const id of ids) {
    const row = select.get(id) as HighlightRow | undefined;
    if (row) found.set(id, toHighlight(row));
  }
  return found;
}

export interface NewHighlight extends TextAnchor {
  id?: number;
  documentId: number;
  color?: string | null;
  orphaned?: boolean;
  createdAt?: string;
  coderId?: number | null;
}

export function insertHighlight(db: Db, h: NewHighlight): number {
  const info = db
    .prepare(
      `
    INSERT INTO highlights (id, document_id, start_offset, end_offset, exact, search_text, prefix, suffix, color,
      orphaned, created_at, coder_id)
    VALUES (@id, @documentId, @start, @end, @exact, @searchText, @prefix, @suffix, @color, @orphaned,
            COALESCE(@createdAt, strftime('%Y-%m-%dT%H:%M:%fZ','now')), @coderId)`,
    )
    .run({
      id: h.id ?? null,
      documentId: h.documentId,
      start: h.start,
      end: h.end,
      exact: h.exact,
      searchText: searchTextFor(h.exact),
      prefix: h.prefix,
      suffix: h.suffix,
      color: h.color ?? null,
      orphaned: h.orphaned ? 1 : 0,
      createdAt: h.createdAt ?? null,
      coderId: h.coderId ?? null,
    });
  return Number(info.lastInsertRowid);
}

export function setHighlightColor(db: Db, id: number, color: string | null): void {
  db.prepare("UPDATE highlights SET color = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(
    color,
    id,
  );
}

/** Replaces the highlight's tags, keeping the given order (the first tag gives the default colour). */
export function setHighlightTags(db: Db, id: number, tagIds: number[]): void {
  db.prepare('DELETE FROM highlight_tags WHERE highlight_id = ?').run(id);
  const insert = db.prepare('INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id, position) VALUES (?, ?, ?)');
  tagIds.forEach((tagId, position) => insert.run(id, tagId, position));
  db.prepare("UPDATE highlights SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(id);
}

export function moveHighlight(db: Db, id: number, anchor: TextAnchor | null): void {
  if (anchor) {
    db.prepare(
      `UPDATE highlights SET start_offset = @start, end_offset = @end, exact = @exact,
      search_text = @searchText, prefix = @prefix, suffix = @suffix, orphaned = 0,
      updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = @id`,
    ).run({ ...anchor, searchText: searchTextFor(anchor.exact), id });
  } else {
    db.prepare(
      "UPDATE highlights SET orphaned = 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
    ).run(id);
  }
}

export function deleteHighlight(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM highlights WHERE id = ?').run(id).changes > 0;
}
