// The desktop side of team sync, in SQL: the link to the server, guids for synced rows, the outbox turned into
// operations, and remote operations applied field by field (a field takes a remote value only when the server
// ordered that write after the last one this copy has for the field).
import { createHash, randomUUID } from 'node:crypto';
import { SYNCED_TABLES, type ServerOp, type SyncedTable, type TeamMember, type TeamOp } from '../../shared/team.js';
import { searchTextFor } from '../search/searchText.js';
import { cachedStatement, type Db } from './connection.js';
import { currentAuthor } from './oplog.js';
import { SYNC_SPEC } from './teamSpec.js';

/** A row written whole (an insert) records one sequence number for all its fields under this name. */
const WHOLE_ROW = '+';
const writtenFields = (op: TeamOp) =>
  op.kind === 'delete'
    ? ['*']
    : SYNC_SPEC[op.tbl].columns.every((c) => c in op.fields)
      ? [WHOLE_ROW]
      : Object.keys(op.fields);

export interface TeamLink {
  url: string;
  token: string;
  clientId: string;
  member: TeamMember;
  members: TeamMember[];
  pulledSeq: number;
  lastError: string | null;
  lastSyncAt: string | null;
}

interface LinkRow {
  url: string;
  token: string;
  client_id: string;
  member: string;
  members: string;
  pulled_seq: number;
  last_error: string | null;
  last_sync_at: string | null;
}

export function getTeamLink(db: Db): TeamLink | undefined {
  const row = cachedStatement(db, 'SELECT * FROM team_link WHERE only = 1').get() as LinkRow | undefined;
  if (!row) return undefined;
  return {
    url: row.url,
    token: row.token,
    clientId: row.client_id,
    member: JSON.parse(row.member) as TeamMember,
    members: JSON.parse(row.members) as TeamMember[],
    pulledSeq: row.pulled_seq,
    lastError: row.last_error,
    lastSyncAt: row.last_sync_at,
  };
}

export function linkTeam(db: Db, url: string, token: string, member: TeamMember): void {
  cachedStatement(db, 'INSERT INTO team_link (only, url, token, client_id, member) VALUES (1, ?, ?, ?, ?)').run(
    url,
    token,
    randomUUID(),
    JSON.stringify(member),
  );
}

export function noteSyncResult(db: Db, error: string | null, members?: TeamMember[]): void {
  cachedStatement(
    db,
    `UPDATE team_link SET last_error = ?, members = COALESCE(?, members),
      last_sync_at = CASE WHEN ? IS NULL THEN strftime('%Y-%m-%dT%H:%M:%fZ','now') ELSE last_sync_at END`,
  ).run(error, members ? JSON.stringify(members) : null, error);
}

export function pendingCount(db: Db): number {
  return cachedStatement(db, 'SELECT COUNT(*) FROM team_outbox').pluck().get() as number;
}

/** Puts every synced row in the outbox, as if just inserted: what publishing sends. */
export function enqueueEverything(db: Db): void {
  db.transaction(() => {
    for (const table of SYNCED_TABLES) {
      const keys = SYNC_SPEC[table].key.join(', ');
      cachedStatement(
        db,
        `INSERT INTO team_outbox (tbl, local_key, kind, fields)
         SELECT '${table}', json_array(${keys}), 'insert', NULL FROM ${table} ORDER BY ${keys}`,
      ).run();
    }
  })();
}

// Guids ------------------------------------------------------------------------------------------------------------

function guidOf(db: Db, tbl: SyncedTable, localKey: string): string | undefined {
  return cachedStatement(db, 'SELECT guid FROM team_guids WHERE tbl = ? AND local_key = ?')
    .pluck()
    .get(tbl, localKey) as string | undefined;
}

function localKeyOf(db: Db, tbl: SyncedTable, guid: string): string | undefined {
  return cachedStatement(db, 'SELECT local_key FROM team_guids WHERE tbl = ? AND guid = ?').pluck().get(tbl, guid) as
    string | undefined;
}

function mapGuid(db: Db, tbl: SyncedTable, localKey: string, guid: string): void {
  cachedStatement(db, 'DELETE FROM team_guids WHERE tbl = ? AND guid = ?').run(tbl, guid);
  cachedStatement(db, 'INSERT OR REPLACE INTO team_guids (tbl, local_key, guid) VALUES (?, ?, ?)').run(
    tbl,
    localKey,
    guid,
  );
}

/** Rows that belong to one other row are named after it: a document's structure, its PDF, a passage's region. */
const NAMED_AFTER: Partial<Record<SyncedTable, [owner: SyncedTable, suffix: string]>> = {
  document_structure: ['documents', 'structure'],
  document_originals: ['documents', 'original'],
  highlight_regions: ['highlights', 'region'],
};

/**
 * A link row's guid is its two ends' guids, a file's is its hash, and a row belonging to another is named after it, so
 * both sides name them alike without telling each other.
 */
function ensureGuid(db: Db, tbl: SyncedTable, localKey: string, fresh = false): string {
  const known = fresh ? undefined : guidOf(db, tbl, localKey);
  if (known) return known;
  let guid: string = randomUUID();
  if (tbl === 'highlight_tags') {
    const [highlightId, tagId] = JSON.parse(localKey) as number[];
    guid = `${ensureGuid(db, 'highlights', JSON.stringify([highlightId]))}/${ensureGuid(db, 'tags', JSON.stringify([tagId]))}`;
  } else if (NAMED_AFTER[tbl]) {
    const [owner, suffix] = NAMED_AFTER[tbl];
    guid = `${ensureGuid(db, owner, localKey)}/${suffix}`;
  } else if (tbl === 'original_files') {
    guid = `sha256:${(JSON.parse(localKey) as string[])[0]}`;
  }
  mapGuid(db, tbl, localKey, guid);
  return guid;
}

// Outbox → operations -----------------------------------------------------------------------------------------------

interface OutboxRow {
  id: number;
  tbl: SyncedTable;
  local_key: string;
  kind: 'insert' | 'update' | 'delete';
  fields: string | null;
}

export interface OutgoingBatch {
  lastOutboxId: number;
  ops: TeamOp[];
}

const keyWhere = (tbl: SyncedTable) => SYNC_SPEC[tbl].key.map((k) => `${k} = ?`).join(' AND ');

function currentRow(db: Db, tbl: SyncedTable, localKey: string): Record<string, unknown> | undefined {
  return cachedStatement(db, `SELECT * FROM ${tbl} WHERE ${keyWhere(tbl)}`).get(
    ...(JSON.parse(localKey) as unknown[]),
  ) as Record<string, unknown> | undefined;
}

/**
 * The next outbox entries as operations (at most `limit`, and roughly `maxBytes` of values): changes to one row
 * since the last push become one upsert with the row's current values of the changed fields.
 */
export function outgoingBatch(db: Db, limit: number, maxBytes: number): OutgoingBatch {
  return db.transaction(() => {
    const rows = cachedStatement(db, 'SELECT * FROM team_outbox ORDER BY id LIMIT ?').all(limit) as OutboxRow[];
    const ops: TeamOp[] = [];
    const upserts = new Map<string, TeamOp>();
    const deleted = new Set<string>();
    const author = currentAuthor();
    let bytes = 0;
    let lastOutboxId = 0;
    for (const entry of rows) {
      if (bytes > maxBytes) break;
      lastOutboxId = entry.id;
      const rowId = `${entry.tbl}:${entry.local_key}`;
      if (entry.kind === 'delete') {
        upserts.delete(rowId);
        deleted.add(rowId);
        const guid = guidOf(db, entry.tbl, entry.local_key);
        if (guid) ops.push(makeOp(entry.tbl, guid, 'delete', {}, author));
        continue;
      }
      const row = currentRow(db, entry.tbl, entry.local_key);
      if (!row) continue; // deleted since; its delete entry follows
      const spec = SYNC_SPEC[entry.tbl];
      const names = entry.fields
        ? (JSON.parse(entry.fields) as (string | null)[]).filter((f): f is string => f !== null)
        : spec.columns;
      const fields = Object.fromEntries(names.map((c) => [c, outgoingValue(db, entry.tbl, c, row[c])]));
      for (const value of Object.values(fields)) bytes += typeof value === 'string' ? value.length : 8;
      const pending = upserts.get(rowId);
      if (pending) {
        Object.assign(pending.fields, fields);
        continue;
      }
      // A row inserted under the id of one deleted in this batch is a new row: it gets a guid of its own.
      const guid = ensureGuid(db, entry.tbl, entry.local_key, entry.kind === 'insert' && deleted.has(rowId));
      const op = makeOp(entry.tbl, guid, 'upsert', fields, author);
      upserts.set(rowId, op);
      ops.push(op);
    }
    return { lastOutboxId, ops };
  })();
}

function outgoingValue(db: Db, tbl: SyncedTable, column: string, value: unknown): TeamOp['fields'][string] {
  const ref = SYNC_SPEC[tbl].refs[column];
  if (ref && (typeof value === 'number' || typeof value === 'string')) {
    return ensureGuid(db, ref, JSON.stringify([value]));
  }
  if (SYNC_SPEC[tbl].binary?.includes(column) && value instanceof Uint8Array) {
    return Buffer.from(value).toString('base64');
  }
  const toGuid = (table: SyncedTable, id: unknown) =>
    typeof id === 'number' ? ensureGuid(db, table, JSON.stringify([id])) : id;
  if (SYNC_SPEC[tbl].citations?.includes(column) && typeof value === 'string') return mapCitations(value, toGuid);
  const jsonIds = SYNC_SPEC[tbl].jsonIds?.[column];
  if (jsonIds && typeof value === 'string') return mapJsonIds(value, jsonIds, toGuid);
  if (typeof value === 'bigint') return Number(value);
  if (value === undefined || value instanceof Uint8Array) return null;
  return value as string | number | null;
}

function makeOp(tbl: SyncedTable, guid: string, kind: TeamOp['kind'], fields: TeamOp['fields'], author: string) {
  return { uuid: randomUUID(), tbl, guid, kind, fields, author, at: new Date().toISOString() };
}

/** After the server took a batch: drop it from the outbox and remember the order of each field written. */
export function settlePushed(db: Db, batch: OutgoingBatch, seqs: { uuid: string; seq: number }[]): void {
  const seqOf = new Map(seqs.map((s) => [s.uuid, s.seq]));
  db.transaction(() => {
    cachedStatement(db, 'DELETE FROM team_outbox WHERE id <= ?').run(batch.lastOutboxId);
    for (const op of batch.ops) {
      const seq = seqOf.get(op.uuid);
      if (seq === undefined) continue;
      for (const field of writtenFields(op)) setFieldSeq(db, op.guid, field, seq);
    }
  })();
}

/** The server's order of the last write this copy has of each field of a row (WHOLE_ROW: its insert, '*': delete). */
function fieldSeqs(db: Db, guid: string): Map<string, number> {
  const rows = cachedStatement(db, 'SELECT field, seq FROM team_field_seq WHERE guid = ?').all(guid) as {
    field: string;
    seq: number;
  }[];
  return new Map(rows.map((r) => [r.field, r.seq]));
}

function setFieldSeq(db: Db, guid: string, field: string, seq: number): void {
  cachedStatement(db, 'INSERT OR REPLACE INTO team_field_seq (guid, field, seq) VALUES (?, ?, ?)').run(
    guid,
    field,
    seq,
  );
}

const lastWriteSeq = (seen: Map<string, number>, field: string) => seen.get(field) ?? seen.get(WHOLE_ROW) ?? 0;
/** An edit made here and not yet sent: it wins over what arrives until the server has ordered it. */
const heldHere = (pending: Set<string>, field: string) => pending.has('*') || pending.has(field);

// Remote operations → rows ------------------------------------------------------------------------------------------

/** Applies one page of the server's log in its order, skipping this copy's own operations, and moves the mark. */
export function applyRemote(db: Db, ops: ServerOp[], clientId: string): void {
  db.transaction(() => {
    cachedStatement(db, 'INSERT OR IGNORE INTO team_applying (only) VALUES (1)').run();
    try {
      for (const op of ops) {
        if (op.clientId === clientId) continue;
        const seen = fieldSeqs(db, op.guid);
        if ((seen.get('*') ?? 0) > op.seq) continue; // deleted later
        const written = op.kind === 'delete' ? applyDelete(db, op) : applyUpsert(db, op, seen);
        for (const field of written) setFieldSeq(db, op.guid, field, op.seq);
      }
      const last = ops.at(-1);
      if (last) cachedStatement(db, 'UPDATE team_link SET pulled_seq = MAX(pulled_seq, ?)').run(last.seq);
    } finally {
      cachedStatement(db, 'DELETE FROM team_applying').run();
    }
  })();
}

function applyDelete(db: Db, op: ServerOp): string[] {
  const localKey = localKeyOf(db, op.tbl, op.guid);
  if (localKey)
    cachedStatement(db, `DELETE FROM ${op.tbl} WHERE ${keyWhere(op.tbl)}`).run(...(JSON.parse(localKey) as unknown[]));
  return ['*'];
}

function applyUpsert(db: Db, op: ServerOp, seen: Map<string, number>): string[] {
  const spec = SYNC_SPEC[op.tbl];
  const localKey = localKeyOf(db, op.tbl, op.guid);
  const pending = localKey ? pendingFields(db, op.tbl, localKey) : new Set<string>();
  const values: Record<string, unknown> = {};
  const toLocal = (table: SyncedTable, guid: unknown) => (typeof guid === 'string' ? localIdOf(db, table, guid) : guid);
  for (const [field, value] of Object.entries(op.fields)) {
    if (!spec.columns.includes(field)) continue;
    if (lastWriteSeq(seen, field) > op.seq || heldHere(pending, field)) continue;
    const ref = spec.refs[field];
    values[field] = ref && typeof value === 'string' ? localIdOf(db, ref, value) : value;
    if (spec.citations?.includes(field) && typeof value === 'string') values[field] = mapCitations(value, toLocal);
    const jsonIds = spec.jsonIds?.[field];
    if (jsonIds && typeof value === 'string') values[field] = mapJsonIds(value, jsonIds, toLocal);
    if (spec.binary?.includes(field) && typeof value === 'string') values[field] = Buffer.from(value, 'base64');
  }
  if (spec.required.some((c) => c in values && values[c] === null)) return [];
  if (op.tbl === 'original_files' && !hashMatches(values)) return []; // bytes that are not the file they name
  const current = localKey ? currentRow(db, op.tbl, localKey) : undefined;
  if (localKey && !current) return []; // deleted here; a later write does not bring it back
  if (Object.keys(values).length === 0) return [];
  if (current) {
    updateRow(db, op.tbl, JSON.parse(localKey!) as unknown[], values);
    return Object.keys(values);
  }
  const same = sameLocalRow(db, op.tbl, values);
  if (same) return adoptRow(db, op, same, values);
  return insertRow(db, op, values) ? [WHOLE_ROW] : [];
}

/** The local row a new remote row is the same thing as (see SyncSpec.sameWhen), by its key. */
function sameLocalRow(db: Db, tbl: SyncedTable, values: Record<string, unknown>): unknown[] | undefined {
  const { sameWhen, key } = SYNC_SPEC[tbl];
  if (!sameWhen || sameWhen.some((c) => values[c] === undefined || values[c] === null)) return undefined;
  const row = cachedStatement(
    db,
    `SELECT ${key.join(', ')} FROM ${tbl} WHERE ${sameWhen.map((c) => `${c} = ?`).join(' AND ')}`,
  ).get(...sameWhen.map((c) => values[c])) as Record<string, unknown> | undefined;
  return row && key.map((k) => row[k]);
}

/**
 * A remote row that is the same thing as a local one (both sides defined "Region" before syncing) merges with it:
 * each field keeps the write the server ordered later (or an edit made here and not yet sent), and both copies end
 * up naming the row by the smaller of the two guids, so they agree without telling each other.
 */
function adoptRow(db: Db, op: ServerOp, key: unknown[], values: Record<string, unknown>): string[] {
  const localKey = JSON.stringify(key);
  const localGuid = guidOf(db, op.tbl, localKey);
  const seen = localGuid ? fieldSeqs(db, localGuid) : new Map<string, number>();
  const pending = pendingFields(db, op.tbl, localKey);
  const taken = Object.fromEntries(
    Object.entries(values).filter(([field]) => !heldHere(pending, field) && lastWriteSeq(seen, field) < op.seq),
  );
  if (Object.keys(taken).length) updateRow(db, op.tbl, key, taken);
  if (!localGuid || op.guid < localGuid) {
    mapGuid(db, op.tbl, localKey, op.guid);
    if (localGuid) {
      cachedStatement(
        db,
        'INSERT OR REPLACE INTO team_field_seq (guid, field, seq) SELECT ?, field, seq FROM team_field_seq WHERE guid = ?',
      ).run(op.guid, localGuid);
    }
    return Object.keys(taken);
  }
  for (const field of Object.keys(taken)) setFieldSeq(db, localGuid, field, op.seq);
  return [];
}

type MapId = (table: SyncedTable, value: unknown) => unknown;

/** JSON with the ids at each path mapped (see SyncSpec.jsonIds); not JSON: left as it is. */
function mapJsonIds(json: string, refs: { path: string[]; table: SyncedTable }[], map: MapId): string {
  const visit = (node: unknown, path: string[], table: SyncedTable): void => {
    if (!node || typeof node !== 'object') return;
    const [step, ...rest] = path;
    const record = node as Record<string, unknown>;
    const keys = step === '*' ? (Array.isArray(node) ? [...node.keys()] : []) : step! in record ? [step!] : [];
    for (const key of keys) {
      if (rest.length) visit(record[key], rest, table);
      else record[key] = map(table, record[key]) ?? null;
    }
  };
  return rewriteJson(json, (doc) => refs.forEach(({ path, table }) => visit(doc, path, table)));
}

/** `json` with `edit` applied to its parsed value in place; a text that is not JSON passes unchanged. */
function rewriteJson(json: string, edit: (doc: unknown) => void): string {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return json;
  }
  edit(doc);
  return JSON.stringify(doc);
}

type CitedTable = 'highlights' | 'documents';
const CITATION_REFS: [attr: string, table: CitedTable][] = [
  ['highlightId', 'highlights'],
  ['documentId', 'documents'],
];

/**
 * A memo's JSON with each citation's passage and document ids mapped (local ids to guids on the way out, back on
 * arrival; an id this copy cannot map becomes null, and the citation keeps its quote). Not JSON: left as it is.
 */
function mapCitations(json: string, map: MapId): string {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const { type, attrs, content } = node as { type?: unknown; attrs?: Record<string, unknown>; content?: unknown };
    if (type === 'citation' && attrs) {
      for (const [attr, table] of CITATION_REFS) if (attr in attrs) attrs[attr] = map(table, attrs[attr]) ?? null;
    }
    if (Array.isArray(content)) content.forEach(visit);
  };
  return rewriteJson(json, visit);
}

/** The local key of the row a guid names: an id, or a file's content hash. */
function localIdOf(db: Db, tbl: SyncedTable, guid: string): number | string | null {
  const key = localKeyOf(db, tbl, guid);
  return key ? (JSON.parse(key) as (number | string)[])[0]! : null;
}

function hashMatches(values: Record<string, unknown>): boolean {
  const { bytes, content_hash: hash } = values;
  return !(bytes instanceof Uint8Array) || createHash('sha256').update(bytes).digest('hex') === hash;
}

function pendingFields(db: Db, tbl: SyncedTable, localKey: string): Set<string> {
  const rows = cachedStatement(db, 'SELECT fields FROM team_outbox WHERE tbl = ? AND local_key = ?').all(
    tbl,
    localKey,
  ) as {
    fields: string | null;
  }[];
  const names = new Set<string>();
  for (const { fields } of rows) {
    if (fields === null) return new Set(['*']);
    for (const f of JSON.parse(fields) as (string | null)[]) if (f) names.add(f);
  }
  return names;
}

function withDerived(tbl: SyncedTable, values: Record<string, unknown>): Record<string, unknown> {
  if (tbl !== 'documents') return values;
  return {
    ...values,
    ...(typeof values.title === 'string' && { search_title: searchTextFor(values.title) }),
    ...(typeof values.text === 'string' && { search_text: searchTextFor(values.text) }),
  };
}

function updateRow(db: Db, tbl: SyncedTable, key: unknown[], values: Record<string, unknown>): void {
  const all = withDerived(tbl, values);
  const sets = Object.keys(all).map((c) => `${c} = @${c}`);
  const keyParams = Object.fromEntries(SYNC_SPEC[tbl].key.map((k, i) => [`key_${k}`, key[i]]));
  const where = SYNC_SPEC[tbl].key.map((k) => `${k} = @key_${k}`).join(' AND ');
  cachedStatement(db, `UPDATE ${tbl} SET ${sets.join(', ')} WHERE ${where}`).run({ ...all, ...keyParams });
}

/** A new row from another member. Tag names are unique here: a clash keeps both, the newcomer's name marked. */
function insertRow(db: Db, op: ServerOp, values: Record<string, unknown>): boolean {
  const spec = SYNC_SPEC[op.tbl];
  if (spec.columns.some((c) => !(c in values) && !spec.addedLater?.includes(c))) return false;
  const all = withDerived(op.tbl, values);
  if (op.tbl === 'tags' && typeof all.name === 'string' && nameTaken(db, all.name))
    all.name = `${all.name} (${op.author})`;
  const columns = Object.keys(all);
  let info;
  try {
    info = cachedStatement(
      db,
      `INSERT INTO ${op.tbl} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    ).run(all);
  } catch {
    return false; // a row this copy cannot hold (a broken reference): the server's log still has it
  }
  // A key the row was given (a content hash, a document's id) is in its values; an id it was not is its new rowid.
  const key = spec.key.every((k) => k in all) ? spec.key.map((k) => all[k]) : [Number(info.lastInsertRowid)];
  mapGuid(db, op.tbl, JSON.stringify(key), op.guid);
  return true;
}

function nameTaken(db: Db, name: string): boolean {
  return cachedStatement(db, 'SELECT 1 FROM tags WHERE name = ?').get(name) !== undefined;
}
