// Queries for coders: the people who made passages (REFI-QDA users). The current coder (current_coder, else the
// default coder named after the OS user when first needed) is who makes passages in this copy of Gloss.
import type { Coder } from '../../shared/types.js';
import type { Db } from './connection.js';
import { getMeta, setMeta } from './meta.js';

const DEFAULT_KEY = 'coders.default';
const currentId = `COALESCE((SELECT coder_id FROM current_coder WHERE id = 1),
  CAST((SELECT value FROM meta WHERE key = '${DEFAULT_KEY}') AS INTEGER))`;
const columns = `c.id, c.name, c.created_at AS createdAt,
  (SELECT COUNT(*) FROM highlights h WHERE h.coder_id = c.id) AS highlightCount,
  c.id = ${currentId} AS isDefault`;

type CoderRow = Omit<Coder, 'isDefault'> & { isDefault: number | null };
const toCoder = (row: CoderRow): Coder => ({ ...row, isDefault: row.isDefault === 1 });

export function listCoders(db: Db): Coder[] {
  return (db.prepare(`SELECT ${columns} FROM coders c ORDER BY c.id`).all() as CoderRow[]).map(toCoder);
}

export function getCoder(db: Db, id: number): Coder | undefined {
  const row = db.prepare(`SELECT ${columns} FROM coders c WHERE c.id = ?`).get(id) as CoderRow | undefined;
  return row && toCoder(row);
}

export function insertCoder(db: Db, name: string): number {
  return Number(db.prepare('INSERT INTO coders (name) VALUES (?)').run(name).lastInsertRowid);
}

export function renameCoder(db: Db, id: number, name: string): boolean {
  return db.prepare('UPDATE coders SET name = ? WHERE id = ?').run(name, id).changes > 0;
}

/** The current coder's id, or undefined when there is none yet (or it was deleted). */
export function defaultCoderId(db: Db): number | undefined {
  const chosen = db.prepare('SELECT coder_id FROM current_coder WHERE id = 1').pluck().get() as number | null;
  const id = chosen ?? Number(getMeta(db, DEFAULT_KEY));
  return Number.isInteger(id) && getCoder(db, id) ? id : undefined;
}

/** Makes `coderId` the one new passages belong to (a logged row: call inside a recorded edit). */
export function setCurrentCoder(db: Db, coderId: number): void {
  db.prepare(
    'INSERT INTO current_coder (id, coder_id) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET coder_id = excluded.coder_id',
  ).run(coderId);
}

export function findCoderByName(db: Db, name: string): number | undefined {
  return db.prepare('SELECT id FROM coders WHERE lower(name) = lower(?) ORDER BY id LIMIT 1').pluck().get(name) as
    number | undefined;
}

/** The default coder, created with `name` if missing; call inside a recorded edit so undo can remove it. */
export function ensureDefaultCoder(db: Db, name: string): number {
  const existing = defaultCoderId(db);
  if (existing !== undefined) return existing;
  const id = insertCoder(db, name);
  setMeta(db, DEFAULT_KEY, String(id));
  return id;
}

export function setHighlightCoder(db: Db, highlightId: number, coderId: number | null): void {
  db.prepare('UPDATE highlights SET coder_id = ? WHERE id = ?').run(coderId, highlightId);
}

/** Who applied a tag to a passage, when it was someone other than the passage's coder. */
export function setCodingCoder(db: Db, highlightId: number, tagId: number, coderId: number | null): void {
  db.prepare('UPDATE highlight_tags SET coder_id = ? WHERE highlight_id = ? AND tag_id = ?').run(
    coderId,
    highlightId,
    tagId,
  );
}

/** Coders of codings that have one, keyed "highlightId:tagId". */
export function codingCoders(db: Db): Map<string, number> {
  const rows = db
    .prepare('SELECT highlight_id AS h, tag_id AS t, coder_id AS c FROM highlight_tags WHERE coder_id IS NOT NULL')
    .all() as { h: number; t: number; c: number }[];
  return new Map(rows.map((r) => [`${r.h}:${r.t}`, r.c]));
}
