import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { reanchorDocument } from '../../electron/anchoring/reanchorDocument.js';
import { startBackend, type TestBackend } from '../support/backend.js';

let backend: TestBackend;
let docA: { id: number; text: string };
let docB: { id: number; text: string };
before(async () => {
  backend = await startBackend();
  const docs = await backend.client['documents.list']({});
  docA = await backend.client['documents.get']({ id: docs[0].id });
  docB = await backend.client['documents.get']({ id: docs[2].id });
});
after(() => backend.close());

const span = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, `phrase not in text: ${phrase}`);
  return { start, end: start + phrase.length };
};

test('a highlight stores position and quote selectors computed from the text', async () => {
  const h = await backend.client['highlights.create']({
    documentId: docA.id,
    ...span(docA.text, 'staffing levels, visa procedures'),
  });
  assert.equal(h.exact, 'staffing levels, visa procedures');
  assert.ok(docA.text.slice(0, h.start).endsWith(h.prefix));
  assert.ok(docA.text.slice(h.end).startsWith(h.suffix));
  assert.equal(h.prefix.length, 32);
  await assert.rejects(
    backend.client['highlights.create']({ documentId: docA.id, start: 0, end: docA.text.length + 5 }),
    /past the end/,
  );
  await assert.rejects(
    backend.client['highlights.create']({ documentId: docA.id, start: 5, end: 5 }),
    /end must be after start/,
  );
});

test('tags: create, nest without cycles, assign in order, merge, delete with each passage policy', async () => {
  const c = backend.client;
  const staffing = await c['tags.create']({ name: 'embassy staffing' });
  assert.match(staffing.color, /^#[0-9a-f]{6}$/i);
  await assert.rejects(c['tags.create']({ name: 'Embassy Staffing' }), /already exists/);
  const diplomacy = await c['tags.create']({ name: 'diplomacy', description: 'Diplomatic process' });
  await c['tags.update']({ id: staffing.id, parentId: diplomacy.id });
  await assert.rejects(c['tags.update']({ id: diplomacy.id, parentId: staffing.id }), /nested inside itself/);

  const h1 = await c['highlights.create']({
    documentId: docA.id,
    ...span(docA.text, 'diplomatic banking'),
    tagIds: [staffing.id, diplomacy.id],
  });
  assert.deepEqual(h1.tagIds, [staffing.id, diplomacy.id]);
  const banks = await c['tags.create']({ name: 'banks' });
  await c['highlights.update']({ id: h1.id, tagIds: [banks.id] });
  await c['tags.merge']({ sourceId: banks.id, targetId: diplomacy.id });
  assert.deepEqual((await c['highlights.list']({ documentId: docA.id })).find((h) => h.id === h1.id)!.tagIds, [
    diplomacy.id,
  ]);
  assert.equal(
    (await c['tags.list']({})).some((t) => t.id === banks.id),
    false,
  );

  const temp = await c['tags.create']({ name: 'temporary' });
  const h2 = await c['highlights.create']({ documentId: docB.id, start: 0, end: 20, tagIds: [temp.id] });
  await c['tags.delete']({ id: temp.id, passages: 'untag' });
  assert.deepEqual((await c['highlights.list']({ documentId: docB.id })).find((h) => h.id === h2.id)!.tagIds, []);
  const doomed = await c['tags.create']({ name: 'doomed' });
  await c['highlights.update']({ id: h2.id, tagIds: [doomed.id] });
  await c['tags.delete']({ id: doomed.id, passages: 'delete' });
  assert.equal(
    (await c['highlights.list']({ documentId: docB.id })).some((h) => h.id === h2.id),
    false,
  );
  await assert.rejects(c['tags.delete']({ id: diplomacy.id, passages: 'reassign' }), /reassign needs reassignTo/);
});

test('delete returns a snapshot; undo brings back the same id, tags and note; a forged restore is impossible', async () => {
  const c = backend.client;
  const tag = await c['tags.create']({ name: 'restore-me' });
  const h = await c['highlights.create']({ documentId: docB.id, ...span(docB.text, 'Istanbul'), tagIds: [tag.id] });
  await c['notes.save']({ highlightId: h.id, content: '{"type":"doc"}', text: 'why this matters' });
  const snapshot = await c['highlights.delete']({ id: h.id });
  assert.equal(snapshot.note?.text, 'why this matters');
  await assert.rejects(c['highlights.delete']({ id: h.id }), /no highlight/);
  await c['history.undo']({});
  const restored = (await c['highlights.list']({ documentId: docB.id })).find((x) => x.id === h.id)!;
  assert.deepEqual(restored.tagIds, [tag.id]);
  assert.equal((await c['notes.forHighlight']({ highlightId: h.id }))?.text, 'why this matters');
  // Undo runs from the project's own log: there is no operation that takes a highlight record from the caller.
  const forged = await backend.dispatch('highlights.restore', {
    highlight: { ...snapshot.highlight, id: 2 ** 53 - 1 },
    note: null,
  });
  assert.equal(forged.ok, false);
  assert.equal(!forged.ok && forged.error.code, 'unknown_operation');
});

test('theme view: AND/OR across documents, in document order, with context', async () => {
  const c = backend.client;
  const russia = await c['tags.create']({ name: 'russia' });
  const talks = await c['tags.create']({ name: 'talks' });
  const a = await c['highlights.create']({
    documentId: docA.id,
    ...span(docA.text, 'Vladimir Putin'),
    tagIds: [russia.id, talks.id],
  });
  const b = await c['highlights.create']({ documentId: docB.id, ...span(docB.text, 'Istanbul'), tagIds: [talks.id] });
  const or = await c['themes.passages']({ tagIds: [russia.id, talks.id], mode: 'or' });
  assert.deepEqual(or.flatMap((g) => g.passages.map((p) => p.highlight.id)).sort(), [a.id, b.id].sort());
  assert.equal(or[0].document.id, docA.id);
  const and = await c['themes.passages']({ tagIds: [russia.id, talks.id], mode: 'and' });
  assert.deepEqual(
    and.flatMap((g) => g.passages.map((p) => p.highlight.id)),
    [a.id],
  );
  const passage = and[0].passages[0];
  assert.ok(docA.text.slice(0, a.start).endsWith(passage.before));
  assert.ok(docA.text.slice(a.end).startsWith(passage.after));
});

test('theme outline: every passage placed by id, the first rows in full, the rest read by id with headings', async () => {
  const c = backend.client;
  const tag = await c['tags.create']({ name: 'outline' });
  const made: number[] = [];
  for (const doc of [docB, docA]) {
    for (let i = 0; i < 40; i++) {
      const h = await c['highlights.create']({ documentId: doc.id, start: i * 6, end: i * 6 + 5, tagIds: [tag.id] });
      made.push(h.id);
    }
  }
  await c['grades.setDocument']({ documentId: docB.id, reliability: 'B' });
  const full = await c['themes.passages']({ tagIds: [tag.id], mode: 'or' });
  const outline = await c['themes.outline']({ tagIds: [tag.id], mode: 'or' });
  const order = (groups: { passages: unknown[] }[], idOf: (p: never) => number) =>
    groups.flatMap((g) => g.passages.map((p) => idOf(p as never)));
  // Same passages, same order as the full list, grouped by the same documents, with each document's grade.
  assert.deepEqual(
    order(outline.groups, (p: { id: number }) => p.id),
    order(full, (p: { highlight: { id: number } }) => p.highlight.id),
  );
  assert.deepEqual(
    outline.groups.map((g) => [g.documentId, g.reliability]),
    full.map((g) => [g.document.id, g.reliability ?? null]),
  );
  const all = order(outline.groups, (p: { id: number }) => p.id);
  assert.equal(all.length, made.length);
  assert.deepEqual(
    outline.first.passages.map((p) => p.highlight.id),
    all.slice(0, outline.first.passages.length),
  );
  assert.ok(outline.first.passages.length < all.length, 'not every row is sent with the outline');
  assert.deepEqual(
    outline.first.documents.map((d) => d.id),
    [...new Set(outline.first.passages.map((p) => p.highlight.documentId))],
    "the first rows come with their groups' headings",
  );
  const later = all.slice(-3).reverse();
  const rows = await c['themes.rows']({ highlightIds: later, documentIds: [outline.groups[1].documentId] });
  assert.deepEqual(
    rows.passages.map((p) => p.highlight.id),
    later,
    'rows come back in the order asked',
  );
  assert.equal(rows.documents[0].title, (await c['documents.get']({ id: outline.groups[1].documentId })).title);
  const last = rows.passages[0];
  const text = last.highlight.documentId === docA.id ? docA.text : docB.text;
  assert.equal(last.before, text.slice(Math.max(0, last.highlight.start - 120), last.highlight.start));
  assert.equal(last.after, text.slice(last.highlight.end, last.highlight.end + 120));
  const invalid = await backend.dispatch('themes.rows', { highlightIds: [1.5], documentIds: [] });
  assert.equal(invalid.ok, false);
});

test('matrix: counts per tag per document and co-occurrence on shared and overlapping passages', async () => {
  const c = backend.client;
  const x = await c['tags.create']({ name: 'overlap-x' });
  const y = await c['tags.create']({ name: 'overlap-y' });
  await c['highlights.create']({ documentId: docA.id, start: 10, end: 60, tagIds: [x.id] });
  await c['highlights.create']({ documentId: docA.id, start: 40, end: 90, tagIds: [y.id] });
  await c['highlights.create']({ documentId: docB.id, start: 10, end: 60, tagIds: [x.id] });
  const m = await c['themes.matrix']({});
  const ix = m.tags.findIndex((t) => t.id === x.id);
  const iy = m.tags.findIndex((t) => t.id === y.id);
  const da = m.documents.findIndex((d) => d.id === docA.id);
  const db = m.documents.findIndex((d) => d.id === docB.id);
  assert.equal(m.countsByDocument[ix][da], 1);
  assert.equal(m.countsByDocument[ix][db], 1);
  assert.equal(m.cooccurrence[ix][iy], 1);
  assert.equal(m.cooccurrence[iy][ix], 1);
  assert.equal(m.cooccurrence[ix][ix], 2);
});

test('re-import re-anchors highlights and keeps passages it cannot place as orphaned', async () => {
  const c = backend.client;
  const docs = await c['documents.list']({});
  const doc = await c['documents.get']({ id: docs[4].id });
  const kept = await c['highlights.create']({ documentId: doc.id, ...span(doc.text, 'Sergei Ryabkov') });
  const lost = await c['highlights.create']({ documentId: doc.id, ...span(doc.text, 'Preparations are being made') });
  const edited = `UPDATED.\n\n${doc.text.replace('Preparations are being made', 'Nothing is planned')}`;
  const report = reanchorDocument(backend.workspace.project.db, doc.id, edited);
  assert.deepEqual(report, { placed: 1, orphaned: 1 });
  const after = await c['highlights.list']({ documentId: doc.id });
  const moved = after.find((h) => h.id === kept.id)!;
  assert.equal(edited.slice(moved.start, moved.end), 'Sergei Ryabkov');
  const orphan = after.find((h) => h.id === lost.id)!;
  assert.equal(orphan.orphaned, true);
  assert.equal(orphan.exact, 'Preparations are being made');
});

test('re-importing an edited file through the API re-anchors highlights and reports orphans', async () => {
  const c = backend.client;
  const imported = await c['documents.import']({
    fileName: 'cable.txt',
    base64: Buffer.from(
      'Cable one\n\nThe ambassador met the minister on Monday.\n\nVisas were discussed at length.',
    ).toString('base64'),
  });
  const id = imported.document!.id;
  const text = (await c['documents.get']({ id })).text;
  const keep = await c['highlights.create']({ documentId: id, ...span(text, 'Visas were discussed') });
  const lose = await c['highlights.create']({ documentId: id, ...span(text, 'met the minister on Monday') });
  const edited = 'Cable one (revised)\n\nThe ambassador cancelled.\n\nVisas were discussed at length.';
  const result = await c['documents.reimport']({
    id,
    fileName: 'cable.txt',
    base64: Buffer.from(edited).toString('base64'),
  });
  assert.deepEqual([result.placed, result.orphaned], [1, 1]);
  const after = await c['highlights.list']({ documentId: id });
  assert.equal(after.find((h) => h.id === keep.id)!.orphaned, false);
  assert.equal(after.find((h) => h.id === lose.id)!.orphaned, true);
  await assert.rejects(c['documents.reimport']({ id, fileName: 'cable.png', base64: 'AAAA' }), /not supported/);
});
