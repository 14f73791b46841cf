// Queries for document attributes: REFI-QDA variables, a typed value per document (name, type, value as text).
// Their definitions (kind, choices) are in attributeDefinitions.ts; the value is stored under the definition's name.
import type { AttributeFilter, AttributeType, DocumentAttribute } from '../../shared/types.js';
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

/** Values of the given documents, by document. */
export function attributesOfDocuments(db: Db, documentIds: number[]): Map<number, Map<string, string>> {
  const byDocument = new Map<number, Map<string, string>>();
  if (documentIds.length === 0) return byDocument;
  const rows = db
    .prepare(
      `SELECT document_id AS documentId, name, value FROM document_attributes
      WHERE document_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(documentIds)) as { documentId: number; name: string; value: string }[];
  for (const row of rows) {
    let values = byDocument.get(row.documentId);
    if (!values) byDocument.set(row.documentId, (values = new Map()));
    values.set(row.name, row.value);
  }
  return byDocument;
}

/** Distinct values of one attribute, in order. */
export function attributeValues(db: Db, name: string): string[] {
  return db
    .prepare('SELECT DISTINCT value FROM document_attributes WHERE name = ? ORDER BY value')
    .pluck()
    .all(name) as string[];
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
    ON CONFLICT (document_id, name) DO UPDATE SET type = excluded.type, value = excluded.value
    WHERE type IS NOT excluded.type OR value IS NOT excluded.value`,
  ).run(a);
}

export function clearAttribute(db: Db, documentId: number, name: string): void {
  db.prepare('DELETE FROM document_attributes WHERE document_id = ? AND name = ?').run(documentId, name);
}

/** Document ids that exist, of those given. */
export function existingDocumentIds(db: Db, ids: number[]): Set<number> {
  return new Set(
    db
      .prepare('SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(ids)) as number[],
  );
}

/**
 * SQL matching documents (by `documentColumn`) that pass every filter, with named parameters prefixed so that it
 * can be embedded in any query. Empty `equals` means "has no value".
 */
export function attributeFilterSql(
  filters: AttributeFilter[] | undefined,
  documentColumn: string,
  prefix = 'attr',
): { sql: string[]; params: Record<string, string> } {
  const sql: string[] = [];
  const params: Record<string, string> = {};
  (filters ?? []).forEach((f, i) => {
    const name = `${prefix}${i}name`;
    params[name] = f.name;
    const base = `SELECT 1 FROM document_attributes fa WHERE fa.document_id = ${documentColumn} AND fa.name = @${name}`;
    if (f.equals === '') {
      sql.push(`NOT EXISTS (${base})`);
      return;
    }
    const conditions: string[] = [];
    if (f.equals !== undefined) {
      params[`${prefix}${i}eq`] = f.equals;
      conditions.push(`fa.value = @${prefix}${i}eq`);
    }
    for (const [bound, op] of [
      ['min', '>='],
      ['max', '<='],
    ] as const) {
      const value = f[bound];
      if (value === undefined) continue;
      params[`${prefix}${i}${bound}`] = value;
      // Numbers (by the value's or the attribute's type) compare as numbers; dates by their day, so that a
      // DateTime "2025-02-27T09:30:00Z" lies within a range ending on 2025-02-27; text as text.
      const p = `@${prefix}${i}${bound}`;
      conditions.push(
        `(CASE WHEN fa.type IN ('Integer', 'Float') OR EXISTS (SELECT 1 FROM attribute_definitions ad
            WHERE ad.name = fa.name AND ad.type IN ('Integer', 'Float')) THEN CAST(fa.value AS REAL) ${op} CAST(${p} AS REAL)
          WHEN fa.type IN ('Date', 'DateTime') THEN substr(fa.value, 1, 10) ${op} substr(${p}, 1, 10)
          ELSE fa.value ${op} ${p} END)`,
      );
    }
    sql.push(`EXISTS (${base}${conditions.map((c) => ` AND ${c}`).join('')})`);
  });
  return { sql, params };
}
