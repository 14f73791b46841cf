// The team server's fast check of a push body (shared/team.ts's plainPushRequest) against zod's pushRequest: on
// thousands of mutated bodies it never accepts one zod refuses, hands on exactly what zod would, and accepts every
// JSON body zod accepts unchanged (so the fast path is the one taken).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_OPS_PER_CALL, plainPushRequest, pushRequest, SYNCED_TABLES } from '../../shared/team.js';

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-1c2d-4e5f-8a9b-0c1d2e3f4a5b`;

function validBody(ops = 3) {
  return {
    clientId: uuid(1),
    ops: Array.from({ length: ops }, (_, i) => ({
      uuid: uuid(100 + i),
      tbl: SYNCED_TABLES[i % SYNCED_TABLES.length],
      guid: `guid-${i}`,
      kind: i % 2 ? 'delete' : 'upsert',
      fields: { name: `Row ${i} — “quoted”`, start_offset: i, ratio: 0.5, done: false, color: null },
      author: 'Ann',
      at: '2026-12-03T15:00:00.000Z',
    })),
  };
}

/** Values a mutation puts somewhere; strings of the lengths around each limit. */
const VALUES: unknown[] = [
  null,
  0,
  -0,
  1.5,
  -7,
  true,
  false,
  '',
  'x',
  'x'.repeat(40),
  'x'.repeat(41),
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(200),
  'x'.repeat(201),
  uuid(7),
  uuid(7).toUpperCase(),
  '00000000-0000-0000-0000-000000000000',
  '12345678-1234-0234-8234-123456789012',
  '12345678-1234-4234-c234-123456789012',
  'not-a-uuid',
  'coders',
  'highlights',
  'entities',
  'upsert',
  'delete',
  'insert',
  [],
  [1, 'a'],
  {},
  { a: 1 },
  { a: { b: 1 } },
  { a: [1] },
];

type Json = Record<string, unknown>;

/** One random change to a copy of a valid body: a value replaced, a key removed, or a key added. */
function mutate(next: () => number, body: Json): Json {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
  const ops = Array.isArray(body.ops) ? body.ops : [];
  const op: unknown = ops.length ? pick(ops) : undefined;
  const targets = [body, op, isObject(op) ? op.fields : undefined].filter(isObject);
  const target = pick(targets);
  const keys = Object.keys(target);
  const kind = next();
  if (kind < 0.6 && keys.length) target[pick(keys)] = pick(VALUES);
  else if (kind < 0.75 && keys.length) delete target[pick(keys)];
  else target[pick(['extra', 'x'.repeat(64), 'y'.repeat(65), 'constructor', 'toString', '0', 'uuid'])] = pick(VALUES);
  return body;
}

/** Parsed as the server parses a body, so the object is exactly what JSON.parse makes of it. */
const asReceived = (body: unknown): unknown => JSON.parse(JSON.stringify(body));

function assertAgrees(value: unknown, label: string): boolean {
  const fast = plainPushRequest(value);
  const zod = pushRequest.safeParse(value);
  if (fast) {
    assert.ok(zod.success, `${label}: the fast check accepted what zod refuses`);
    assert.deepStrictEqual(fast, zod.data, `${label}: the fast check hands on other data than zod`);
    const fields = (r: typeof fast) => JSON.stringify(r.ops.map((o) => o.fields));
    assert.equal(fields(fast), fields(zod.data), `${label}: fields differ in their JSON`);
  }
  return fast !== undefined;
}

test('on mutated bodies the fast check accepts exactly what zod accepts, and hands on the same data', () => {
  const next = random(15);
  let accepted = 0;
  let refused = 0;
  for (let i = 0; i < 4000; i++) {
    let body = validBody(1 + Math.floor(next() * 3)) as Json;
    for (let m = Math.floor(next() * 3); m >= 0; m--) body = mutate(next, body);
    const received = asReceived(body);
    const fast = assertAgrees(received, `case ${i}: ${JSON.stringify(received)}`);
    assert.equal(fast, pushRequest.safeParse(received).success, `case ${i}: the fast check left a valid body to zod`);
    if (fast) accepted++;
    else refused++;
  }
  assert.ok(accepted > 300 && refused > 2000, `both kinds occur (${accepted} accepted, ${refused} refused)`);
});

test('the limits on the number of ops, lengths and numbers are the same as zod', () => {
  const sized = (n: number) => asReceived(validBody(n));
  assert.ok(assertAgrees(sized(0), 'no ops'));
  assert.ok(assertAgrees(sized(MAX_OPS_PER_CALL), 'the most ops'));
  assert.equal(assertAgrees(sized(MAX_OPS_PER_CALL + 1), 'one op too many'), false);
  const body = validBody(1);
  body.ops[0]!.fields = { ['k'.repeat(64)]: 'x'.repeat(64 * 1024 * 1024) } as never;
  assert.ok(assertAgrees(asReceived(body), 'the longest key and value'));
  body.ops[0]!.fields = { v: 'x'.repeat(64 * 1024 * 1024 + 1) } as never;
  assert.equal(assertAgrees(asReceived(body), 'a value one too long'), false);
  for (const json of ['1e999', '-1e999']) {
    const infinite = JSON.parse(`{"clientId":"${uuid(1)}","ops":[${JSON.stringify(validBody(1).ops[0])}]}`);
    infinite.ops[0].fields.n = JSON.parse(json);
    assert.equal(assertAgrees(infinite, json), false, `${json} is not a number zod takes`);
  }
});

test('a __proto__ key that zod would drop is left to zod, which drops it', () => {
  const text = JSON.stringify(validBody(1)).replace('"fields":{', '"fields":{"__proto__":"x",');
  const received = JSON.parse(text);
  assert.equal(plainPushRequest(received), undefined);
  const zod = pushRequest.safeParse(received);
  assert.ok(zod.success);
  assert.equal(Object.hasOwn(zod.data.ops[0]!.fields, '__proto__'), false);
  const onOp = JSON.parse(JSON.stringify(validBody(1)).replace('"uuid":"0', '"__proto__":{},"uuid":"0'));
  assert.equal(assertAgrees(onOp, '__proto__ on an op'), false);
});

test('values JSON.parse never makes are refused or left to zod', () => {
  const sparse = asReceived(validBody(2)) as { ops: unknown[] };
  delete sparse.ops[0];
  assert.equal(assertAgrees(sparse, 'a hole in ops'), false);
  const bare = Object.assign(Object.create(null), asReceived(validBody(1)));
  assert.equal(plainPushRequest(bare), undefined, 'an object without a prototype');
  class Op {}
  const instance = asReceived(validBody(1)) as { ops: unknown[] };
  instance.ops[0] = Object.assign(new Op(), instance.ops[0]);
  assert.equal(plainPushRequest(instance), undefined, 'a class instance');
  for (const value of [undefined, null, 'text', 7, [], [validBody(1)]]) {
    assert.equal(assertAgrees(value, JSON.stringify(value) ?? 'undefined'), false);
  }
});
