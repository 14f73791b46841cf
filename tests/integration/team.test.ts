// Two Gloss backends against one team server on a real PostgreSQL: edits made on one appear on the other, an edit
// made while the server is down arrives after it restarts, a reader cannot write, a wrong token is refused, the
// same field edited on both sides ends with the later write everywhere (the earlier one kept in the server's log),
// and codings stay per coder.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { GlossError } from '../../shared/errors.js';
import { openTeamStore, type TeamStore } from '../../electron/db/team/store.js';
import { teamClient } from '../../electron/team/client.js';
import { startTeamServer, type TeamServer } from '../../electron/team/server.js';
import { startBackend, type TestBackend } from '../support/backend.js';
import { figurePdf } from '../support/pdfFixtures.js';
import { solidPng } from '../support/png.js';
import { postgresBinDir, startPostgres, type TestPostgres } from '../support/postgres.js';

const binDir = postgresBinDir();
const skip = binDir ? false : 'no PostgreSQL binaries (initdb, pg_ctl) on this machine: install postgresql';

let postgres: TestPostgres;
let store: TeamStore;
let server: TeamServer;
let port: number;
let ownerToken: string;
let a: TestBackend;
let b: TestBackend;

async function startServer(): Promise<void> {
  store = await openTeamStore({ url: postgres.url });
  server = await startTeamServer(store, { port });
}

before(async () => {
  if (!binDir) return;
  process.env.GLOSS_TEAM_SYNC = 'manual';
  postgres = await startPostgres(binDir);
  port = 0;
  await startServer();
  port = Number(new URL(server.url).port);
  ownerToken = (await store.addMember('Ann', 'owner')).token;
  a = await startBackend();
  b = await startBackend({ seeds: false });
});

after(async () => {
  a?.close();
  b?.close();
  await server?.close();
  await store?.close();
});

async function invite(name: string, role: 'coder' | 'reader'): Promise<string> {
  return (await a.client['team.invite']({ name, role })).token;
}

async function titles(backend: TestBackend): Promise<string[]> {
  return (await backend.client['documents.list']({})).map((d) => d.title).sort();
}

test('a published project arrives whole on a member who joins', { skip }, async () => {
  const published = await a.client['team.publish']({ url: server.url, token: ownerToken });
  assert.ok(published.linked);
  assert.equal(published.lastError, null);
  assert.equal(published.pending, 0, 'every row was accepted');
  assert.equal(published.member.role, 'owner');

  const joined = await b.client['team.join']({ url: server.url, token: await invite('Bea', 'coder') });
  assert.ok(joined.linked);
  assert.equal(joined.lastError, null);
  assert.deepEqual(await titles(b), await titles(a));
  const doc = (await a.client['documents.list']({}))[0]!;
  const there = (await b.client['documents.list']({})).find((d) => d.title === doc.title)!;
  assert.equal(
    (await b.client['documents.get']({ id: there.id })).text,
    (await a.client['documents.get']({ id: doc.id })).text,
  );
  for (const seed of await a.client['documents.list']({})) {
    const copy = (await b.client['documents.list']({})).find((d) => d.title === seed.title)!;
    const blocks = (await a.client['documents.get']({ id: seed.id })).blocks;
    assert.deepEqual((await b.client['documents.get']({ id: copy.id })).blocks, blocks, `${seed.title}: its structure`);
  }
  const structured = await Promise.all(
    (await a.client['documents.list']({})).map(async (d) => (await a.client['documents.get']({ id: d.id })).blocks),
  );
  assert.ok(
    structured.some((blocks) => blocks.length > 0),
    'a sample has headings or lists to compare',
  );
  assert.deepEqual(
    joined.members.map((m) => [m.name, m.role]),
    [
      ['Ann', 'owner'],
      ['Bea', 'coder'],
    ],
  );
});

test('edits made on one appear on the other, both ways, codings per coder', { skip }, async () => {
  const docA = (await a.client['documents.list']({})).sort((x, y) => x.title.localeCompare(y.title))[0]!;
  const tag = await a.client['tags.create']({ name: 'Visas' });
  await a.client['highlights.create']({ documentId: docA.id, start: 10, end: 40, tagIds: [tag.id] });
  await a.client['team.sync']({});
  await b.client['team.sync']({});

  const docB = (await b.client['documents.list']({})).find((d) => d.title === docA.title)!;
  const tagB = (await b.client['tags.list']({})).find((t) => t.name === 'Visas');
  assert.ok(tagB, 'the tag arrived');
  const passagesB = await b.client['highlights.list']({ documentId: docB.id });
  assert.equal(passagesB.length, 1);
  assert.deepEqual([passagesB[0]!.start, passagesB[0]!.end], [10, 40]);
  assert.deepEqual(passagesB[0]!.tagIds, [tagB.id]);

  // Bea codes the same passage as herself: a second coding, not a conflict.
  const bea = await b.client['coders.create']({ name: 'Bea' });
  await b.client['coders.setCurrent']({ id: bea.id });
  await b.client['highlights.create']({ documentId: docB.id, start: 10, end: 40, tagIds: [tagB.id] });
  await b.client['team.sync']({});
  await a.client['team.sync']({});
  const passagesA = await a.client['highlights.list']({ documentId: docA.id });
  assert.equal(passagesA.length, 2, "both coders' passages are on A");
  const coders = await a.client['coders.list']({});
  const coderNames = passagesA.map((p) => coders.find((c) => c.id === p.coderId)?.name);
  assert.ok(coderNames.includes('Bea'), `Bea's passage keeps its coder (${coderNames.join(', ')})`);
});

test(
  'the same field edited on both sides: the later write wins everywhere, the earlier stays in the log',
  { skip },
  async () => {
    const docA = (await a.client['documents.list']({})).sort((x, y) => x.title.localeCompare(y.title))[0]!;
    const docB = (await b.client['documents.list']({})).find((d) => d.title === docA.title)!;
    await a.client['documents.update']({ id: docA.id, patch: { notes: 'from A' } });
    await b.client['documents.update']({ id: docB.id, patch: { notes: 'from B' } });
    await a.client['team.sync']({}); // A's write reaches the server first
    await b.client['team.sync']({}); // B's comes after it, and B ignores A's earlier one
    await a.client['team.sync']({});
    assert.equal((await a.client['documents.get']({ id: docA.id })).notes, 'from B');
    assert.equal((await b.client['documents.get']({ id: docB.id })).notes, 'from B');

    const db = new pg.Client({ connectionString: postgres.url });
    await db.connect();
    const { rows } = await db.query<{ notes: string }>(
      "SELECT fields->>'notes' AS notes FROM team_ops WHERE fields->>'notes' IS NOT NULL AND tbl = 'documents' ORDER BY seq",
    );
    await db.end();
    assert.deepEqual(rows.map((r) => r.notes).slice(-2), ['from A', 'from B']);
  },
);

test(
  "memos, collections, attributes and grades arrive; a memo's citation points at the passage there",
  { skip },
  async () => {
    const docA = (await a.client['documents.list']({})).sort((x, y) => x.title.localeCompare(y.title))[1]!;
    // Passages made on B alone first, so that ids here and there differ and only a translated id can match.
    const elsewhere = (await b.client['documents.list']({}))[0]!;
    for (const n of [1, 2, 3]) await b.client['highlights.create']({ documentId: elsewhere.id, start: n, end: n + 4 });
    const collection = await a.client['collections.create']({ name: 'Istanbul round' });
    await a.client['documents.update']({ id: docA.id, patch: { collectionId: collection.id } });
    const region = await a.client['attributes.define']({ name: 'Region', kind: 'text' });
    await a.client['attributes.set']({ definitionId: region.id, documentIds: [docA.id], value: 'Türkiye' });
    await a.client['grades.setDocument']({ documentId: docA.id, reliability: 'B' });
    const passage = await a.client['highlights.create']({ documentId: docA.id, start: 50, end: 90 });
    await a.client['grades.setHighlight']({ highlightId: passage.id, credibility: 2 });
    const content = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'The talks went on.' }] },
        { type: 'citation', attrs: { highlightId: passage.id, documentId: docA.id, quote: passage.exact } },
      ],
    };
    await a.client['memos.create']({ title: 'Istanbul memo', content: JSON.stringify(content) });
    await a.client['team.sync']({});
    await b.client['team.sync']({});

    const docB = (await b.client['documents.list']({})).find((d) => d.title === docA.title)!;
    const collectionB = (await b.client['collections.list']({})).find((c) => c.name === 'Istanbul round');
    assert.ok(collectionB, 'the collection arrived');
    assert.equal(docB.collectionId, collectionB.id, 'the document is in it');
    assert.equal(docB.reliability, 'B');
    assert.deepEqual(
      (await b.client['attributes.forDocument']({ documentId: docB.id })).map((v) => [v.name, v.value]),
      [['Region', 'Türkiye']],
    );
    const passageB = (await b.client['highlights.list']({ documentId: docB.id })).find((h) => h.start === 50)!;
    assert.notEqual(passageB.id, passage.id, 'the passage has another id on B');
    assert.equal(passageB.credibility, 2);
    const memoB = (await b.client['memos.list']({})).find((m) => m.title === 'Istanbul memo');
    assert.ok(memoB, 'the memo arrived');
    const cited = (JSON.parse((await b.client['memos.get']({ id: memoB.id })).content) as typeof content).content[1]!;
    assert.deepEqual(cited.attrs, { highlightId: passageB.id, documentId: docB.id, quote: passage.exact });
  },
);

test('an attribute defined on both sides before they sync is one attribute', { skip }, async () => {
  const docA = (await a.client['documents.list']({})).sort((x, y) => x.title.localeCompare(y.title))[2]!;
  const docB = (await b.client['documents.list']({})).find((d) => d.title === docA.title)!;
  const sectorA = await a.client['attributes.define']({ name: 'Sector', kind: 'text' });
  const sectorB = await b.client['attributes.define']({ name: 'Sector', kind: 'text' });
  await a.client['attributes.set']({ definitionId: sectorA.id, documentIds: [docA.id], value: 'Consular' });
  await b.client['attributes.set']({ definitionId: sectorB.id, documentIds: [docB.id], value: 'Diplomatic' });
  await a.client['team.sync']({});
  await b.client['team.sync']({}); // B's value is pushed after A's: it is the later write
  await a.client['team.sync']({});
  for (const [side, doc] of [[a, docA] as const, [b, docB] as const]) {
    const names = (await side.client['attributes.definitions']({})).map((d) => d.name).filter((n) => /Sector/.test(n));
    assert.deepEqual(names, ['Sector'], 'one definition, not a renamed copy');
    const values = (await side.client['attributes.forDocument']({ documentId: doc.id })).filter(
      (v) => v.name === 'Sector',
    );
    assert.deepEqual(
      values.map((v) => v.value),
      ['Diplomatic'],
    );
  }
});

test('a settled disagreement arrives with its tags and passages named as they are there', { skip }, async () => {
  const docA = (await a.client['documents.list']({})).sort((x, y) => x.title.localeCompare(y.title))[3]!;
  // Rows made on B alone first, so that ids here and there differ and only a translated id can match.
  const elsewhere = (await b.client['documents.list']({}))[0]!;
  for (const n of [1, 2, 3]) {
    await b.client['tags.create']({ name: `Only on B ${n}` });
    await b.client['highlights.create']({ documentId: elsewhere.id, start: n * 10, end: n * 10 + 5 });
  }
  const tagA = await a.client['tags.create']({ name: 'Dispute' });
  const annPassage = await a.client['highlights.create']({
    documentId: docA.id,
    start: 100,
    end: 140,
    tagIds: [tagA.id],
  });
  const annName = (await a.client['coders.list']({})).find((c) => c.id === annPassage.coderId)!.name;
  await a.client['team.sync']({});
  await b.client['team.sync']({});
  const docB = (await b.client['documents.list']({})).find((d) => d.title === docA.title)!;
  const tagB = (await b.client['tags.list']({})).find((t) => t.name === 'Dispute')!;
  assert.notEqual(tagB.id, tagA.id, 'the tag has another id on B');
  const cal = await b.client['coders.create']({ name: 'Cal' });
  await b.client['coders.setCurrent']({ id: cal.id });
  await b.client['highlights.create']({ documentId: docB.id, start: 100, end: 170, tagIds: [tagB.id] });
  const annB = (await b.client['coders.list']({})).find((c) => c.name === annName)!;
  const pair = { coderA: annB.id, coderB: cal.id, tagIds: [tagB.id] };
  const [item] = (await b.client['agreement.queue']({ ...pair, threshold: 0.9 })).items;
  assert.ok(item, 'B sees the disagreement');
  await b.client['agreement.settle']({
    ...pair,
    documentId: docB.id,
    start: item.start,
    end: item.end,
    choice: 'a',
    reason: "Ann's boundary ends the sentence",
    threshold: 0.9,
  });
  await b.client['team.sync']({});
  await a.client['team.sync']({});

  const calA = (await a.client['coders.list']({})).find((c) => c.name === 'Cal')!;
  const queueA = await a.client['agreement.queue']({
    coderA: annPassage.coderId!,
    coderB: calA.id,
    tagIds: [tagA.id],
    threshold: 0.9,
  });
  assert.equal(queueA.items.length, 0, 'settled on A too: both coders have the same passage');
  const [decision] = queueA.decisions;
  assert.ok(decision, 'the decision arrived');
  assert.equal(decision.reason, "Ann's boundary ends the sentence");
  assert.equal(decision.documentId, docA.id);
  assert.deepEqual(decision.tagIds, [tagA.id]);
  assert.deepEqual(
    decision.sides.a.map((p) => [p.highlightId, p.tagIds]),
    [[annPassage.id, [tagA.id]]],
  );
  assert.deepEqual(decision.result, [{ start: 100, end: 140, tagIds: [tagA.id] }]);
  assert.equal(decision.decidedByName, 'Cal');
});

test('a PDF arrives with its pages and its region highlights', { skip }, async () => {
  const fixture = await figurePdf();
  const imported = await a.client['documents.import']({
    fileName: fixture.name,
    base64: fixture.bytes.toString('base64'),
  });
  const docA = await a.client['documents.get']({ id: imported.document!.id });
  const { x, y, width, height } = fixture.chart;
  const region = { page: 1, firstX: x, firstY: y + height, secondX: x + width, secondY: y };
  const image = solidPng(40, 30, '#2e5c9e').toString('base64');
  const start = docA.text.indexOf('Figure 1');
  await a.client['regions.create']({
    documentId: docA.id,
    start,
    end: docA.text.length,
    ...region,
    imageBase64: image,
  });
  await a.client['team.sync']({});
  await b.client['team.sync']({});

  const docB = (await b.client['documents.list']({})).find((d) => d.title === docA.title)!;
  assert.equal((await b.client['documents.originalPdf']({ id: docB.id }))?.base64, fixture.bytes.toString('base64'));
  const [regionB] = await b.client['regions.list']({ documentId: docB.id });
  assert.ok(regionB, 'the region highlight arrived');
  const passageB = (await b.client['highlights.list']({ documentId: docB.id })).find((h) => h.start === start)!;
  assert.deepEqual(regionB, { highlightId: passageB.id, ...region, imageBase64: image });
});

test('a file whose bytes are not the file its hash names is refused on arrival', { skip }, async () => {
  const claimed = createHash('sha256').update('the real report').digest('hex');
  const member = teamClient(server.url, await invite('Mallory', 'coder'));
  await member.push({
    clientId: randomUUID(),
    ops: [
      {
        uuid: randomUUID(),
        tbl: 'original_files',
        guid: `sha256:${claimed}`,
        kind: 'upsert',
        fields: { content_hash: claimed, bytes: Buffer.from('something else').toString('base64') },
        author: 'Mallory',
        at: new Date().toISOString(),
      },
    ],
  });
  const status = await b.client['team.sync']({});
  assert.ok(status.linked && status.lastError === null, 'the rest of the log still applies');
  const held = b.workspace.project.db.prepare('SELECT COUNT(*) FROM original_files WHERE content_hash = ?');
  assert.equal(held.pluck().get(claimed), 0);
});

test('an edit made while the server restarts arrives after it', { skip }, async () => {
  await server.close();
  await store.close();
  postgres.stop();
  const tag = await a.client['tags.create']({ name: 'Made offline' });
  const offline = await a.client['team.sync']({});
  assert.ok(offline.linked);
  assert.match(offline.lastError ?? '', /cannot be reached/);
  assert.ok(offline.pending > 0, 'the edit waits in the outbox');

  postgres.start();
  await startServer();
  const back = await a.client['team.sync']({});
  assert.ok(back.linked);
  assert.equal(back.lastError, null);
  assert.equal(back.pending, 0);
  await b.client['team.sync']({});
  assert.ok((await b.client['tags.list']({})).some((t) => t.name === tag.name));
});

test('a member with the reader role cannot write', { skip }, async () => {
  const c = await startBackend({ seeds: false });
  try {
    const joined = await c.client['team.join']({ url: server.url, token: await invite('Cy', 'reader') });
    assert.ok(joined.linked);
    assert.equal(joined.member.role, 'reader');
    assert.ok((await titles(c)).length > 0, 'a reader reads');
    const before = await store.head();
    await c.client['tags.create']({ name: 'By a reader' });
    const status = await c.client['team.sync']({});
    assert.ok(status.linked);
    assert.match(status.lastError ?? '', /reader role may not write/);
    assert.equal(await store.head(), before, 'nothing reached the log');
    await b.client['team.sync']({});
    assert.ok(!(await b.client['tags.list']({})).some((t) => t.name === 'By a reader'));
    await assert.rejects(
      c.client['team.invite']({ name: 'Dan', role: 'owner' as 'coder' }),
      (e: unknown) => e instanceof GlossError,
    );
  } finally {
    c.close();
  }
});

test('a wrong token is refused', { skip }, async () => {
  const c = await startBackend({ seeds: false });
  try {
    await assert.rejects(
      c.client['team.join']({ url: server.url, token: 'not-a-member-token-at-all' }),
      (e: unknown) => e instanceof GlossError && e.code === 'unauthorized',
    );
    assert.equal((await c.client['team.status']({})).linked, false);
    const raw = await fetch(`${server.url}/v1/ops?since=0`, { headers: { authorization: 'Bearer wrongwrongwrong' } });
    assert.equal(raw.status, 401);
    assert.equal(((await raw.json()) as { code: string }).code, 'unauthorized');
  } finally {
    c.close();
  }
});

test('a withdrawn member is refused from then on; only an owner withdraws', { skip }, async () => {
  const c = await startBackend({ seeds: false });
  try {
    const joined = await c.client['team.join']({ url: server.url, token: await invite('Eve', 'coder') });
    assert.ok(joined.linked);
    const owner = joined.members.find((m) => m.role === 'owner')!;
    await assert.rejects(
      c.client['team.withdraw']({ memberId: owner.id }),
      (e: unknown) => e instanceof GlossError && e.code === 'forbidden',
    );
    await assert.rejects(
      a.client['team.withdraw']({ memberId: owner.id }),
      (e: unknown) => e instanceof GlossError && /cannot withdraw themselves/.test(e.message),
    );
    const after = await a.client['team.withdraw']({ memberId: joined.member.id });
    assert.ok(after.linked);
    assert.ok(!after.members.some((m) => m.name === 'Eve'), 'Eve leaves the member list');
    const before = await store.head();
    await c.client['tags.create']({ name: 'After withdrawal' });
    const status = await c.client['team.sync']({});
    assert.ok(status.linked);
    assert.match(status.lastError ?? '', /does not know this token/);
    assert.equal(await store.head(), before, 'nothing reached the log');
    await assert.rejects(
      a.client['team.withdraw']({ memberId: joined.member.id }),
      (e: unknown) => e instanceof GlossError && e.code === 'not_found',
    );
  } finally {
    c.close();
  }
});
