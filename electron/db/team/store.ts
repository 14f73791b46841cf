// The team server's storage in PostgreSQL (a real server by URL, or PGlite embedded for one machine): members with
// hashed tokens, and the operation log in the server's order. The log is append-only: a value that lost to a later
// write stays in it.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { ServerOp, TeamMember, TeamOp, TeamRole } from '../../../shared/team.js';

export interface Sql {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface TeamStore {
  memberByToken(token: string): Promise<TeamMember | undefined>;
  members(): Promise<TeamMember[]>;
  addMember(name: string, role: TeamRole): Promise<{ member: TeamMember; token: string }>;
  /** Withdraws a member: their token is refused from now on; false when no such member is active. */
  withdrawMember(id: number): Promise<boolean>;
  /** Appends the operations a push did not already bring; `head` is the log's last sequence number after it. */
  push(
    memberId: number,
    clientId: string,
    ops: TeamOp[],
  ): Promise<{ seqs: { uuid: string; seq: number }[]; head: number }>;
  pull(since: number, limit: number): Promise<ServerOp[]>;
  head(): Promise<number>;
  close(): Promise<void>;
}

const schema = [
  `CREATE TABLE IF NOT EXISTS team_members (
    id SERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('owner', 'coder', 'reader')),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE IF NOT EXISTS team_ops (
    seq BIGSERIAL PRIMARY KEY,
    uuid UUID NOT NULL UNIQUE,
    client_id UUID NOT NULL,
    member_id INTEGER NOT NULL REFERENCES team_members(id),
    tbl TEXT NOT NULL,
    guid TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('upsert', 'delete')),
    -- json, not jsonb: the server stores and returns fields as sent, and never looks inside them.
    fields JSON NOT NULL,
    author TEXT NOT NULL,
    at TEXT NOT NULL
  )`,
  // Added after the first servers were set up: a withdrawn member keeps their row (their edits name them).
  'ALTER TABLE team_members ADD COLUMN IF NOT EXISTS withdrawn_at TIMESTAMPTZ',
  // A push is this one statement: the lock, then the insert in the order sent, so sequence numbers commit in order
  // and a reader that has seen seq n has seen everything before it. The statement's own commit releases the lock,
  // with no round trip to the team server while it is held. Columns come as JSON arrays: one native stringify each,
  // and any text is safe in them.
  `CREATE OR REPLACE FUNCTION team_push(
    op_uuids json, op_tbls json, op_guids json, op_kinds json, op_fields json, op_authors json, op_ats json,
    op_client uuid, op_member integer
  ) RETURNS TABLE (uuid uuid, seq bigint) LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(15015);
    INSERT INTO team_ops AS o (uuid, client_id, member_id, tbl, guid, kind, fields, author, at)
    SELECT x.uuid::uuid, op_client, op_member, x.tbl, x.guid, x.kind, x.fields, x.author, x.at
    FROM ROWS FROM (
      json_array_elements_text(op_uuids), json_array_elements_text(op_tbls), json_array_elements_text(op_guids),
      json_array_elements_text(op_kinds), json_array_elements(op_fields), json_array_elements_text(op_authors),
      json_array_elements_text(op_ats)
    ) WITH ORDINALITY AS x(uuid, tbl, guid, kind, fields, author, at, n)
    ORDER BY x.n
    ON CONFLICT (uuid) DO NOTHING
    RETURNING o.uuid, o.seq
  $$`,
];

/** About how much of the log one pull page carries, in stored bytes of fields. */
export const PULL_PAGE_BYTES = 32 * 1024 * 1024;

/** Tokens are stored as SHA-256 digests: they are long random strings, so a slow hash adds nothing. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

interface Connection {
  sql: Sql;
  /** Pushes have connections of their own: they queue on the log's lock, and must not hold up sign-ins and pulls. */
  pushSql: Sql;
  close(): Promise<void>;
}

function pgConnection(url: string): Connection {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // One push inserting and the next waiting on the lock inside PostgreSQL, ready to go the moment it is released.
  const pushPool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    sql: pool as unknown as Sql,
    pushSql: pushPool as unknown as Sql,
    close: async () => {
      await Promise.all([pool.end(), pushPool.end()]);
    },
  };
}

function pgliteConnection(db: PGlite): Connection {
  return { sql: db as unknown as Sql, pushSql: db as unknown as Sql, close: () => db.close() };
}

/** Opens the store on a PostgreSQL URL, or on PGlite in `dataDir` (embedded, one machine). */
export async function openTeamStore(target: { url: string } | { dataDir: string }): Promise<TeamStore> {
  let connection: Connection;
  if ('url' in target) {
    connection = pgConnection(target.url);
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    connection = pgliteConnection(await PGlite.create(target.dataDir));
  }
  for (const statement of schema) await connection.sql.query(statement);
  return storeOn(connection);
}

interface MemberRow {
  id: number;
  name: string;
  role: TeamRole;
  created_at: Date | string;
}
const toMember = (r: MemberRow): TeamMember => ({
  id: r.id,
  name: r.name,
  role: r.role,
  createdAt: new Date(r.created_at).toISOString(),
});

interface OpRow {
  seq: string | number;
  uuid: string;
  client_id: string;
  tbl: ServerOp['tbl'];
  guid: string;
  kind: ServerOp['kind'];
  fields: ServerOp['fields'];
  author: string;
  at: string;
}

const jsonColumn = <K extends keyof TeamOp>(ops: TeamOp[], key: K) => JSON.stringify(ops.map((o) => o[key]));

function storeOn({ sql, pushSql, close }: Connection): TeamStore {
  const head = async () => {
    const { rows } = await sql.query<{ head: string | null }>('SELECT MAX(seq) AS head FROM team_ops');
    return Number(rows[0]?.head ?? 0);
  };
  return {
    async memberByToken(token) {
      const { rows } = await sql.query<MemberRow>(
        'SELECT id, name, role, created_at FROM team_members WHERE token_hash = $1 AND withdrawn_at IS NULL',
        [hashToken(token)],
      );
      return rows[0] && toMember(rows[0]);
    },
    async members() {
      const { rows } = await sql.query<MemberRow>(
        'SELECT id, name, role, created_at FROM team_members WHERE withdrawn_at IS NULL ORDER BY id',
      );
      return rows.map(toMember);
    },
    async withdrawMember(id) {
      const { rows } = await sql.query<{ id: number }>(
        'UPDATE team_members SET withdrawn_at = now() WHERE id = $1 AND withdrawn_at IS NULL RETURNING id',
        [id],
      );
      return rows.length > 0;
    },
    async addMember(name, role) {
      const token = newToken();
      const { rows } = await sql.query<MemberRow>(
        'INSERT INTO team_members (name, role, token_hash) VALUES ($1, $2, $3) RETURNING id, name, role, created_at',
        [name, role, hashToken(token)],
      );
      return { member: toMember(rows[0]!), token };
    },
    async push(memberId, clientId, ops) {
      const { rows } = await pushSql.query<{ uuid: string; seq: string }>(
        'SELECT uuid, seq FROM team_push($1, $2, $3, $4, $5, $6, $7, $8, $9)',
        [
          ...(['uuid', 'tbl', 'guid', 'kind', 'fields', 'author', 'at'] as const).map((key) => jsonColumn(ops, key)),
          clientId,
          memberId,
        ],
      );
      const inserted = rows.length;
      if (inserted < ops.length) {
        // A retried push: the operations the server already had keep the numbers they were given.
        const taken = new Set(rows.map((r) => r.uuid));
        const again = await sql.query<{ uuid: string; seq: string }>(
          'SELECT uuid, seq FROM team_ops WHERE uuid = ANY($1::uuid[])',
          [ops.map((o) => o.uuid.toLowerCase()).filter((u) => !taken.has(u))],
        );
        rows.push(...again.rows);
      }
      const seqs = rows.map((r) => ({ uuid: r.uuid, seq: Number(r.seq) })).sort((x, y) => x.seq - y.seq);
      // Each push holds the lock until it commits, so none had committed a number above this one's last.
      return { seqs, head: inserted ? seqs[seqs.length - 1]!.seq : await head() };
    },
    async pull(since, limit) {
      // A page stops once it holds PULL_PAGE_BYTES (a PDF travels as a field of tens of megabytes); it always holds
      // at least one operation. pg_column_size is the stored size, read without fetching the value itself.
      const { rows } = await sql.query<OpRow>(
        `SELECT seq, uuid, client_id, tbl, guid, kind, fields, author, at FROM (
           SELECT *, SUM(pg_column_size(fields)) OVER (ORDER BY seq) - pg_column_size(fields) AS before
           FROM team_ops WHERE seq > $1 ORDER BY seq LIMIT $2
         ) page WHERE before < $3 ORDER BY seq`,
        [since, limit, PULL_PAGE_BYTES],
      );
      return rows.map((r) => ({
        seq: Number(r.seq),
        uuid: r.uuid,
        clientId: r.client_id,
        tbl: r.tbl,
        guid: r.guid,
        kind: r.kind,
        fields: r.fields,
        author: r.author,
        at: r.at,
      }));
    },
    head,
    close,
  };
}
