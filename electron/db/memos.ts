// Queries for memos (tiptap JSON documents).
import type { Memo, MemoSummary } from '../../shared/types.js';
import type { Db } from './connection.js';

const summary = 'm.id, m.title, m.created_at AS createdAt, m.updated_at AS updatedAt';

export const EMPTY_DOC = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph' }] });

export function listMemos(db: Db): MemoSummary[] {
  return db.prepare(`SELECT ${summary} FROM memos m ORDER BY m.updated_at DESC, m.id DESC`).all() as MemoSummary[];
}

export function getMemo(db: Db, id: number): Memo | undefined {
  return db.prepare(`SELECT ${summary}, m.content FROM memos m WHERE m.id = ?`).get(id) as Memo | undefined;
}

export function insertMemo(db: Db, title: string, content: string = EMPTY_DOC): number {
  return Number(db.prepare('INSERT INTO memos (title, content) VALUES (?, ?)').run(title, content).lastInsertRowid);
}

export function updateMemo(db: Db, id: number, patch: { title?: string; content?: string }): boolean {
  const sets = [
    patch.title !== undefined && 'title = @title',
    patch.content !== undefined && 'content = @content',
  ].filter(Boolean);
  const sql = `UPDATE memos SET ${[...sets, "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')"].join(', ')} WHERE id = @id`;
  return db.prepare(sql).run({ title: patch.title ?? null, content: patch.content ?? null, id }).changes > 0;
}

export function deleteMemo(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM memos WHERE id = ?').run(id).changes > 0;
}
