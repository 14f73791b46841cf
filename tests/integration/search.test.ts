import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importFile } from '../../electron/import/importer.js';
import { parseQuery } from '../../electron/search/query.js';
import { generateCorpus } from '../../bench/corpus.js';
import { startBackend, type TestBackend } from '../support/backend.js';

let backend: TestBackend;
before(async () => {
  backend = await startBackend();
});
after(() => backend.close());

test('search finds documents, highlights and notes, ranked, with marked snippets and an offset to jump to', async () => {
  const c = backend.client;
  const docs = await c['documents.list']({});
  const doc = await c['documents.get']({ id: docs[0].id });
  const phrase = 'diplomatic banking';
  const start = doc.text.indexOf(phrase);
  const tag = await c['tags.create']({ name: 'finance' });
  const h = await c['highlights.create']({ documentId: doc.id, start, end: start + phrase.length, tagIds: [tag.id] });
  await c['notes.save']({
    highlightId: h.id,
    content: '{"type":"doc"}',
    text: 'Banking access for diplomats was a sticking point.',
  });

  const hits = await c['search.query']({ query: '"diplomatic banking"' });
  const kinds = new Set(hits.map((x) => x.kind));
  assert.ok(kinds.has('document') && kinds.has('highlight'), JSON.stringify(hits.map((x) => x.kind)));
  const docHit = hits.find((x) => x.kind === 'document' && x.documentId === doc.id)!;
  assert.match(docHit.snippet, /\u0002diplomatic banking\u0003/i);
  assert.equal(doc.text.slice(docHit.offset!, docHit.offset! + docHit.matchLength!).toLowerCase(), phrase);
  for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].rank <= hits[i].rank, 'ranked best first');

  const noteHits = await c['search.query']({ query: 'sticking', kinds: ['note'] });
  assert.equal(noteHits.length, 1);
  assert.equal(noteHits[0].offset, h.start);
  const tagged = await c['search.query']({ query: 'banking', tagId: tag.id, kinds: ['highlight'] });
  assert.deepEqual(
    tagged.map((x) => x.id),
    [h.id],
  );
  const inOther = await c['search.query']({ query: 'banking', documentId: docs[4].id, kinds: ['highlight'] });
  assert.equal(inOther.length, 0);
});

test('phrase and prefix queries work; malformed queries get a helpful message, never an exception', async () => {
  const c = backend.client;
  const prefix = await c['search.query']({ query: 'embass*', kinds: ['document'] });
  assert.ok(prefix.length >= 4);
  const phrase = await c['search.query']({ query: '"six hours"', kinds: ['document'] });
  const doc = await c['documents.get']({ id: phrase[0].documentId! });
  assert.ok(/six hours/i.test(doc.text));
  for (const q of [
    '"unbalanced phrase',
    'AND OR NOT',
    'embassy AND',
    '(((',
    'NEAR(a b',
    '*',
    'col:umn',
    '"""',
    '^start',
  ]) {
    const attempt = c['search.query']({ query: q });
    const outcome = await attempt.then(
      () => 'ok',
      (e: Error) => e.message,
    );
    assert.ok(outcome === 'ok' || /type a word/.test(outcome), `${q}: ${outcome}`);
  }
  await assert.rejects(c['search.query']({ query: '   ' }), /type a word or a "quoted phrase"/);
  assert.deepEqual(
    parseQuery('visa AND "diplomatic banking" NOT sanct*')?.fts,
    '"visa" AND "diplomatic banking" NOT "sanct"*',
  );
});

test('a generated corpus of 500 reports imports with progress and answers searches', async () => {
  const fresh = await startBackend({ seeds: false });
  try {
    const corpus = generateCorpus(500, 7);
    const progress: number[] = [];
    for (const [i, doc] of corpus.entries()) {
      const r = await importFile(fresh.workspace.project.db, { fileName: doc.fileName, bytes: Buffer.from(doc.text) });
      assert.equal(r.status, 'imported', r.message ?? '');
      if ((i + 1) % 100 === 0) progress.push(i + 1);
    }
    assert.deepEqual(progress, [100, 200, 300, 400, 500]);
    assert.equal((await fresh.client['documents.list']({})).length, 500);
    const hits = await fresh.client['search.query']({ query: 'embassy staffing', kinds: ['document'], limit: 20 });
    assert.equal(hits.length, 20);
    const expected = corpus.filter((d) => /\bembassy\b/i.test(d.text) && /\bstaffing\b/i.test(d.text)).length;
    const all = await fresh.client['search.query']({ query: 'embassy staffing', kinds: ['document'], limit: 500 });
    assert.equal(all.length, expected, 'every report containing both words, and only those');
  } finally {
    fresh.close();
  }
});

test('collections group documents and filter the library', async () => {
  const c = backend.client;
  const col = await c['collections.create']({ name: 'Istanbul round' });
  const docs = await c['documents.list']({});
  await c['documents.update']({ id: docs[1].id, patch: { collectionId: col.id } });
  assert.deepEqual(
    (await c['documents.list']({ collectionId: col.id })).map((d) => d.id),
    [docs[1].id],
  );
  assert.equal((await c['collections.list']({}))[0].documentCount, 1);
  await assert.rejects(c['collections.create']({ name: 'istanbul ROUND' }), /already exists/);
  await c['collections.delete']({ id: col.id });
  assert.equal((await c['documents.get']({ id: docs[1].id })).collectionId, null, 'documents stay, ungrouped');
});

test('filters by document and by tag apply to every kind', async () => {
  const c = backend.client;
  const docs = await c['documents.list']({});
  const [first, second] = await Promise.all([
    c['documents.get']({ id: docs[2].id }),
    c['documents.get']({ id: docs[3].id }),
  ]);
  const tag = await c['tags.create']({ name: 'filter-check' });
  const at = first.text.search(/\bembassy\b/i);
  const h = await c['highlights.create']({ documentId: first.id, start: at, end: at + 7, tagIds: [tag.id] });
  await c['notes.save']({ highlightId: h.id, content: '{"type":"doc"}', text: 'embassy note for the filter check' });
  await c['notes.save']({ documentId: second.id, content: '{"type":"doc"}', text: 'embassy note on another report' });

  const tagged = await c['search.query']({ query: 'embassy', tagId: tag.id, limit: 200 });
  assert.deepEqual(
    new Set(tagged.map((x) => `${x.kind}:${x.id}`)),
    new Set([`document:${first.id}`, `highlight:${h.id}`, `note:${tagged.find((x) => x.kind === 'note')?.id}`]),
  );
  const inSecond = await c['search.query']({ query: 'embassy', documentId: second.id, limit: 200 });
  assert.ok(inSecond.length >= 2 && inSecond.every((x) => x.documentId === second.id), JSON.stringify(inSecond));
  assert.deepEqual(
    await c['search.query']({ query: 'embassy', kinds: ['note', 'note'], documentId: second.id }).then(
      (hits) => hits.length,
    ),
    1,
    'a kind named twice is searched once',
  );
});
