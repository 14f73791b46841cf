// Queries for entities, the keys that name them, their mentions, the dated events (timeline_events) and which
// documents have been read for them (entity_documents).
import type { DatePrecision, EntityKind, EntitySummary } from '../../shared/types.js';
import type { Db } from './connection.js';

export interface DocumentToRead {
  id: number;
  text: string;
  contentHash: string;
  publishedAt: string | null;
}

const STALE = `FROM documents d LEFT JOIN entity_documents e ON e.document_id = d.id
  WHERE e.document_id IS NULL OR e.content_hash <> d.content_hash OR e.published_at IS NOT d.published_at`;

/** Documents not read yet, or read at another text or publication date. */
export function documentsToRead(db: Db, limit: number, afterId = 0): DocumentToRead[] {
  return db
    .prepare(
      `SELECT d.id, d.text, d.content_hash AS contentHash, d.published_at AS publishedAt ${STALE} AND d.id > ?
      ORDER BY d.id LIMIT ?`,
    )
    .all(afterId, limit) as DocumentToRead[];
}

export function extractionCounts(db: Db): { done: number; total: number } {
  const total = db.prepare('SELECT COUNT(*) FROM documents').pluck().get() as number;
  const stale = db.prepare(`SELECT COUNT(*) ${STALE}`).pluck().get() as number;
  return { done: total - stale, total };
}

/** The document as it is now, when it still has the text and date it was read at. */
export function isCurrent(db: Db, doc: Omit<DocumentToRead, 'text'>): boolean {
  const row = db.prepare('SELECT content_hash AS h, published_at AS p FROM documents WHERE id = ?').get(doc.id) as
    { h: string; p: string | null } | undefined;
  return row !== undefined && row.h === doc.contentHash && row.p === doc.publishedAt;
}

export function markRead(db: Db, doc: Omit<DocumentToRead, 'text'>): void {
  db.prepare(
    `INSERT INTO entity_documents (document_id, content_hash, published_at) VALUES (?, ?, ?)
    ON CONFLICT (document_id) DO UPDATE SET content_hash = excluded.content_hash, published_at = excluded.published_at`,
  ).run(doc.id, doc.contentHash, doc.publishedAt);
}

export function clearDocumentReading(db: Db, documentId: number): void {
  db.prepare('DELETE FROM entity_mentions WHERE document_id = ?').run(documentId);
  db.prepare('DELETE FROM timeline_events WHERE document_id = ?').run(documentId);
}

/** undefined: the key is unknown; null: it named an entity the analyst deleted. */
export function entityOfKey(db: Db, key: string): number | null | undefined {
  const row = db.prepare('SELECT entity_id AS id FROM entity_keys WHERE key = ?').get(key) as
    { id: number | null } | undefined;
  return row?.id;
}

export function setKey(db: Db, key: string, entityId: number | null): void {
  db.prepare(
    `INSERT INTO entity_keys (key, entity_id) VALUES (?, ?)
    ON CONFLICT (key) DO UPDATE SET entity_id = excluded.entity_id WHERE entity_id IS NOT excluded.entity_id`,
  ).run(key, entityId);
}

/** Sets a key that names nothing yet; one naming another entity stays with it. */
export function claimKey(db: Db, key: string, entityId: number): void {
  db.prepare('INSERT INTO entity_keys (key, entity_id) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(key, entityId);
}

export function moveKeys(db: Db, fromId: number, toId: number): void {
  db.prepare('UPDATE entity_keys SET entity_id = ? WHERE entity_id = ?').run(toId, fromId);
}

export function insertEntity(db: Db, kind: EntityKind, name: string): number {
  return Number(db.prepare('INSERT INTO entities (kind, name) VALUES (?, ?)').run(kind, name).lastInsertRowid);
}

export interface EntityRow {
  id: number;
  kind: EntityKind;
  name: string;
}

export function getEntity(db: Db, id: number): EntityRow | undefined {
  return db.prepare('SELECT id, kind, name FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
}

export function renameEntity(db: Db, id: number, name: string): void {
  db.prepare('UPDATE entities SET name = ? WHERE id = ? AND name IS NOT ?').run(name, id, name);
}

/** Deletes the entity and its mentions; its keys stay, naming nothing, so it is not found again. */
export function deleteEntity(db: Db, id: number): void {
  db.prepare('DELETE FROM entity_mentions WHERE entity_id = ?').run(id);
  db.prepare('UPDATE entity_keys SET entity_id = NULL WHERE entity_id = ?').run(id);
  db.prepare('DELETE FROM entities WHERE id = ?').run(id);
}

export function moveMentions(db: Db, fromId: number, toId: number, mentionIds?: number[]): void {
  if (mentionIds)
    db.prepare(
      'UPDATE entity_mentions SET entity_id = ? WHERE entity_id = ? AND id IN (SELECT value FROM json_each(?))',
    ).run(toId, fromId, JSON.stringify(mentionIds));
  else db.prepare('UPDATE entity_mentions SET entity_id = ? WHERE entity_id = ?').run(toId, fromId);
}

export interface MentionToWrite {
  entityId: number;
  documentId: number;
  start: number;
  end: number;
}

/** Writes mentions with ids from the mention sequence, so no id is given out twice (undo may put a row back). */
export function mentionWriter(db: Db): (m: MentionToWrite) => void {
  const nextId = db.prepare('UPDATE entity_mention_sequence SET last_id = last_id + 1 RETURNING last_id').pluck();
  const insert = db.prepare(
    'INSERT INTO entity_mentions (document_id, id, entity_id, start_offset, length) VALUES (?, ?, ?, ?, ?)',
  );
  return (m) => insert.run(m.documentId, nextId.get(), m.entityId, m.start, m.end - m.start);
}

export interface EventToWrite {
  documentId: number;
  sentenceStart: number;
  sentenceEnd: number;
  start: number;
  end: number;
  day: string | null;
  precision: DatePrecision;
  relative: boolean;
}

export function eventWriter(db: Db): (e: EventToWrite) => void {
  const insert = db.prepare(
    `INSERT INTO timeline_events (document_id, sentence_start, sentence_end, date_start, date_end, day, precision,
      relative) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (e) =>
    insert.run(e.documentId, e.sentenceStart, e.sentenceEnd, e.start, e.end, e.day, e.precision, e.relative ? 1 : 0);
}

/** Entities with at least one mention, most mentioned first. */
export function listEntities(db: Db): EntitySummary[] {
  return db
    .prepare(
      `SELECT e.id, e.kind, e.name, COUNT(*) AS mentions, COUNT(DISTINCT m.document_id) AS documents
      FROM entities e JOIN entity_mentions m ON m.entity_id = e.id
      GROUP BY e.id ORDER BY mentions DESC, e.name`,
    )
    .all() as EntitySummary[];
}

export function entitySummary(db: Db, id: number): EntitySummary | undefined {
  return db
    .prepare(
      `SELECT e.id, e.kind, e.name, COUNT(m.id) AS mentions, COUNT(DISTINCT m.document_id) AS documents
      FROM entities e LEFT JOIN entity_mentions m ON m.entity_id = e.id WHERE e.id = ? GROUP BY e.id`,
    )
    .get(id) as EntitySummary | undefined;
}

export interface MentionRow {
  id: number;
  documentId: number;
  start: number;
  end: number;
  title: string;
  outlet: string | null;
}

/** An entity's mentions in reading order, document by document. */
export function mentionsOf(db: Db, entityId: number, limit: number): MentionRow[] {
  return db
    .prepare(
      `SELECT m.id, m.document_id AS documentId, m.start_offset AS start, m.start_offset + m.length AS "end",
        d.title, d.outlet
      FROM entity_mentions m JOIN documents d ON d.id = m.document_id
      WHERE m.entity_id = ? ORDER BY d.title, m.document_id, m.start_offset LIMIT ?`,
    )
    .all(entityId, limit) as MentionRow[];
}

export function documentText(db: Db): (documentId: number) => string {
  const select = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  const cache = new Map<number, string>();
  return (id) => {
    if (!cache.has(id)) cache.set(id, (select.get(id) as string | undefined) ?? '');
    return cache.get(id)!;
  };
}

export interface EventRow {
  id: number;
  documentId: number;
  sentenceStart: number;
  sentenceEnd: number;
  dateStart: number;
  dateEnd: number;
  day: string | null;
  precision: DatePrecision;
  relative: number;
  corrected: number;
  title: string;
  outlet: string | null;
}

export function listEvents(db: Db, limit: number): EventRow[] {
  return db
    .prepare(
      `SELECT t.id, t.document_id AS documentId, t.sentence_start AS sentenceStart, t.sentence_end AS sentenceEnd,
        t.date_start AS dateStart, t.date_end AS dateEnd, t.day, t.precision, t.relative, t.corrected, d.title,
        d.outlet
      FROM timeline_events t JOIN documents d ON d.id = t.document_id
      ORDER BY t.day IS NULL, t.day, t.document_id, t.sentence_start LIMIT ?`,
    )
    .all(limit) as EventRow[];
}

export function getEvent(db: Db, id: number): EventRow | undefined {
  return db
    .prepare(
      `SELECT t.id, t.document_id AS documentId, t.sentence_start AS sentenceStart, t.sentence_end AS sentenceEnd,
        t.date_start AS dateStart, t.date_end AS dateEnd, t.day, t.precision, t.relative, t.corrected, d.title,
        d.outlet
      FROM timeline_events t JOIN documents d ON d.id = t.document_id WHERE t.id = ?`,
    )
    .get(id) as EventRow | undefined;
}

export function setEventDay(db: Db, id: number, day: string | null, precision: DatePrecision): void {
  db.prepare('UPDATE timeline_events SET day = ?, precision = ?, corrected = 1 WHERE id = ?').run(day, precision, id);
}
