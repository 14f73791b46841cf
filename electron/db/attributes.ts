// Queries for document attributes: REFI-QDA variables, a typed value per document (name, type, value as text).
import type { AttributeType, DocumentAttribute } from '../../shared/types.js';
import type { Db } from './connection.js';

const columns = 'a.id, a.document_id AS documentId, a.name, a.type, a.value';

export function listAttributes(db: Db, documentId?: number): DocumentAttribute[] {
  return (
    documentId === undefined
      ? db.prepare(`SELECT ${columns} FROM document_attributes a ORDER BY a.document_id, a.name`).all()
      : db
          .prepare(`SELECT ${columns} FROM document_attributes a WHERE a.document_id = ? ORDER BY a.name`)
          .all(documentId)
  ) as DocumentAttribute[];
}

/** Sets (or replaces) one attribute of a document. */
export interface NewAttribute {
  documentId: number;
  name: string;
  type: AttributeType;
  value: string;
}

export function setAttribute(db: Db, a: NewAttribute): void {
  db.prepare(
    `INSERT INTO document_attributes (document_id, name, type, value) VALUES (@documentId, @name, @type, @value)
    ON CONFLICT (document_id, name) DO UPDATE SET type = excluded.type, value = excluded.value`,
  ).run(a);
}
