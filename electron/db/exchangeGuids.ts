// Queries for exchange_guids: the REFI-QDA GUID of each imported entity (kind + local key), kept so that export
// writes the same GUID again. Entities made in Gloss get a GUID derived from their identity instead (see
// electron/exchange/guids.ts), so only imported ones are stored. A row goes when its entity is deleted (triggers).
import type { Db } from './connection.js';

export type GuidKind =
  'user' | 'code' | 'source' | 'selection' | 'coding' | 'note' | 'memo' | 'set' | 'variable' | 'project';

export function storeGuid(db: Db, kind: GuidKind, localKey: string | number, guid: string): void {
  db.prepare(
    `INSERT INTO exchange_guids (kind, local_key, guid) VALUES (?, ?, ?)
    ON CONFLICT (kind, local_key) DO UPDATE SET guid = excluded.guid`,
  ).run(kind, String(localKey), guid);
}

/** Every stored GUID of one kind, by local key. */
export function guidsOf(db: Db, kind: GuidKind): Map<string, string> {
  const rows = db.prepare('SELECT local_key AS key, guid FROM exchange_guids WHERE kind = ?').all(kind) as {
    key: string;
    guid: string;
  }[];
  return new Map(rows.map((r) => [r.key, r.guid]));
}

/** Every GUID stored in the project, lower-cased, to tell which imported GUIDs are already here. */
export function allGuids(db: Db): Set<string> {
  return new Set((db.prepare('SELECT guid FROM exchange_guids').pluck().all() as string[]).map((g) => g.toLowerCase()));
}
