// Queries for notes: rich-text JSON plus its plain text (indexed by notes_fts through triggers).
import type { Note } from '../../shared/types.js';
import { searchTextFor } from '../search/searchText.js';
import type { Db } from './connection.js';

const columns = `n.id, n.highlight_id AS highlightId, n.document_id AS documentId, n.content, n.text,
  n.created_at AS createdAt, n.updated_at AS updatedAt`;

export function listNotes(db: Db, documentId?: number): Note[] {
  return (
    documentId === undefined
      ? db.prepare(`SELECT ${columns} FROM notes n ORDER BY n.id`).all()
      : db.prepare(`SELECT ${columns} FROM notes n WHERE n.document_id = ? ORDER BY n.id`).all(documentId)
  ) as Note[];
}

export function noteForHighlight(db: Db, highlightId: number): Note | undefined {
  return db.prepare(`SELECT ${columns} FROM notes n WHERE n.highlight_id = ?`).get(highlightId) as Note | undefined;
}

export function noteForDocument(db: Db, documentId: number): Note | undefined {
  return db
    .prepare(`SELECT ${columns} FROM notes n WHERE n.document_id = ? AND n.highlight_id IS NULL`)
    .get(documentId) as Note | undefined;
}

export function getNote(db: Db, id: number): Note | undefined {
  return db.prepare(`SELECT ${columns} FROM notes n WHERE n.id = ?`).get(id) as Note | undefined;
}

/** Creates or replaces the one note of a passage or of a document; returns its id. */
export function saveNote(
  db: Db,
  note: { highlightId: number | null; documentId: number; content: string; text: string },
): number {
  const existing =
    note.highlightId !== null ? noteForHighlight(db, note.highlightId) : noteForDocument(db, note.documentId);
  if (existing) {
    db.prepare(
      `UPDATE notes SET content = ?, text = ?, search_text = ?,
      updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
    ).run(note.content, note.text, searchTextFor(note.text), existing.id);
    return existing.id;
  }
  return Number(
    db
      .prepare(
        `INSERT INTO notes (highlight_id, document_id, content, text, search_text)
    VALUES (?, ?, ?, ?, ?)`,
      )
      .run(note.highlightId, note.documentId, note.content, note.text, searchTextFor(note.text)).lastInsertRowid,
  );
}

/** Puts a note back exactly as it was (undo of a highlight deletion). */
export function restoreNote(db: Db, note: Note): void {
  db.prepare(
    `INSERT INTO notes (id, highlight_id, document_id, content, text, search_text, created_at, updated_at)
    VALUES (@id, @highlightId, @documentId, @content, @text, @searchText, @createdAt, @updatedAt)`,
  ).run({ ...note, searchText: searchTextFor(note.text) });
}

export function deleteNote(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM notes WHERE id = ?').run(id).changes > 0;
}
