// Queries behind inter-coder agreement and the disagreement queue: who coded what (a coding's coder is the one who
// applied the tag, else the passage's coder), which coders worked on which documents, single codings added or taken
// away when a disagreement is settled, and the decisions themselves.
import type { AgreementDecision, DecisionChoice, DisagreementKind, DisagreementPassage } from '../../shared/types.js';
import type { Db } from './connection.js';

export interface CodingRow {
  highlightId: number;
  documentId: number;
  start: number;
  end: number;
  tagId: number;
  coderId: number;
}

export interface CodingScope {
  coderIds: number[];
  tagIds?: number[];
  documentIds?: number[];
}

function scopeWhere(scope: CodingScope, params: Record<string, unknown>): string {
  const where = ['h.orphaned = 0', 'COALESCE(ht.coder_id, h.coder_id) IN (SELECT value FROM json_each(@coders))'];
  params.coders = JSON.stringify(scope.coderIds);
  if (scope.tagIds) {
    where.push('ht.tag_id IN (SELECT value FROM json_each(@tags))');
    params.tags = JSON.stringify(scope.tagIds);
  }
  if (scope.documentIds) {
    where.push('h.document_id IN (SELECT value FROM json_each(@documents))');
    params.documents = JSON.stringify(scope.documentIds);
  }
  return where.join(' AND ');
}

/** Every coding of the chosen coders (and tags, documents), by document and position. */
export function codingsInScope(db: Db, scope: CodingScope): CodingRow[] {
  const params: Record<string, unknown> = {};
  return db
    .prepare(
      `SELECT h.id AS highlightId, h.document_id AS documentId, h.start_offset AS start, h.end_offset AS "end",
        ht.tag_id AS tagId, COALESCE(ht.coder_id, h.coder_id) AS coderId
      FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id
      WHERE ${scopeWhere(scope, params)}
      ORDER BY h.document_id, h.start_offset`,
    )
    .all(params) as CodingRow[];
}

/** Codings of two coders overlapping [start, end) of a document, with the given tags. */
export function codingsInSpan(
  db: Db,
  documentId: number,
  start: number,
  end: number,
  coderIds: number[],
  tagIds: number[],
): CodingRow[] {
  const params: Record<string, unknown> = { start, end };
  return db
    .prepare(
      `SELECT h.id AS highlightId, h.document_id AS documentId, h.start_offset AS start, h.end_offset AS "end",
        ht.tag_id AS tagId, COALESCE(ht.coder_id, h.coder_id) AS coderId
      FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id
      WHERE ${scopeWhere({ coderIds, tagIds, documentIds: [documentId] }, params)}
        AND h.start_offset < @end AND h.end_offset > @start
      ORDER BY h.start_offset, h.id`,
    )
    .all(params) as CodingRow[];
}

/** Which of the coders made any passage or coding in each document: a coder with none there has not coded it. */
export function codersByDocument(db: Db, coderIds: number[], documentIds?: number[]): Map<number, Set<number>> {
  const params: Record<string, unknown> = { coders: JSON.stringify(coderIds) };
  let documents = '';
  if (documentIds) {
    documents = 'AND h.document_id IN (SELECT value FROM json_each(@documents))';
    params.documents = JSON.stringify(documentIds);
  }
  const rows = db
    .prepare(
      `SELECT DISTINCT h.document_id AS d, h.coder_id AS c FROM highlights h
        WHERE h.coder_id IN (SELECT value FROM json_each(@coders)) ${documents}
      UNION
      SELECT DISTINCT h.document_id, ht.coder_id FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id
        WHERE ht.coder_id IN (SELECT value FROM json_each(@coders)) ${documents}`,
    )
    .all(params) as { d: number; c: number }[];
  const byDocument = new Map<number, Set<number>>();
  for (const { d, c } of rows) {
    let set = byDocument.get(d);
    if (!set) byDocument.set(d, (set = new Set()));
    set.add(c);
  }
  return byDocument;
}

export function documentLengths(db: Db, documentIds: number[]): Map<number, number> {
  const rows = db
    .prepare('SELECT id, length(text) AS n FROM documents WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(documentIds)) as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The tags any of the coders used. */
export function tagsUsedBy(db: Db, coderIds: number[]): number[] {
  return db
    .prepare(
      `SELECT DISTINCT ht.tag_id FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id
      WHERE COALESCE(ht.coder_id, h.coder_id) IN (SELECT value FROM json_each(?)) ORDER BY ht.tag_id`,
    )
    .pluck()
    .all(JSON.stringify(coderIds)) as number[];
}

/** Coders that made at least one coding. */
export function codersWithCodings(db: Db): number[] {
  return db
    .prepare(
      `SELECT DISTINCT COALESCE(ht.coder_id, h.coder_id) AS c FROM highlight_tags ht
      JOIN highlights h ON h.id = ht.highlight_id WHERE c IS NOT NULL ORDER BY c`,
    )
    .pluck()
    .all() as number[];
}

// Settling a disagreement ------------------------------------------------------------------------------------------

/** Adds a tag to a passage as `coderId`'s coding (stored only when it is not the passage's own coder). */
export function addCoding(db: Db, highlightId: number, tagId: number, coderId: number): void {
  db.prepare(
    `INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id, position, coder_id)
    SELECT @h, @t, (SELECT COALESCE(MAX(position), -1) + 1 FROM highlight_tags WHERE highlight_id = @h),
      CASE WHEN h.coder_id IS @c THEN NULL ELSE @c END
    FROM highlights h WHERE h.id = @h`,
  ).run({ h: highlightId, t: tagId, c: coderId });
  touchHighlight(db, highlightId);
}

export function removeCoding(db: Db, highlightId: number, tagId: number): void {
  db.prepare('DELETE FROM highlight_tags WHERE highlight_id = ? AND tag_id = ?').run(highlightId, tagId);
  touchHighlight(db, highlightId);
}

function touchHighlight(db: Db, highlightId: number): void {
  db.prepare("UPDATE highlights SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(highlightId);
}

/** A passage with no tag left and no note says nothing: settling removes it rather than leaving an empty mark. */
export function isBarePassage(db: Db, highlightId: number): boolean {
  return (
    db
      .prepare(
        `SELECT NOT EXISTS (SELECT 1 FROM highlight_tags WHERE highlight_id = @h)
          AND NOT EXISTS (SELECT 1 FROM notes WHERE highlight_id = @h)
          AND NOT EXISTS (SELECT 1 FROM highlight_regions WHERE highlight_id = @h)`,
      )
      .pluck()
      .get({ h: highlightId }) === 1
  );
}

/** A passage of `coderId` at exactly these offsets, if there is one. */
export function passageAt(db: Db, documentId: number, start: number, end: number, coderId: number): number | undefined {
  return db
    .prepare(
      `SELECT id FROM highlights WHERE document_id = ? AND start_offset = ? AND end_offset = ? AND coder_id = ?
        AND orphaned = 0 ORDER BY id LIMIT 1`,
    )
    .pluck()
    .get(documentId, start, end, coderId) as number | undefined;
}

export interface NewDecision {
  documentId: number;
  start: number;
  end: number;
  coderA: number;
  coderB: number;
  kind: DisagreementKind;
  choice: DecisionChoice;
  tagIds: number[];
  sides: { a: DisagreementPassage[]; b: DisagreementPassage[] };
  result: { start: number; end: number; tagIds: number[] }[];
  reason: string;
  decidedBy: number;
}

export function insertDecision(db: Db, d: NewDecision): number {
  return Number(
    db
      .prepare(
        `INSERT INTO agreement_decisions (document_id, start_offset, end_offset, coder_a, coder_b, kind, choice, tag_ids,
          sides, result, reason, decided_by)
        VALUES (@documentId, @start, @end, @coderA, @coderB, @kind, @choice, @tagIds, @sides, @result, @reason,
          @decidedBy)`,
      )
      .run({
        ...d,
        tagIds: JSON.stringify(d.tagIds),
        sides: JSON.stringify(d.sides),
        result: JSON.stringify(d.result),
      }).lastInsertRowid,
  );
}

interface DecisionRow {
  id: number;
  documentId: number;
  documentTitle: string;
  start: number;
  end: number;
  coderA: number | null;
  coderB: number | null;
  kind: DisagreementKind;
  choice: DecisionChoice;
  tagIds: string;
  sides: string;
  result: string;
  reason: string;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string;
}

/** Decisions between two coders (either way round), or all of them, in the order they were made. */
export function listDecisions(db: Db, pair?: [number, number], ids?: number[]): AgreementDecision[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (pair) {
    where.push('((x.coder_a = @a AND x.coder_b = @b) OR (x.coder_a = @b AND x.coder_b = @a))');
    [params.a, params.b] = pair;
  }
  if (ids) {
    where.push('x.id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(ids);
  }
  const rows = db
    .prepare(
      `SELECT x.id, x.document_id AS documentId, d.title AS documentTitle, x.start_offset AS start,
        x.end_offset AS "end", x.coder_a AS coderA, x.coder_b AS coderB, x.kind, x.choice, x.tag_ids AS tagIds,
        x.sides, x.result, x.reason, x.decided_by AS decidedBy, c.name AS decidedByName, x.decided_at AS decidedAt
      FROM agreement_decisions x JOIN documents d ON d.id = x.document_id
      LEFT JOIN coders c ON c.id = x.decided_by
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY x.id`,
    )
    .all(params) as DecisionRow[];
  return rows.map((r) => ({
    ...r,
    tagIds: JSON.parse(r.tagIds) as number[],
    sides: JSON.parse(r.sides) as AgreementDecision['sides'],
    result: JSON.parse(r.result) as AgreementDecision['result'],
  }));
}

export function documentTitles(db: Db, documentIds: number[]): Map<number, string> {
  const rows = db
    .prepare('SELECT id, title FROM documents WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(documentIds)) as { id: number; title: string }[];
  return new Map(rows.map((r) => [r.id, r.title]));
}
