// The renderer store patches exactly what a write's ChangeSet names, keeps each document's highlights in reading
// order, and wakes only the slices that changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GlossClient } from '../../../shared/api';
import type { DocumentSummary, Highlight, Note, Tag } from '../../../shared/types';
import { slices, Store } from '../../../renderer/store/store';

const highlight = (id: number, documentId: number, start: number, end: number, tagIds: number[] = []): Highlight => ({
  id,
  documentId,
  start,
  end,
  exact: 'x',
  prefix: '',
  suffix: '',
  color: null,
  orphaned: false,
  tagIds,
  createdAt: '',
  updatedAt: '',
});
const tag = (id: number, name: string, highlightCount = 0): Tag => ({
  id,
  name,
  color: '#f2c14e',
  description: '',
  parentId: null,
  createdAt: '',
  codable: true,
  highlightCount,
});
const note = (id: number, highlightId: number | null, documentId: number, text: string): Note => ({
  id,
  highlightId,
  documentId,
  content: '{}',
  text,
  createdAt: '',
  updatedAt: '',
});
const doc = (id: number, title: string): DocumentSummary => ({
  id,
  title,
  outlet: null,
  author: null,
  publishedAt: null,
  url: null,
  format: 'txt',
  sourceName: null,
  notes: '',
  collectionId: null,
  length: 100,
  contentHash: 'h',
  importedAt: '',
  updatedAt: '',
  highlightCount: 0,
  tagCount: 0,
});

/** A client that answers the reads the store makes and counts them; writes never reach it here. */
function fakeClient(calls: string[]): GlossClient {
  const answers: Record<string, unknown> = {
    'highlights.list': [highlight(2, 7, 50, 60), highlight(1, 7, 10, 20)],
    'notes.list': [note(9, 1, 7, 'first note')],
    'tags.list': [tag(3, 'Visas', 1)],
  };
  return new Proxy(
    {},
    {
      get: (_target, op: string) => async () => {
        calls.push(op);
        return answers[op];
      },
    },
  ) as GlossClient;
}

async function loadedStore() {
  const calls: string[] = [];
  const store = new Store();
  store.attach(fakeClient(calls));
  await Promise.all([store.loadAnnotations(7), store.loadTags(), store.loadAnnotations(7)]);
  return { store, calls };
}

test("loads a document's annotations once, in reading order", async () => {
  const { store, calls } = await loadedStore();
  assert.deepEqual(calls.sort(), ['highlights.list', 'notes.list', 'tags.list']);
  assert.deepEqual(
    store.highlightsOf(7).map((h) => h.id),
    [1, 2],
  );
  await store.loadAnnotations(7);
  assert.equal(calls.length, 3, 'a second load is free');
});

test("a created highlight is inserted in order; only its document's slice and the tags wake", async () => {
  const { store } = await loadedStore();
  const woke: string[] = [];
  for (const slice of [slices.highlights(7), slices.highlights(8), slices.tags, slices.notes(7), slices.document(7)]) {
    store.subscribe(slice, () => woke.push(slice));
  }
  const before = store.version(slices.highlights(8));
  store.apply({
    highlights: { upserted: [highlight(5, 7, 30, 40, [3])], deleted: [] },
    tags: { upserted: [tag(3, 'Visas', 2)], deleted: [] },
    documents: { upserted: [doc(7, 'Report')], deleted: [], created: [] },
  });
  assert.deepEqual(
    store.highlightsOf(7).map((h) => h.id),
    [1, 5, 2],
  );
  assert.equal(store.tags.get(3)!.highlightCount, 2);
  assert.deepEqual(woke.sort(), [slices.document(7), slices.highlights(7), slices.tags].sort());
  assert.equal(store.version(slices.highlights(8)), before);
});

test('updates move a highlight in reading order; deletes remove it and its note', async () => {
  const { store } = await loadedStore();
  store.apply({ highlights: { upserted: [highlight(1, 7, 70, 80)], deleted: [] } });
  assert.deepEqual(
    store.highlightsOf(7).map((h) => h.id),
    [2, 1],
  );
  store.apply({ highlights: { upserted: [], deleted: [1] }, notes: { upserted: [], deleted: [9] } });
  assert.deepEqual(
    store.highlightsOf(7).map((h) => h.id),
    [2],
  );
  assert.deepEqual(store.notesOf(7), []);
});

test('changes for a document whose annotations are not loaded are not half-applied', async () => {
  const { store } = await loadedStore();
  store.apply({ highlights: { upserted: [highlight(40, 99, 0, 5)], deleted: [] } });
  assert.equal(store.highlights.has(40), false);
  assert.deepEqual(store.highlightsOf(99), []);
});

test("created or deleted documents wake the library's order; a renamed one wakes only its row", async () => {
  const { store } = await loadedStore();
  let orderWoke = 0;
  store.subscribe(slices.documentSet, () => orderWoke++);
  store.apply({ documents: { upserted: [doc(7, 'Renamed')], deleted: [], created: [] } });
  assert.equal(orderWoke, 0);
  assert.equal(store.documents.get(7)!.title, 'Renamed');
  store.apply({ documents: { upserted: [doc(8, 'New')], deleted: [], created: [8] } });
  store.apply({ documents: { upserted: [], deleted: [7], created: [] } });
  assert.equal(orderWoke, 2);
  assert.equal(store.documents.has(7), false);
});

test('reset forgets everything so the next project loads afresh', async () => {
  const { store, calls } = await loadedStore();
  store.reset();
  assert.equal(store.highlights.size, 0);
  await store.loadAnnotations(7);
  assert.equal(calls.filter((c) => c === 'highlights.list').length, 2);
});

test('a library row drawn before its document arrived wakes when a page brings it (after a reset)', async () => {
  const { store } = await loadedStore();
  store.putDocuments([doc(7, 'Seen')]);
  store.reset();
  let rowWoke = 0;
  store.subscribe(slices.document(7), () => rowWoke++);
  store.putDocuments([doc(7, 'Seen again')]);
  assert.equal(rowWoke, 1, 'the placeholder row hears that its document is known');
  store.putDocuments([doc(7, 'Seen again')]);
  assert.equal(rowWoke, 1, 'a page that brings nothing new wakes nothing');
  assert.equal(store.documents.get(7)!.title, 'Seen again');
});
