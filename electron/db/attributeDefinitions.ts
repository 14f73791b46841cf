// Queries for attribute definitions: the project's typed variables (values per document live in document_attributes).
import type { AttributeDefinition, AttributeKind, AttributeType } from '../../shared/types.js';
import type { Db } from './connection.js';

const columns = `a.id, a.name, a.type, a.choices, a.position,
  (SELECT COUNT(*) FROM document_attributes v WHERE v.name = a.name) AS documentCount`;

interface DefinitionRow {
  id: number;
  name: string;
  type: AttributeType;
  choices: string | null;
  position: number;
  documentCount: number;
}

export function kindOf(type: AttributeType, choices: string[] | null): AttributeKind {
  if (choices) return 'choice';
  if (type === 'Integer' || type === 'Float') return 'number';
  if (type === 'Date' || type === 'DateTime') return 'date';
  if (type === 'Boolean') return 'boolean';
  return 'text';
}

/** The REFI-QDA type a new attribute of each kind is written as. */
export const TYPE_OF_KIND: Record<AttributeKind, AttributeType> = {
  text: 'Text',
  choice: 'Text',
  number: 'Float',
  date: 'Date',
  boolean: 'Boolean',
};

function toDefinition(row: DefinitionRow): AttributeDefinition {
  const choices = row.choices === null ? null : (JSON.parse(row.choices) as string[]);
  return { ...row, kind: kindOf(row.type, choices), choices: choices ?? [] };
}

export function listDefinitions(db: Db): AttributeDefinition[] {
  return (
    db.prepare(`SELECT ${columns} FROM attribute_definitions a ORDER BY a.position, a.id`).all() as DefinitionRow[]
  ).map(toDefinition);
}

export function getDefinition(db: Db, id: number): AttributeDefinition | undefined {
  const row = db.prepare(`SELECT ${columns} FROM attribute_definitions a WHERE a.id = ?`).get(id) as
    DefinitionRow | undefined;
  return row && toDefinition(row);
}

export function findDefinitionByName(db: Db, name: string): AttributeDefinition | undefined {
  const row = db.prepare(`SELECT ${columns} FROM attribute_definitions a WHERE a.name = ? COLLATE NOCASE`).get(name) as
    DefinitionRow | undefined;
  return row && toDefinition(row);
}

export function insertDefinition(db: Db, d: { name: string; type: AttributeType; choices: string[] | null }): number {
  const position = db.prepare('SELECT COALESCE(MAX(position), 0) + 1 FROM attribute_definitions').pluck().get();
  return Number(
    db
      .prepare('INSERT INTO attribute_definitions (name, type, choices, position) VALUES (?, ?, ?, ?)')
      .run(d.name, d.type, d.choices ? JSON.stringify(d.choices) : null, position).lastInsertRowid,
  );
}

/**
 * Renames the definition and the values stored under its old name; with new choices, `renamed` (old choice → new
 * choice) rewrites the documents' values in one statement, so swapping two choices' names cannot merge them.
 */
export function updateDefinition(
  db: Db,
  id: number,
  patch: { name?: string; choices?: string[] | null; renamed?: [string, string][] },
): void {
  const old = getDefinition(db, id);
  if (!old) return;
  if (patch.name !== undefined && patch.name !== old.name) {
    db.prepare('UPDATE attribute_definitions SET name = ? WHERE id = ?').run(patch.name, id);
    db.prepare('UPDATE document_attributes SET name = ? WHERE name = ?').run(patch.name, old.name);
  }
  if (patch.choices !== undefined)
    db.prepare('UPDATE attribute_definitions SET choices = ? WHERE id = ?').run(
      patch.choices ? JSON.stringify(patch.choices) : null,
      id,
    );
  const renamed = (patch.renamed ?? []).filter(([from, to]) => from !== to);
  if (renamed.length > 0)
    db.prepare(
      `UPDATE document_attributes SET value = (
        SELECT json_extract(r.value, '$[1]') FROM json_each(@renamed) r WHERE json_extract(r.value, '$[0]') = document_attributes.value)
      WHERE name = @name AND value IN (SELECT json_extract(r.value, '$[0]') FROM json_each(@renamed) r)`,
    ).run({ name: patch.name ?? old.name, renamed: JSON.stringify(renamed) });
}

/** Documents whose value of the attribute is not one of `allowed` (a one-of-a-list attribute losing choices). */
export function documentsWithValueOutside(
  db: Db,
  name: string,
  allowed: string[],
): { documentId: number; title: string; value: string }[] {
  return db
    .prepare(
      `SELECT d.id AS documentId, d.title, a.value FROM document_attributes a JOIN documents d ON d.id = a.document_id
      WHERE a.name = ? AND a.value NOT IN (SELECT value FROM json_each(?)) ORDER BY d.title COLLATE NOCASE, d.id`,
    )
    .all(name, JSON.stringify(allowed)) as { documentId: number; title: string; value: string }[];
}

/** Removes the definition and every document's value of it. */
export function deleteDefinition(db: Db, id: number): number[] {
  const old = getDefinition(db, id);
  if (!old) return [];
  const documentIds = db
    .prepare('SELECT document_id FROM document_attributes WHERE name = ?')
    .pluck()
    .all(old.name) as number[];
  db.prepare('DELETE FROM document_attributes WHERE name = ?').run(old.name);
  db.prepare('DELETE FROM attribute_definitions WHERE id = ?').run(id);
  return documentIds;
}
