// Queries for memos (tiptap JSON documents) and what each is about: the project, a document, a tag or a passage.
import type { Memo, MemoIndexRow, MemoSubject, MemoSummary } from '../../shared/types.js';
import type { Db } from './connection.js';

const summary = `m.id, m.title, m.created_at AS createdAt, m.updated_at AS updatedAt,
  m.document_id AS documentId, m.tag_id AS tagId, m.highlight_id AS highlightId`;

export const EMPTY_DOC = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph' }] });

export function listMemos(db: Db): MemoSummary[] {
  return db.prepare(`SELECT ${summary} FROM memos m ORDER BY m.updated_at DESC, m.id DESC`).all() as MemoSummary[];
}

export function getMemo(db: Db, id: number): Memo | undefined {
  return db.prepare(`SELECT ${summary}, m.content FROM memos m WHERE m.id = ?`).get(id) as Memo | undefined;
}

export function insertMemo(db: Db, title: string, content: string = EMPTY_DOC, subject: MemoSubject = {}): number {
  return Number(
    db
      .prepare(
        'INSERT INTO memos (title, content, document_id, tag_id, highlight_id) VALUES (@title, @content, @d, @t, @h)',
      )
      .run({
        title,
        content,
        d: subject.documentId ?? null,
        t: subject.tagId ?? null,
        h: subject.highlightId ?? null,
      }).lastInsertRowid,
  );
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

/**
 * Every memo with its subject's names and its body, for the Memos overview. The passage's document and tags come
 * along so a memo about a passage is found under its document and its tags.
 */
export function memoIndexRows(db: Db): (MemoIndexRow & { content: string })[] {
  return db
    .prepare(
      `SELECT ${summary}, m.content,
         COALESCE(d.title, hd.title) AS documentTitle, COALESCE(m.document_id, h.document_id) AS subjectDocumentId,
         t.name AS tagName, h.exact AS passage,
         (SELECT json_group_array(ht.tag_id) FROM highlight_tags ht WHERE ht.highlight_id = m.highlight_id) AS passageTags
       FROM memos m
       LEFT JOIN documents d ON d.id = m.document_id
       LEFT JOIN tags t ON t.id = m.tag_id
       LEFT JOIN highlights h ON h.id = m.highlight_id
       LEFT JOIN documents hd ON hd.id = h.document_id
       ORDER BY m.updated_at DESC, m.id DESC`,
    )
    .all() as (MemoIndexRow & { content: string })[];
}

export function memoTitles(db: Db, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare(`SELECT id, title FROM memos WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as { id: number; title: string }[];
  return new Map(rows.map((r) => [r.id, r.title]));
}
