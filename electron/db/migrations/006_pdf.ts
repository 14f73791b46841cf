// Schema 6: the original bytes of imported PDFs, so a PDF opens on its own pages. A file's bytes are stored once
// by content hash and never change, so the operation log records only the small link from a document to them
// (undoing an import removes the link; redoing restores it, and the bytes are still there to point to).
import { oplogTriggers } from './oplogTriggers.js';

/** Twice the import limit would be a file no import wrote: the table refuses it. */
export const MAX_ORIGINAL_BYTES = 40 * 1024 * 1024;

export const LOGGED_TABLES_V6: Record<string, string[]> = {
  document_originals: ['document_id', 'content_hash', 'media_type'],
};

export const migration006 = `
CREATE TABLE original_files (
  content_hash TEXT PRIMARY KEY CHECK (length(content_hash) = 64),
  bytes BLOB NOT NULL CHECK (length(bytes) <= ${MAX_ORIGINAL_BYTES})
);
CREATE TABLE document_originals (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL REFERENCES original_files(content_hash),
  media_type TEXT NOT NULL CHECK (media_type = 'application/pdf')
);
CREATE INDEX document_originals_hash ON document_originals(content_hash);
${oplogTriggers('document_originals', LOGGED_TABLES_V6.document_originals)}
`;
