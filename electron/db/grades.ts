// Queries for source grades (document_grades: reliability A–F) and passage grades (highlight_grades: credibility 1–6).
import type { Credibility, Reliability } from '../../shared/types.js';
import type { Db } from './connection.js';

/** Sets a document's reliability, or clears it with null. */
export function setDocumentReliability(db: Db, documentId: number, reliability: Reliability | null): void {
  if (reliability === null) {
    db.prepare('DELETE FROM document_grades WHERE document_id = ?').run(documentId);
    return;
  }
  db.prepare(
    `INSERT INTO document_grades (document_id, reliability) VALUES (?, ?)
    ON CONFLICT (document_id) DO UPDATE SET reliability = excluded.reliability`,
  ).run(documentId, reliability);
}

/** Sets a passage's credibility, or clears it with null. */
export function setHighlightCredibility(db: Db, highlightId: number, credibility: Credibility | null): void {
  if (credibility === null) {
    db.prepare('DELETE FROM highlight_grades WHERE highlight_id = ?').run(highlightId);
    return;
  }
  db.prepare(
    `INSERT INTO highlight_grades (highlight_id, credibility) VALUES (?, ?)
    ON CONFLICT (highlight_id) DO UPDATE SET credibility = excluded.credibility`,
  ).run(highlightId, credibility);
}

/** Column expressions other queries select a grade with (d: documents, h: highlights). */
export const reliabilityColumn = reliabilityOf('d');

/** The reliability of the document row named `documents` in the query (an alias, or the table in RETURNING). */
export function reliabilityOf(documents: string): string {
  return `(SELECT g.reliability FROM document_grades g WHERE g.document_id = ${documents}.id)`;
}
export const credibilityColumn = '(SELECT g.credibility FROM highlight_grades g WHERE g.highlight_id = h.id)';

/** A WHERE condition keeping documents whose reliability is one of `grades` ('ungraded': none); binds @reliability. */
export function reliabilityFilter(grades: (Reliability | 'ungraded')[]): { where: string; param: string } {
  const graded = `EXISTS (SELECT 1 FROM document_grades g WHERE g.document_id = d.id
    AND g.reliability IN (SELECT value FROM json_each(@reliability)))`;
  const ungraded = 'NOT EXISTS (SELECT 1 FROM document_grades g WHERE g.document_id = d.id)';
  const where = grades.includes('ungraded') ? `(${graded} OR ${ungraded})` : graded;
  return { where, param: JSON.stringify(grades.filter((g) => g !== 'ungraded')) };
}
