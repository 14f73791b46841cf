// Schema 6: the original bytes of imported PDFs, so a PDF opens on its own pages, and region highlights (a
// rectangle on a page: a figure, a table) with the image cropped from the page when it was drawn. Files are
// stored once by content hash and never change, so the operation log records only the small rows that link a
// document or a region to them (undoing an import removes the link; redoing restores it, the bytes still there).
import { oplogTriggers } from './oplogTriggers.js';

/** Twice the import limit would be a file no import wrote: the table refuses it. */
export const MAX_ORIGINAL_BYTES = 40 * 1024 * 1024;

/** A region's cropped image: a screen-sized PNG, not a print-resolution scan. */
export const MAX_REGION_IMAGE_BYTES = 4 * 1024 * 1024;

export const LOGGED_TABLES_V6: Record<string, string[]> = {
  document_originals: ['document_id', 'content_hash', 'media_type'],
  highlight_regions: ['highlight_id', 'page', 'first_x', 'first_y', 'second_x', 'second_y', 'image_hash'],
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
-- REFI-QDA PDFSelection: page and two corners in PDF points (user space, origin at the page's bottom left);
-- first is the top-left corner, second the bottom-right. The highlight holds the text under (or nearest) it.
CREATE TABLE highlight_regions (
  highlight_id INTEGER PRIMARY KEY REFERENCES highlights(id) ON DELETE CASCADE,
  page INTEGER NOT NULL CHECK (page >= 1),
  first_x REAL NOT NULL,
  first_y REAL NOT NULL,
  second_x REAL NOT NULL CHECK (second_x > first_x),
  second_y REAL NOT NULL CHECK (second_y < first_y),
  image_hash TEXT REFERENCES original_files(content_hash)
);
${oplogTriggers('document_originals', LOGGED_TABLES_V6.document_originals)}
${oplogTriggers('highlight_regions', LOGGED_TABLES_V6.highlight_regions)}
`;
