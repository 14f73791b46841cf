// Random and malformed arguments at every operation, over both transports: each gets a clear validation
// error, the server keeps serving, and the database is unchanged.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { startHttpServer, type RunningServer } from '../../electron/server/http.js';
import { api, opNames, type CallResponse } from '../../shared/api.js';
import { TOKEN_HEADER } from '../../shared/security.js';
import { startBackend, type TestBackend } from '../support/backend.js';

let backend: TestBackend;
let server: RunningServer;
before(async () => {
  backend = await startBackend();
  server = await startHttpServer({ dispatch: backend.dispatch });
  const docs = await backend.client['documents.list']({});
  const tag = await backend.client['tags.create']({ name: 'existing' });
  await backend.client['highlights.create']({ documentId: docs[0].id, start: 0, end: 20, tagIds: [tag.id] });
  await backend.client['memos.create']({ title: 'existing memo' });
});
after(async () => {
  await server.close();
  backend.close();
});

const TABLES = [
  'documents',
  'highlights',
  'highlight_tags',
  'tags',
  'notes',
  'memos',
  'collections',
  'meta',
  'schema_version',
];
function digest(): string {
  const db = backend.workspace.project.db;
  const hash = createHash('sha256');
  for (const table of TABLES) hash.update(JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()));
  return hash.digest('hex');
}

const nasty = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: false, withObjectString: true, maxDepth: 4 }),
  fc.constantFrom(
    null,
    undefined,
    NaN,
    Infinity,
    -1,
    0,
    2 ** 53,
    '',
    'x'.repeat(100_000),
    [],
    {},
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
    { id: -5 },
    { id: 1.5 },
    { id: '1' },
    { id: 2 ** 60 },
    { documentId: 1, start: 10, end: 5 },
    { query: 'x', limit: 10_000 },
    { highlight: { id: 1 } },
    { fileName: '../../etc/passwd', base64: '%%%' },
    { path: '' },
  ),
  fc.dictionary(
    fc.constantFrom(
      'id',
      'documentId',
      'tagIds',
      'patch',
      'content',
      'query',
      'format',
      'start',
      'end',
      'name',
      'title',
      'extra',
    ),
    fc.anything({ maxDepth: 2 }),
  ),
);

/** Only values the contract refuses: the point is that refused input never reaches a handler. */
const invalidFor = (op: (typeof opNames)[number]) => nasty.filter((value) => !api[op].args.safeParse(value).success);

function post(op: string, body: string): Promise<{ status: number; body: CallResponse }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.url}/api/${encodeURIComponent(op)}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) as CallResponse }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test('in-process dispatcher: every operation refuses malformed arguments cleanly, and nothing changes', async () => {
  const before = digest();
  for (const op of opNames) {
    await fc.assert(
      fc.asyncProperty(invalidFor(op), async (args) => {
        const response = await backend.dispatch(op, args);
        assert.equal(response.ok, false);
        if (!response.ok) {
          assert.equal(response.error.code, 'invalid_argument', `${op}: ${response.error.message}`);
          assert.ok(response.error.message.startsWith(`${op}: `) && response.error.message.length < 2000);
        }
      }),
      { numRuns: 30, seed: 20251124 },
    );
  }
  assert.equal(digest(), before, 'the database is unchanged');
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
});

test('HTTP transport: malformed JSON arguments and garbage bodies get 4xx answers, and the server keeps serving', async () => {
  const before = digest();
  for (const op of opNames) {
    await fc.assert(
      fc.asyncProperty(
        invalidFor(op).filter((v) => {
          // What survives a JSON round trip is what the server receives; it too must be invalid.
          const sent = JSON.stringify(v ?? {});
          return sent !== undefined && !api[op].args.safeParse(JSON.parse(sent)).success;
        }),
        async (args) => {
          const reply = await post(op, JSON.stringify(args ?? {}));
          assert.equal(reply.status, 400, `${op} ${JSON.stringify(args)?.slice(0, 80)}`);
          assert.equal(reply.body.ok, false);
        },
      ),
      { numRuns: 15, seed: 7 },
    );
  }
  assert.equal(digest(), before, 'invalid arguments change nothing');
  // Garbage bodies: an empty one is `{}`, a valid call for some operations (history.undo is an edit), so what
  // matters here is a clear 4xx for what does not parse, and a server that keeps serving.
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 200 }), fc.constantFrom(...opNames), async (body, op) => {
      let parsed: unknown;
      try {
        parsed = body === '' ? {} : JSON.parse(body);
      } catch {
        parsed = Symbol('not json');
      } // an empty body means {}
      const reply = await post(op, body);
      if (typeof parsed === 'symbol') assert.equal(reply.status, 400);
      else assert.ok(reply.status < 500, `${op} ${body}: ${reply.status}`);
    }),
    { numRuns: 150, seed: 11 },
  );
  const alive = await post('project.info', '{}');
  assert.equal(alive.status, 200);
});

test('unknown operations and hostile operation names are refused', async () => {
  for (const op of ['__proto__', 'constructor', 'toString', '../project.info', 'documents.list/../x', '']) {
    const response = await backend.dispatch(op, {});
    assert.equal(response.ok, false);
  }
  assert.equal((await post('constructor', '{}')).status, 404);
});
