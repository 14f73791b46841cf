// GUIDs for export. An imported entity keeps the GUID it came with (stored in exchange_guids). An entity made in
// Gloss gets a GUID derived from the project's own random namespace, the entity's kind, id and creation time: the
// same on every export without storing anything, and different for a new entity that reuses a deleted one's id.
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db/connection.js';
import { guidsOf, type GuidKind } from '../db/exchangeGuids.js';
import { getMeta, setMeta } from '../db/meta.js';

const NAMESPACE_KEY = 'exchange.namespace';

export class GuidBook {
  private readonly namespace: string;
  private readonly stored = new Map<GuidKind, Map<string, string>>();

  constructor(private readonly db: Db) {
    this.namespace = getMeta(db, NAMESPACE_KEY) ?? createNamespace(db);
  }

  of(kind: GuidKind, localKey: string | number, createdAt = ''): string {
    let map = this.stored.get(kind);
    if (!map) this.stored.set(kind, (map = guidsOf(this.db, kind)));
    return map.get(String(localKey)) ?? derivedGuid(`${this.namespace}|${kind}|${localKey}|${createdAt}`);
  }
}

function createNamespace(db: Db): string {
  const namespace = randomUUID();
  setMeta(db, NAMESPACE_KEY, namespace);
  return namespace;
}

/** A UUID (version 8: application-defined) from a SHA-256 of `seed`. */
export function derivedGuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A GUID as a file name: braces dropped. */
export function fileGuid(guid: string): string {
  return guid.replace(/[{}]/g, '');
}
