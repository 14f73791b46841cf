// Queries for the document_structure table: a document's blocks (headings, lists, tables…) as spans over its text.
import { blocksOnParagraphs } from '../../shared/structure.js';
import type { DocumentBlock } from '../../shared/types.js';
import type { Db } from './connection.js';

/** The blocks of a document, checked against its text (a span off the paragraphs is left out, never shown wrong). */
export function getDocumentBlocks(db: Db, documentId: number, text: string): DocumentBlock[] {
  const json = db.prepare('SELECT blocks FROM document_structure WHERE document_id = ?').pluck().get(documentId) as
    string | undefined;
  if (!json) return [];
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? blocksOnParagraphs(text, parsed as DocumentBlock[]) : [];
}

/** Statements prepared once for writing the structure of many documents (a batch import). */
export function structureWriter(db: Db) {
  const upsert = db.prepare(`INSERT INTO document_structure (document_id, blocks) VALUES (?, ?)
    ON CONFLICT (document_id) DO UPDATE SET blocks = excluded.blocks`);
  const remove = db.prepare('DELETE FROM document_structure WHERE document_id = ?');
  return {
    /** Stores a document's blocks; a document without any has no row. */
    write(documentId: number, blocks: readonly DocumentBlock[] | null | undefined): void {
      if (blocks?.length) upsert.run(documentId, JSON.stringify(blocks));
      else remove.run(documentId);
    },
  };
}

export function setDocumentBlocks(db: Db, documentId: number, blocks: readonly DocumentBlock[] | null): void {
  structureWriter(db).write(documentId, blocks);
}
