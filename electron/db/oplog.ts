// The operation log: every edit is recorded (by the triggers of migration 002) with the rows it changed, so undo
// and redo run in the main process from the project file alone and survive a reload. Undo walks an entry's changes
// backwards restoring each row as it was; redo walks them forwards. Rows are compared and restored whole, so an
// undone edit leaves byte-identical rows behind.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { HistoryEntry } from '../../shared/types.js';
import type { Db } from './connection.js';
import { keyColumns } from './migrations/oplogTriggers.js';

/** How many edits stay undoable; older entries are dropped. */
export const HISTORY_LIMIT = 1000;
/** Edits with the same coalesce key within this many milliseconds are one undo step (a burst of typing). */
export const COALESCE_WINDOW_MS = 4000;

export interface EditMeta {
  /** The API operation that made the edit, e.g. 'highlights.create'. */
  operation: string;
  /** What the user sees: "Undo delete tag “Visas”". */
  label: string;
  /** Successive edits with the same key coalesce into one entry (note typing). */
  coalesceKey?: string;
}

/** An entry as the API shows it, plus when it last grew (a coalesced burst of typing). */
export type OpEntry = HistoryEntry & { updatedAt: string };

export interface RowChange {
  seq: number;
  tbl: string;
  rowKey: unknown[];
  kind: 'insert' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

interface ChangeRow {
  seq: number;
  tbl: string;
  row_key: string;
  kind: RowChange['kind'];
  before: string | null;
  after: string | null;
}

// Which entries each call touched, so the API can tell the renderer what changed (see electron/api/changes.ts).
interface Journal {
  next: number;
  events: { seq: number; opId: number }[];
}
const journals = new WeakMap<Db, Journal>();
const recording = new WeakMap<Db, number>();

function journal(db: Db): Journal {
  let j = journals.get(db);
  if (!j) journals.set(db, (j = { next: 1, events: [] }));
  return j;
}

function noteTouched(db: Db, opId: number): void {
  const j = journal(db);
  j.events.push({ seq: j.next++, opId });
  if (j.events.length > 2000) j.events.splice(0, j.events.length - 1000);
}

/** A mark to pass to `touchedSince` after a call. */
export function journalMark(db: Db): number {
  return journal(db).next;
}

export function touchedSince(db: Db, mark: number): number[] {
  return [
    ...new Set(
      journal(db)
        .events.filter((e) => e.seq >= mark)
        .map((e) => e.opId),
    ),
  ];
}

export function currentAuthor(): string {
  try {
    return os.userInfo().username || 'analyst';
  } catch {
    return 'analyst';
  }
}

const now = () => new Date().toISOString();

/**
 * Runs `write` in one transaction and records what it changed as one undoable entry. A write that changes nothing
 * leaves no entry; an edit inside another edit joins the outer one.
 */
export function recordEdit<T>(db: Db, meta: EditMeta, write: () => T): T {
  if (recording.has(db)) return write();
  return db.transaction(() => {
    const opId = insertEntry(db, meta);
    db.prepare('INSERT INTO oplog_current (only, op_id) VALUES (1, ?)').run(opId);
    recording.set(db, opId);
    let result: T;
    try {
      result = write();
    } finally {
      recording.delete(db);
      db.prepare('DELETE FROM oplog_current').run();
    }
    settleEntry(db, opId, meta);
    return result;
  })();
}

function insertEntry(db: Db, meta: EditMeta): number {
  const at = now();
  return Number(
    db
      .prepare(
        `INSERT INTO oplog (uuid, author, operation, label, coalesce_key, state, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, 'done', ?, ?)`,
      )
      .run(randomUUID(), currentAuthor(), meta.operation, meta.label, meta.coalesceKey ?? null, at, at).lastInsertRowid,
  );
}

/** After the write: drop an empty entry, fold a burst into its predecessor, forget the redo branch, prune. */
function settleEntry(db: Db, opId: number, meta: EditMeta): void {
  const count = db.prepare('SELECT COUNT(*) FROM oplog_changes WHERE op_id = ?').pluck().get(opId) as number;
  if (count === 0) {
    db.prepare('DELETE FROM oplog WHERE id = ?').run(opId);
    return;
  }
  db.prepare("DELETE FROM oplog WHERE state = 'undone'").run();
  const previous = meta.coalesceKey ? coalescibleEntry(db, opId, meta.coalesceKey) : undefined;
  if (previous !== undefined) {
    mergeInto(db, previous, opId);
    noteTouched(db, previous);
  } else {
    noteTouched(db, opId);
  }
  db.prepare(`DELETE FROM oplog WHERE id <= (SELECT id FROM oplog ORDER BY id DESC LIMIT 1 OFFSET ?)`).run(
    HISTORY_LIMIT,
  );
}

function coalescibleEntry(db: Db, opId: number, key: string): number | undefined {
  const row = db
    .prepare(
      `SELECT id, coalesce_key AS key, updated_at AS updatedAt, author FROM oplog
    WHERE id < ? AND state = 'done' ORDER BY id DESC LIMIT 1`,
    )
    .get(opId) as { id: number; key: string | null; updatedAt: string; author: string } | undefined;
  if (!row || row.key !== key || row.author !== currentAuthor()) return undefined;
  return Date.now() - Date.parse(row.updatedAt) <= COALESCE_WINDOW_MS ? row.id : undefined;
}

/**
 * Folds entry `from` into `into`: a row already changed by `into` keeps its earliest "before" and takes the latest
 * "after"; rows new to `into` are appended. Then `from` is removed.
 */
function mergeInto(db: Db, into: number, from: number): void {
  const existing = new Map(readChanges(db, into).map((c) => [`${c.tbl}:${JSON.stringify(c.rowKey)}`, c]));
  let seq = Math.max(0, ...[...existing.values()].map((c) => c.seq));
  const update = db.prepare('UPDATE oplog_changes SET after = ? WHERE op_id = ? AND seq = ?');
  const append = db.prepare(`INSERT INTO oplog_changes (op_id, seq, tbl, row_key, kind, before, after)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const change of readChanges(db, from)) {
    const same = existing.get(`${change.tbl}:${JSON.stringify(change.rowKey)}`);
    if (same && change.kind === 'update' && (same.kind === 'update' || same.kind === 'insert')) {
      const after = same.after && change.after ? { ...same.after, ...change.after } : change.after;
      update.run(after && JSON.stringify(after), into, same.seq);
    } else {
      append.run(
        into,
        ++seq,
        change.tbl,
        JSON.stringify(change.rowKey),
        change.kind,
        json(change.before),
        json(change.after),
      );
    }
  }
  db.prepare('DELETE FROM oplog WHERE id = ?').run(from);
  db.prepare('UPDATE oplog SET updated_at = ? WHERE id = ?').run(now(), into);
}

const json = (value: Record<string, unknown> | null) => (value === null ? null : JSON.stringify(value));

export function readChanges(db: Db, opId: number): RowChange[] {
  return (
    db
      .prepare('SELECT seq, tbl, row_key, kind, before, after FROM oplog_changes WHERE op_id = ? ORDER BY seq')
      .all(opId) as ChangeRow[]
  ).map((r) => ({
    seq: r.seq,
    tbl: r.tbl,
    rowKey: JSON.parse(r.row_key) as unknown[],
    kind: r.kind,
    before: r.before === null ? null : (JSON.parse(r.before) as Record<string, unknown>),
    after: r.after === null ? null : (JSON.parse(r.after) as Record<string, unknown>),
  }));
}

export function clearHistory(db: Db): void {
  db.prepare('DELETE FROM oplog').run();
}

const entryColumns = `id, uuid, author, operation, label, state, created_at AS createdAt, updated_at AS updatedAt`;

export function lastDone(db: Db): OpEntry | undefined {
  return db.prepare(`SELECT ${entryColumns} FROM oplog WHERE state = 'done' ORDER BY id DESC LIMIT 1`).get() as
    OpEntry | undefined;
}

export function firstUndone(db: Db): OpEntry | undefined {
  return db.prepare(`SELECT ${entryColumns} FROM oplog WHERE state = 'undone' ORDER BY id ASC LIMIT 1`).get() as
    OpEntry | undefined;
}

export function listEntries(db: Db, limit = 50): OpEntry[] {
  return db.prepare(`SELECT ${entryColumns} FROM oplog ORDER BY id DESC LIMIT ?`).all(limit) as OpEntry[];
}

/** Undoes the latest done entry; returns it, or undefined when there is nothing to undo. */
export function undoLast(db: Db): OpEntry | undefined {
  return db.transaction(() => {
    const entry = lastDone(db);
    if (!entry) return undefined;
    db.pragma('defer_foreign_keys = ON');
    const changes = readChanges(db, entry.id);
    for (const change of changes.reverse()) revert(db, entry.id, change);
    db.prepare("UPDATE oplog SET state = 'undone' WHERE id = ?").run(entry.id);
    noteTouched(db, entry.id);
    return { ...entry, state: 'undone' as const };
  })();
}

/** Redoes the earliest undone entry; returns it, or undefined when there is nothing to redo. */
export function redoNext(db: Db): OpEntry | undefined {
  return db.transaction(() => {
    const entry = firstUndone(db);
    if (!entry) return undefined;
    db.pragma('defer_foreign_keys = ON');
    for (const change of readChanges(db, entry.id)) replay(db, change);
    db.prepare("UPDATE oplog SET state = 'done' WHERE id = ?").run(entry.id);
    noteTouched(db, entry.id);
    return { ...entry, state: 'done' as const };
  })();
}

function revert(db: Db, opId: number, change: RowChange): void {
  const rows = new RowWriter(db, change.tbl);
  if (change.kind === 'insert') {
    // Keep the row as it is now so that redo can put it back exactly.
    const current = rows.read(change.rowKey);
    db.prepare('UPDATE oplog_changes SET after = ? WHERE op_id = ? AND seq = ?').run(current, opId, change.seq);
    rows.delete(change.rowKey);
  } else if (change.kind === 'update') {
    rows.update(change.rowKey, change.before!);
  } else {
    rows.insert(change.before!);
  }
}

function replay(db: Db, change: RowChange): void {
  const rows = new RowWriter(db, change.tbl);
  if (change.kind === 'insert') {
    if (change.after) rows.insert(change.after);
  } else if (change.kind === 'update') {
    rows.update(change.rowKey, change.after!);
  } else {
    rows.delete(change.rowKey);
  }
}

/** Reads and writes whole rows of one logged table as JSON objects, with column names checked against the schema. */
class RowWriter {
  private readonly columns: Set<string>;
  private readonly keys: string[];

  constructor(
    private readonly db: Db,
    private readonly table: string,
  ) {
    const info = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
    if (info.length === 0) throw new Error(`The operation log names a table that does not exist: ${table}.`);
    this.columns = new Set(info);
    this.keys = keyColumns(table);
  }

  private where(): string {
    return this.keys.map((k) => `"${k}" = ?`).join(' AND ');
  }

  private checked(row: Record<string, unknown>): string[] {
    const names = Object.keys(row);
    const unknown = names.find((n) => !this.columns.has(n));
    if (unknown) throw new Error(`The operation log names a column that does not exist: ${this.table}.${unknown}.`);
    return names;
  }

  read(key: unknown[]): string | null {
    const pairs = [...this.columns].map((c) => `'${c}', "${c}"`).join(', ');
    return (
      (this.db
        .prepare(`SELECT json_object(${pairs}) FROM "${this.table}" WHERE ${this.where()}`)
        .pluck()
        .get(...key) as string | undefined) ?? null
    );
  }

  insert(row: Record<string, unknown>): void {
    const names = this.checked(row);
    const values = names.map((n) => `json_extract(?, '$."${n}"')`).join(', ');
    this.db
      .prepare(`INSERT INTO "${this.table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${values})`)
      .run(...names.map(() => JSON.stringify(row)));
  }

  update(key: unknown[], row: Record<string, unknown>): void {
    const names = this.checked(row).filter((n) => !this.keys.includes(n));
    if (names.length === 0) return;
    const sets = names.map((n) => `"${n}" = json_extract(?, '$."${n}"')`).join(', ');
    this.db
      .prepare(`UPDATE "${this.table}" SET ${sets} WHERE ${this.where()}`)
      .run(...names.map(() => JSON.stringify(row)), ...key);
  }

  delete(key: unknown[]): void {
    this.db.prepare(`DELETE FROM "${this.table}" WHERE ${this.where()}`).run(...key);
  }
}
