// Queries for the original files of documents (PDFs): bytes stored once per content hash, linked per document.
import { createHash } from 'node:crypto';
import type { Db } from './connection.js';
import { MAX_ORIGINAL_BYTES } from './migrations/006_pdf.js';

/** Keeps a document's original PDF; files over the limit are not kept (the text is imported all the same). */
export function keepOriginalPdf(db: Db, documentId: number, bytes: Buffer): boolean {
  if (bytes.length > MAX_ORIGINAL_BYTES) return false;
  const hash = createHash('sha256').update(bytes).digest('hex');
  db.prepare('INSERT OR IGNORE INTO original_files (content_hash, bytes) VALUES (?, ?)').run(hash, bytes);
  db.prepare(
    `INSERT INTO document_originals (document_id, content_hash, media_type) VALUES (?, ?, 'application/pdf')
    ON CONFLICT (document_id) DO UPDATE SET content_hash = excluded.content_hash`,
  ).run(documentId, hash);
  return true;
}

export function getOriginalPdf(db: Db, documentId: number): Buffer | null {
  const row = db
    .prepare(
      `SELECT f.bytes FROM document_originals o JOIN original_files f ON f.content_hash = o.content_hash
      WHERE o.document_id = ?`,
    )
    .get(documentId) as { bytes: Buffer } | undefined;
  return row?.bytes ?? null;
}

export function hasOriginalPdf(db: Db, documentId: number): boolean {
  return db.prepare('SELECT 1 FROM document_originals WHERE document_id = ?').get(documentId) !== undefined;
}
