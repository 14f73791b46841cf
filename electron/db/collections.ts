// Queries for collections (folders grouping documents).
import type { Collection } from '../../shared/types.js';
import type { Db } from './connection.js';

const columns = 'c.id, c.name, (SELECT COUNT(*) FROM documents d WHERE d.collection_id = c.id) AS documentCount';

export function listCollections(db: Db): Collection[] {
  return db.prepare(`SELECT ${columns} FROM collections c ORDER BY c.name COLLATE NOCASE`).all() as Collection[];
}

export function getCollection(db: Db, id: number): Collection | undefined {
  return db.prepare(`SELECT ${columns} FROM collections c WHERE c.id = ?`).get(id) as Collection | undefined;
}

export function insertCollection(db: Db, name: string): number {
  return Number(db.prepare('INSERT INTO collections (name) VALUES (?)').run(name).lastInsertRowid);
}

export function renameCollection(db: Db, id: number, name: string): boolean {
  return db.prepare('UPDATE collections SET name = ? WHERE id = ?').run(name, id).changes > 0;
}

export function deleteCollection(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM collections WHERE id = ?').run(id).changes > 0;
}
