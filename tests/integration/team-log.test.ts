// The team server's operation log on a real PostgreSQL, over HTTP: a retried push changes nothing, concurrent pushes
// commit in the order of their numbers (a reader never sees a later op without the earlier ones), a page hands the
// fields back as sent, a body zod refuses is refused, and a database made by the first servers' schema is upgraded
// in place.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { openTeamStore, type TeamStore } from '../../electron/db/team/store.js';
import { startTeamServer, type TeamServer } from '../../electron/team/server.js';
import { pullResponse, pushResponse, type PushRequest, type TeamOp } from '../../shared/team.js';
import { postgresBinDir, startPostgres, type TestPostgres } from '../support/postgres.js';

const binDir = postgresBinDir();
const skip = binDir ? false : 'no PostgreSQL binaries (initdb, pg_ctl) on this machine: install postgresql';

let postgres: TestPostgres;
let store: TeamStore;
let server: TeamServer;
let coders: string[];

before(async () => {
  if (!binDir) return;
  postgres = await startPostgres(binDir);
  store = await openTeamStore({ url: postgres.url });
  server = await startTeamServer(store);
  coders = await Promise.all(['Ann', 'Bea', 'Cy'].map(async (n) => (await store.addMember(n, 'coder')).token));
});

after(async () => {
  await server?.close();
  await store?.close();
});

const op = (fields: TeamOp['fields'] = { name: 'Visas' }): TeamOp => ({
  uuid: randomUUID(),
  tbl: 'tags',
  guid: randomUUID(),
  kind: 'upsert',
  fields,
  author: 'Ann',
  at: new Date().toISOString(),
});

async function call(token: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

async function push(token: string, request: PushRequest) {
  const { status, json } = await call(token, '/v1/ops', request);
  assert.equal(status, 200, JSON.stringify(json));
  return pushResponse.parse(json);
}

async function pull(since: number) {
  const { status, json } = await call(coders[0]!, `/v1/ops?since=${since}`);
  assert.equal(status, 200);
  return pullResponse.parse(json);
}

test(
  'a retried push gets the same numbers and adds nothing; a partly new one numbers only the new ops',
  { skip },
  async () => {
    const clientId = randomUUID();
    const ops = [op(), op(), op()];
    const first = await push(coders[0]!, { clientId, ops });
    assert.deepEqual(
      first.seqs.map((s) => s.uuid),
      ops.map((o) => o.uuid),
    );
    assert.equal(first.head, first.seqs[2]!.seq);
    const again = await push(coders[0]!, { clientId, ops });
    assert.deepEqual(again.seqs, first.seqs);
    assert.equal(again.head, first.head, 'nothing was added');
    const fresh = op();
    const partly = await push(coders[0]!, { clientId, ops: [ops[1]!, fresh] });
    assert.deepEqual(partly.seqs[0], first.seqs[1]);
    assert.equal(partly.seqs[1]!.uuid, fresh.uuid);
    assert.ok(partly.seqs[1]!.seq > first.head);
    assert.equal(partly.head, partly.seqs[1]!.seq);
    const { ops: page } = await pull(first.seqs[0]!.seq - 1);
    assert.deepEqual(
      page.map((o) => o.uuid),
      [...ops, fresh].map((o) => o.uuid),
      'each op is in the log once',
    );
  },
);

test('concurrent pushes commit in the order of their numbers, each in one run', { skip }, async () => {
  const base = await store.head();
  const requests = Array.from({ length: 12 }, (_, i) => ({
    token: coders[i % coders.length]!,
    request: { clientId: randomUUID(), ops: Array.from({ length: 400 }, () => op()) },
  }));
  const total = requests.length * 400;
  let pushing = true;
  let pages = 0;
  // A reader polling while the pushes run: whatever it sees is the log's beginning, never a later op without the
  // ones numbered before it.
  const reader = (async () => {
    while (pushing) {
      const { ops } = await pull(base);
      ops.forEach((o, i) => assert.equal(o.seq, base + 1 + i, `a reader saw seq ${o.seq} before ${base + 1 + i}`));
      pages++;
    }
  })();
  const answers = await Promise.all(requests.map(({ token, request }) => push(token, request)));
  pushing = false;
  await reader;
  assert.ok(pages > 1, 'the reader read while the pushes ran');
  answers.forEach((answer, i) => {
    const first = answer.seqs[0]!.seq;
    assert.deepEqual(
      answer.seqs,
      requests[i]!.request.ops.map((o, n) => ({ uuid: o.uuid, seq: first + n })),
      'a push is numbered in one run, in the order sent',
    );
  });
  const firsts = answers.map((a) => a.seqs[0]!.seq).sort((x, y) => x - y);
  assert.deepEqual(
    firsts,
    firsts.map((_, i) => base + 1 + i * 400),
  );
  assert.equal(await store.head(), base + total);
});

test('a page hands the fields back as they were sent', { skip }, async () => {
  const fields = {
    text: 'line\nbreak "quoted" \\ back \u2028 é 😀 \u0000',
    big: 1e21,
    small: 0.1,
    negative: -5,
    yes: true,
    none: null,
    empty: '',
  };
  const before = await store.head();
  const sent = op(fields);
  await push(coders[1]!, { clientId: randomUUID(), ops: [sent] });
  const raw = await (
    await fetch(`${server.url}/v1/ops?since=${before}`, { headers: { authorization: `Bearer ${coders[1]}` } })
  ).text();
  assert.ok(raw.includes(`"fields":${JSON.stringify(fields)}`), 'the fields read as the text that was sent');
  const { ops, head } = pullResponse.parse(JSON.parse(raw));
  assert.equal(ops.length, 1);
  assert.deepEqual(ops[0]!.fields, fields);
  assert.deepEqual({ ...ops[0]!, seq: 0, clientId: '' }, { ...sent, seq: 0, clientId: '' });
  assert.equal(head, ops[0]!.seq);
  assert.deepEqual(await pull(head), { ops: [], head }, 'an empty page still names the head');
});

test('a page stops at about 32 MB of fields, so PDFs arrive a few at a time', { skip }, async () => {
  const before = await store.head();
  // Random bytes as base64, as a PDF travels: PostgreSQL cannot compress them below their size.
  const files = Array.from({ length: 4 }, () => op({ bytes: randomBytes(9 * 1024 * 1024).toString('base64') }));
  await push(coders[0]!, { clientId: randomUUID(), ops: files });
  const first = await pull(before);
  assert.equal(first.ops.length, 3, 'three 12 MB fields start within the first 32 MB');
  const second = await pull(first.ops.at(-1)!.seq);
  assert.deepEqual(
    [...first.ops, ...second.ops].map((o) => o.uuid),
    files.map((f) => f.uuid),
  );
});

test('a body zod refuses is refused with its message; an empty push only reports the head', { skip }, async () => {
  const refused = async (body: unknown) => {
    const { status, json } = await call(coders[2]!, '/v1/ops', body);
    assert.equal(status, 400, JSON.stringify(body));
    assert.equal((json as { code: string }).code, 'invalid_argument');
    return (json as { message: string }).message;
  };
  assert.match(await refused({ clientId: 'not-a-uuid', ops: [] }), /UUID/i);
  assert.match(await refused({ clientId: randomUUID(), ops: [{ ...op(), extra: 1 }] }), /extra|unrecognized/i);
  assert.ok(await refused({ clientId: randomUUID(), ops: [{ ...op(), fields: { nested: { a: 1 } } }] }));
  assert.ok(await refused({ clientId: randomUUID(), ops: [{ ...op(), tbl: 'entities' }] }));
  const head = await store.head();
  assert.deepEqual(await push(coders[2]!, { clientId: randomUUID(), ops: [] }), { seqs: [], head });
});

/** The schema as the first team servers created it, before team_push. */
const FIRST_SCHEMA = [
  `CREATE TABLE team_members (
    id SERIAL PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('owner', 'coder', 'reader')),
    token_hash TEXT NOT NULL UNIQUE, created_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
  `CREATE TABLE team_ops (
    seq BIGSERIAL PRIMARY KEY, uuid UUID NOT NULL UNIQUE, client_id UUID NOT NULL,
    member_id INTEGER NOT NULL REFERENCES team_members(id), tbl TEXT NOT NULL, guid TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('upsert', 'delete')), fields JSON NOT NULL, author TEXT NOT NULL,
    at TEXT NOT NULL)`,
];

test("a database made by the first servers' schema is upgraded in place and keeps its log", { skip }, async () => {
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query('CREATE DATABASE first_servers');
  await admin.end();
  const url = postgres.url.replace(/\/postgres$/, '/first_servers');
  const old = new pg.Client({ connectionString: url });
  await old.connect();
  for (const statement of FIRST_SCHEMA) await old.query(statement);
  await old.query("INSERT INTO team_members (name, role, token_hash) VALUES ('Ann', 'owner', 'x')");
  const kept = op({ name: 'From the first server', n: 1 });
  await old.query(
    `INSERT INTO team_ops (uuid, client_id, member_id, tbl, guid, kind, fields, author, at)
     VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8)`,
    [kept.uuid, randomUUID(), kept.tbl, kept.guid, kept.kind, JSON.stringify(kept.fields), kept.author, kept.at],
  );
  await old.end();

  for (let open = 0; open < 2; open++) {
    const upgraded = await openTeamStore({ url });
    try {
      const { member } = await upgraded.addMember(`Bea ${open}`, 'coder');
      const next = op();
      const { seqs, head } = await upgraded.push(member.id, randomUUID(), [next]);
      assert.equal(seqs[0]!.uuid, next.uuid);
      assert.equal(head, seqs[0]!.seq);
      assert.equal(head, open + 2, 'the log goes on after the old ops');
      const page = await upgraded.pull(0, 10);
      assert.deepEqual(
        { ...page[0]!, clientId: '' },
        { ...kept, seq: 1, clientId: '' },
        'the old op reads as it was written',
      );
    } finally {
      await upgraded.close();
    }
  }
});
