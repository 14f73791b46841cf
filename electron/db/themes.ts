// Queries for the theme view: tagged passages across documents, counts per tag per document, co-occurrence.
import { passagePages } from '../../shared/pages.js';
import type {
  AttributeFilter,
  DocumentHeading,
  PageStart,
  PassageContext,
  Reliability,
  ThemeGroup,
  ThemeOutline,
  ThemePassage,
  ThemeRows,
} from '../../shared/types.js';
import { attributeFilterSql } from './attributes.js';
import type { Db } from './connection.js';
import { reliabilityColumn } from './grades.js';
import { descendantIds } from './tags.js';
import { highlightColumns, toHighlight, type HighlightRow } from './highlights.js';

/** Characters of text shown either side of a passage in the theme view. */
export const THEME_CONTEXT = 120;

interface ThemeRow extends HighlightRow {
  noteText: string | null;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  sourceName: string | null;
  reliability: Reliability | null;
  pages: string | null;
}

/** SQL selecting the ids of the highlights carrying any (or all) of the tags, with its bindings. */
function taggedSelection(
  db: Db,
  tagIds: number[],
  mode: 'and' | 'or',
  options: { includeChildren?: boolean; attributes?: AttributeFilter[] },
) {
  // With sub-tags, each chosen tag stands for its subtree: AND asks for one tag of every chosen subtree.
  const subtrees = tagIds.map((id) => (options.includeChildren ? descendantIds(db, id) : [id]));
  const members = subtrees.flatMap((ids, group) => ids.map((tagId) => ({ tagId, group })));
  const having = mode === 'and' ? `HAVING COUNT(DISTINCT m.grp) = ${new Set(tagIds).size}` : '';
  const attributes = attributeFilterSql(options.attributes, 'h.document_id');
  return {
    with: `WITH m(tag_id, grp) AS
      (SELECT json_extract(value, '$.tagId'), json_extract(value, '$.group') FROM json_each(@members))`,
    from: `(SELECT ht.highlight_id FROM highlight_tags ht JOIN m ON m.tag_id = ht.tag_id GROUP BY ht.highlight_id ${having}) sel
      JOIN highlights h ON h.id = sel.highlight_id`,
    where: attributes.sql.length ? `WHERE ${attributes.sql.join(' AND ')}` : '',
    params: { members: JSON.stringify(members), ...attributes.params },
  };
}

type ThemeOptions = { includeChildren?: boolean; attributes?: AttributeFilter[] };

/**
 * The passages carrying any (or all) of the tags, grouped by document in reading order, with their notes, in one
 * joined query (the whole list, for dialogs over one tag; the theme view reads `themeOutline` and rows by id).
 */
export function themeGroups(db: Db, tagIds: number[], mode: 'and' | 'or', options: ThemeOptions = {}): ThemeGroup[] {
  const selection = taggedSelection(db, tagIds, mode, options);
  const rows = db
    .prepare(
      `${selection.with}
    SELECT ${themeRowColumns}
    FROM ${selection.from}
    JOIN documents d ON d.id = h.document_id
    LEFT JOIN notes n ON n.highlight_id = h.id
    ${selection.where}
    ORDER BY h.document_id, h.start_offset, h.id`,
    )
    .all(selection.params) as ThemeRow[];
  const groups: ThemeGroup[] = [];
  for (const row of rows) {
    let group = groups.at(-1);
    if (group?.document.id !== row.documentId) {
      groups.push((group = { document: headingOf(row), passages: [], reliability: row.reliability }));
    }
    group.passages.push(toThemePassage(row, { before: row.prefix, after: row.suffix }));
  }
  return groups;
}

const themeRowColumns = `${highlightColumns}, n.text AS noteText, d.title, d.outlet, d.published_at AS publishedAt,
      d.source_name AS sourceName, ${reliabilityColumn} AS reliability, d.pages`;

function headingOf(row: ThemeRow): DocumentHeading {
  const { title, outlet, publishedAt, sourceName } = row;
  return { id: row.documentId, title, outlet, publishedAt, sourceName };
}

function toThemePassage(row: ThemeRow, context: { before: string; after: string }): ThemePassage {
  const highlight = toHighlight(row);
  const pages = row.pages && !highlight.orphaned ? (JSON.parse(row.pages) as PageStart[]) : null;
  return { highlight, ...context, noteText: row.noteText, ...(pages && passagePages(pages, highlight)) };
}

/** Rows the theme view sends in full with its outline, so its first screen needs no second request. */
export const THEME_FIRST_ROWS = 60;

/**
 * Where every passage of the tags sits (its document's group, its coder) without its text: 5,000 passages are a
 * few hundred kilobytes of ids. The rows on screen are read by id (`themeRows`), the first few sent along.
 */
export function themeOutline(db: Db, tagIds: number[], mode: 'and' | 'or', options: ThemeOptions = {}): ThemeOutline {
  const selection = taggedSelection(db, tagIds, mode, options);
  const places = db
    .prepare(
      `${selection.with}
    SELECT h.id, h.document_id AS documentId, h.coder_id AS coderId,
      (SELECT g.reliability FROM document_grades g WHERE g.document_id = h.document_id) AS reliability
    FROM ${selection.from}
    ${selection.where}
    ORDER BY h.document_id, h.start_offset, h.id`,
    )
    .all(selection.params) as {
    id: number;
    documentId: number;
    coderId: number | null;
    reliability: Reliability | null;
  }[];
  const groups: ThemeOutline['groups'] = [];
  for (const { id, documentId, coderId, reliability } of places) {
    let group = groups.at(-1);
    if (group?.documentId !== documentId) groups.push((group = { documentId, reliability, passages: [] }));
    group.passages.push({ id, coderId });
  }
  const firstIds = places.slice(0, THEME_FIRST_ROWS).map((p) => p.id);
  return {
    groups,
    first: themeRows(db, firstIds, [...new Set(places.slice(0, THEME_FIRST_ROWS).map((p) => p.documentId))]),
  };
}

/** Passages by id, in the order asked, with THEME_CONTEXT characters of text either side; and group headings. */
export function themeRows(db: Db, highlightIds: number[], documentIds: number[]): ThemeRows {
  const rows = db
    .prepare(
      `SELECT ${themeRowColumns}
      FROM json_each(?) j JOIN highlights h ON h.id = j.value
      JOIN documents d ON d.id = h.document_id
      LEFT JOIN notes n ON n.highlight_id = h.id
      ORDER BY j.key`,
    )
    .all(JSON.stringify(highlightIds)) as ThemeRow[];
  const contexts = new Map(
    passageContexts(
      db,
      rows.map((r) => r.id),
    ).map((c) => [c.highlightId, c]),
  );
  const documents = db
    .prepare(
      `SELECT d.id, d.title, d.outlet, d.published_at AS publishedAt, d.source_name AS sourceName
      FROM json_each(?) j JOIN documents d ON d.id = j.value`,
    )
    .all(JSON.stringify(documentIds)) as DocumentHeading[];
  return {
    passages: rows.map((row) => toThemePassage(row, contexts.get(row.id) ?? { before: row.prefix, after: row.suffix })),
    documents,
  };
}

/** Wider context around each passage, from its document's current text (orphans keep their stored context). */
export function passageContexts(db: Db, highlightIds: number[]): PassageContext[] {
  const highlight = db.prepare(`SELECT id, document_id AS documentId, start_offset AS start, end_offset AS "end",
    prefix, suffix, orphaned FROM highlights WHERE id = ?`);
  const textOf = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  const texts = new Map<number, string>();
  const contexts: PassageContext[] = [];
  for (const id of highlightIds) {
    const h = highlight.get(id) as
      | { id: number; documentId: number; start: number; end: number; prefix: string; suffix: string; orphaned: number }
      | undefined;
    if (!h) continue;
    if (h.orphaned) {
      contexts.push({ highlightId: id, before: h.prefix, after: h.suffix });
      continue;
    }
    if (!texts.has(h.documentId)) texts.set(h.documentId, textOf.get(h.documentId) as string);
    const text = texts.get(h.documentId)!;
    contexts.push({
      highlightId: id,
      before: text.slice(Math.max(0, h.start - THEME_CONTEXT), h.start),
      after: text.slice(h.end, h.end + THEME_CONTEXT),
    });
  }
  return contexts;
}

export interface TaggedPassageRow {
  highlightId: number;
  documentId: number;
}

/** Highlights carrying any (or all) of the tags, in document then reading order. */
export function passagesWithTags(db: Db, tagIds: number[], mode: 'and' | 'or'): TaggedPassageRow[] {
  const placeholders = tagIds.map(() => '?').join(',');
  const having = mode === 'and' ? `HAVING COUNT(DISTINCT ht.tag_id) = ${new Set(tagIds).size}` : '';
  return db
    .prepare(
      `
    SELECT h.id AS highlightId, h.document_id AS documentId FROM highlights h
    JOIN highlight_tags ht ON ht.highlight_id = h.id AND ht.tag_id IN (${placeholders})
    GROUP BY h.id ${having}
    ORDER BY h.document_id, h.start_offset, h.id`,
    )
    .all(...tagIds) as TaggedPassageRow[];
}

/** Documents with at least one tagged passage, in the library's default order (the matrix's columns). */
export function codedDocuments(db: Db): { id: number; title: string }[] {
  return db
    .prepare(
      `SELECT d.id, d.title FROM documents d WHERE d.id IN (
      SELECT DISTINCT h.document_id FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id)
    ORDER BY d.imported_at, d.id`,
    )
    .all() as { id: number; title: string }[];
}

export function tagDocumentCounts(db: Db): { tagId: number; documentId: number; count: number }[] {
  return db
    .prepare(
      `SELECT ht.tag_id AS tagId, h.document_id AS documentId, COUNT(*) AS count
    FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id GROUP BY ht.tag_id, h.document_id`,
    )
    .all() as { tagId: number; documentId: number; count: number }[];
}

/**
 * Pairs of tags on the same passage, or on overlapping passages of the same document (one count per pair of
 * passages).
 */
export function tagCooccurrences(db: Db): { a: number; b: number; count: number }[] {
  return db
    .prepare(
      `
    WITH links AS (
      SELECT ht.tag_id, h.id AS hid, h.document_id AS doc, h.start_offset AS s, h.end_offset AS e
      FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id WHERE h.orphaned = 0
    )
    SELECT x.tag_id AS a, y.tag_id AS b, COUNT(DISTINCT x.hid || ':' || y.hid) AS count
    FROM links x JOIN links y ON x.doc = y.doc AND x.tag_id < y.tag_id
      AND (x.hid = y.hid OR (x.s < y.e AND y.s < x.e))
    GROUP BY x.tag_id, y.tag_id`,
    )
    .all() as { a: number; b: number; count: number }[];
}

/** Matrix columns: by document, or by the value of one attribute ('' for documents without one). */
export type CountColumn = { kind: 'documents' } | { kind: 'attribute'; name: string };

/**
 * Passages per row and column, where each row is a group of tags (a tag, or a tag with its sub-tags) and a passage
 * counts once per row however many of the row's tags it carries. Documents are restricted by the attribute filters.
 */
export function tagCountsBy(
  db: Db,
  rows: number[][],
  column: CountColumn,
  attributes: AttributeFilter[] = [],
): { row: number; key: string; count: number }[] {
  const filters = attributeFilterSql(attributes, 'h.document_id');
  const key = column.kind === 'documents' ? 'h.document_id' : "COALESCE(ca.value, '')";
  const join =
    column.kind === 'attribute'
      ? 'LEFT JOIN document_attributes ca ON ca.document_id = h.document_id AND ca.name = @columnName'
      : '';
  const where = filters.sql.length ? `AND ${filters.sql.join(' AND ')}` : '';
  const params = { ...(column.kind === 'attribute' && { columnName: column.name }), ...filters.params };
  // One tag per row (the usual case): a passage carries a tag once, so a plain count per tag is the answer.
  if (rows.every((ids) => ids.length === 1)) {
    const rowOf = new Map(rows.map(([tagId], row) => [tagId, row]));
    const counts = db
      .prepare(
        `SELECT ht.tag_id AS tagId, ${key} AS key, COUNT(*) AS count
      FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id ${join}
      WHERE ht.tag_id IN (SELECT value FROM json_each(@tags)) ${where}
      GROUP BY ht.tag_id, key`,
      )
      .all({ tags: JSON.stringify([...rowOf.keys()]), ...params }) as {
      tagId: number;
      key: string | number;
      count: number;
    }[];
    return counts.map((c) => ({ row: rowOf.get(c.tagId)!, key: String(c.key), count: c.count }));
  }
  const members = rows.flatMap((ids, row) => ids.map((tagId) => ({ tagId, row })));
  const counts = db
    .prepare(
      `
    WITH m(tag_id, row) AS (SELECT json_extract(value, '$.tagId'), json_extract(value, '$.row') FROM json_each(@members))
    SELECT m.row AS row, ${key} AS key, COUNT(DISTINCT h.id) AS count
    FROM m JOIN highlight_tags ht ON ht.tag_id = m.tag_id JOIN highlights h ON h.id = ht.highlight_id ${join}
    WHERE 1 ${where}
    GROUP BY m.row, key`,
    )
    .all({ members: JSON.stringify(members), ...params }) as { row: number; key: string | number; count: number }[];
  return counts.map((c) => ({ ...c, key: String(c.key) }));
}

/** Titles of the documents, in the library's default order (matrix columns). */
export function documentTitles(db: Db, ids: number[]): { id: number; title: string }[] {
  // Many documents: one pass in the library's order is cheaper than looking each one up.
  if (ids.length > 2000) {
    const wanted = new Set(ids);
    const all = db.prepare('SELECT id, title FROM documents ORDER BY imported_at, id').all() as {
      id: number;
      title: string;
    }[];
    return all.filter((d) => wanted.has(d.id));
  }
  return db
    .prepare(`SELECT id, title FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY imported_at, id`)
    .all(JSON.stringify(ids)) as { id: number; title: string }[];
}
