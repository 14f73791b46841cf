// Queries for region highlights: a rectangle on a PDF page (REFI-QDA PDFSelection) linked to a highlight, with
// the image cropped from the page (stored once by content hash in original_files, like the PDFs themselves).
import { createHash } from 'node:crypto';
import type { PdfRegion } from '../../shared/types.js';
import type { Db } from './connection.js';

export interface NewRegion {
  highlightId: number;
  page: number;
  firstX: number;
  firstY: number;
  secondX: number;
  secondY: number;
  image: Buffer | null;
}

export function insertRegion(db: Db, r: NewRegion): void {
  let imageHash: string | null = null;
  if (r.image) {
    imageHash = createHash('sha256').update(r.image).digest('hex');
    db.prepare('INSERT OR IGNORE INTO original_files (content_hash, bytes) VALUES (?, ?)').run(imageHash, r.image);
  }
  db.prepare(
    `INSERT INTO highlight_regions (highlight_id, page, first_x, first_y, second_x, second_y, image_hash)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.highlightId, r.page, r.firstX, r.firstY, r.secondX, r.secondY, imageHash);
}

const columns = `r.highlight_id AS highlightId, r.page, r.first_x AS firstX, r.first_y AS firstY,
  r.second_x AS secondX, r.second_y AS secondY, f.bytes AS image`;

type Row = Omit<PdfRegion, 'imageBase64'> & { image: Buffer | null };
const toRegion = ({ image, ...r }: Row): PdfRegion => ({ ...r, imageBase64: image ? image.toString('base64') : null });

export function listRegions(db: Db, documentId: number): PdfRegion[] {
  const rows = db
    .prepare(
      `SELECT ${columns} FROM highlight_regions r JOIN highlights h ON h.id = r.highlight_id
      LEFT JOIN original_files f ON f.content_hash = r.image_hash WHERE h.document_id = ? ORDER BY r.page, h.start_offset`,
    )
    .all(documentId) as Row[];
  return rows.map(toRegion);
}

export function regionsOf(db: Db, highlightIds: number[]): Map<number, PdfRegion> {
  const found = new Map<number, PdfRegion>();
  if (highlightIds.length === 0) return found;
  const query = db.prepare(
    `SELECT ${columns} FROM highlight_regions r LEFT JOIN original_files f ON f.content_hash = r.image_hash
    WHERE r.highlight_id = ?`,
  );
  for (const id of new Set(highlightIds)) {
    const row = query.get(id) as Row | undefined;
    if (row) found.set(id, toRegion(row));
  }
  return found;
}
