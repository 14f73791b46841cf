// The operation log: every edit made through the API is undone by the main process to byte-identical rows,
// redone to exactly what the edit made, survives a restart, and tells the renderer what changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Db } from '../../electron/db/connection.js';
import type { CallResponse, GlossClient } from '../../shared/api.js';
import { startBackend, type TestBackend } from '../support/backend.js';
import { makeQdpx } from '../support/refiQda.js';

const USER_TABLES = [
  'collections',
  'documents',
  'highlights',
  'highlight_tags',
  'tags',
  'notes',
  'memos',
  'coders',
  'document_attributes',
  'exchange_guids',
  'attribute_definitions',
];

/** Every row of every user table, exactly as stored (types included). */
function snapshot(db: Db): string {
  return JSON.stringify(
    USER_TABLES.map((table) => {
      const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
      const typed = columns.map((c) => `typeof("${c}"), "${c}"`).join(', ');
      return db.prepare(`SELECT ${typed} FROM "${table}" ORDER BY 1, 2, 3, 4`).raw().all();
    }),
  );
}

const note = (text: string) => ({
  content: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }),
  text,
});

async function fixture(client: GlossClient) {
  const [doc, other] = await client['documents.list']({});
  const parent = await client['tags.create']({ name: 'Diplomacy' });
  const child = await client['tags.create']({ name: 'Embassies', parentId: parent.id });
  const visas = await client['tags.create']({ name: 'Visas' });
  const h1 = await client['highlights.create']({
    documentId: doc.id,
    start: 10,
    end: 60,
    tagIds: [child.id, visas.id],
  });
  const h2 = await client['highlights.create']({ documentId: doc.id, start: 100, end: 140, tagIds: [child.id] });
  await client['notes.save']({ highlightId: h1.id, ...note('why this matters') });
  await client['notes.save']({ documentId: other.id, ...note('a document note') });
  const collection = await client['collections.create']({ name: 'Istanbul' });
  await client['documents.update']({ id: other.id, patch: { collectionId: collection.id, outlet: 'Reuters' } });
  const memo = await client['memos.create']({ title: 'Findings' });
  return { doc, other, parent, child, visas, h1, h2, collection, memo };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;

const EDITS: [string, (c: GlossClient, f: Fixture) => Promise<unknown>][] = [
  [
    'create a highlight',
    (c, f) => c['highlights.create']({ documentId: f.doc.id, start: 200, end: 250, tagIds: [f.visas.id] }),
  ],
  ['recolour a highlight', (c, f) => c['highlights.update']({ id: f.h1.id, color: '#81c995' })],
  ['retag a highlight', (c, f) => c['highlights.update']({ id: f.h1.id, tagIds: [f.parent.id] })],
  ['move a highlight', (c, f) => c['highlights.update']({ id: f.h2.id, start: 90, end: 150 })],
  ['delete a highlight with its note and tags', (c, f) => c['highlights.delete']({ id: f.h1.id })],
  ['create a tag', (c) => c['tags.create']({ name: 'Sanctions' })],
  [
    'rename, recolour and move a tag',
    (c, f) => c['tags.update']({ id: f.visas.id, name: 'Visa rules', color: '#7cb7e8', parentId: f.parent.id }),
  ],
  ['merge a tag', (c, f) => c['tags.merge']({ sourceId: f.child.id, targetId: f.visas.id })],
  ['delete a tag, keeping its passages', (c, f) => c['tags.delete']({ id: f.child.id, passages: 'untag' })],
  ['delete a tag with its passages', (c, f) => c['tags.delete']({ id: f.child.id, passages: 'delete' })],
  [
    'delete a parent tag, moving passages',
    (c, f) => c['tags.delete']({ id: f.parent.id, passages: 'reassign', reassignTo: f.visas.id }),
  ],
  ['edit a note', (c, f) => c['notes.save']({ highlightId: f.h1.id, ...note('a different thought') })],
  [
    'delete a note',
    async (c, f) => c['notes.delete']({ id: (await c['notes.forHighlight']({ highlightId: f.h1.id }))!.id }),
  ],
  [
    'edit document details',
    (c, f) => c['documents.update']({ id: f.doc.id, patch: { title: 'Renamed', publishedAt: '2025-02-27' } }),
  ],
  ['delete a document', (c, f) => c['documents.delete']({ id: f.doc.id })],
  ['delete a collection', (c, f) => c['collections.delete']({ id: f.collection.id })],
  [
    'import a Chinese report (derived search text restored too)',
    (c) =>
      c['documents.import']({
        fileName: 'zh.txt',
        base64: Buffer.from('美国和俄罗斯外交官在伊斯坦布尔举行会谈。\n\n双方讨论了大使馆的运作。').toString('base64'),
      }),
  ],
  [
    'import a batch of files (one edit)',
    (c) =>
      c['documents.importBatch']({
        files: ['one', 'two', 'three'].map((n) => ({
          fileName: `${n}.txt`,
          base64: Buffer.from(`Report ${n}.\n\nA paragraph about ${n}.`).toString('base64'),
        })),
      }),
  ],
  [
    'import a file',
    (c) =>
      c['documents.import']({
        fileName: 'new.txt',
        base64: Buffer.from('A new report.\n\nWith two paragraphs.').toString('base64'),
      }),
  ],
  [
    're-import an edited file',
    async (c, f) => {
      const { text } = await c['documents.get']({ id: f.doc.id });
      return c['documents.reimport']({
        id: f.doc.id,
        fileName: 'edited.txt',
        base64: Buffer.from(`Preface.\n\n${text}`).toString('base64'),
      });
    },
  ],
  [
    'import a .qdpx',
    async (c) => {
      const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      const bytes = await makeQdpx({
        users: [{ guid: guid(1), name: 'Ana' }],
        codes: [
          { guid: guid(2), name: 'Visas' },
          { guid: guid(3), name: 'Ports' },
        ],
        variables: [{ guid: guid(9), name: 'Region', type: 'Text' }],
        notes: [
          { guid: guid(4), name: 'A note', text: 'on the passage' },
          { guid: guid(8), name: 'Memo', text: 'project' },
        ],
        sources: [
          {
            guid: guid(5),
            name: 'Interview',
            text: 'Visas 😀 and ports\r\nsecond line',
            attributes: [{ variableGuid: guid(9), value: 'North' }],
            selections: [{ guid: guid(6), start: 0, end: 5, codeGuid: guid(2), userGuid: guid(1), noteGuid: guid(4) }],
          },
        ],
      });
      return c['exchange.importProject']({ fileName: 'project.qdpx', base64: bytes.toString('base64') });
    },
  ],
  ['create a memo', (c) => c['memos.create']({ title: 'Second memo' })],
  [
    'edit a memo',
    (c, f) => c['memos.update']({ id: f.memo.id, title: 'Final findings', content: note('Draft').content }),
  ],
  ['delete a memo', (c, f) => c['memos.delete']({ id: f.memo.id })],
  ['draft a memo from tags', (c, f) => c['memos.draftFromTags']({ title: 'Draft', tagIds: [f.child.id] })],
];

for (const [name, edit] of EDITS) {
  test(`undo of "${name}" restores byte-identical rows, and redo replays it exactly`, async () => {
    const backend = await startBackend();
    try {
      const { client, workspace } = backend;
      const f = await fixture(client);
      const db = () => workspace.project.db;
      const before = snapshot(db());
      await edit(client, f);
      const after = snapshot(db());
      assert.notEqual(after, before, 'the edit changed something');
      const undone = await client['history.undo']({});
      assert.ok(undone.entry, 'there was an edit to undo');
      assert.equal(snapshot(db()), before);
      await client['history.redo']({});
      assert.equal(snapshot(db()), after);
      await client['history.undo']({});
      assert.equal(snapshot(db()), before);
      assert.deepEqual(db().pragma('foreign_key_check'), []);
      assert.equal(db().pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      backend.close();
    }
  });
}

test('undoing a tag deletion brings back the tag, its passages and their notes; search finds them again', async () => {
  const backend = await startBackend();
  try {
    const { client } = backend;
    const f = await fixture(client);
    await client['tags.delete']({ id: f.child.id, passages: 'delete' });
    assert.equal(await client['notes.forHighlight']({ highlightId: f.h1.id }), null);
    const step = await client['history.undo']({});
    assert.match(step.entry!.label, /Delete tag “Embassies”/);
    const tags = await client['tags.list']({});
    assert.equal(tags.find((t) => t.id === f.child.id)?.highlightCount, 2);
    assert.equal((await client['notes.forHighlight']({ highlightId: f.h1.id }))?.text, 'why this matters');
    const hits = await client['search.query']({ query: '"why this matters"', kinds: ['note'] });
    assert.equal(hits.length, 1);
  } finally {
    backend.close();
  }
});

test('undo and redo survive a restart; a new edit after undo discards the redo branch', async () => {
  const first = await startBackend();
  const { dataDir } = first;
  const f = await fixture(first.client);
  await first.client['highlights.delete']({ id: f.h2.id });
  first.close();

  const second = await startBackend({ dataDir });
  try {
    const state = await second.client['history.state']({});
    assert.match(state.undo!.label, /^Delete highlight/);
    await second.client['history.undo']({});
    assert.ok((await second.client['highlights.list']({ documentId: f.doc.id })).some((h) => h.id === f.h2.id));
    assert.ok((await second.client['history.state']({})).redo);
    await second.client['tags.create']({ name: 'Fresh' });
    assert.equal((await second.client['history.state']({})).redo, null);
    const nothing = await second.client['history.redo']({});
    assert.equal(nothing.entry, null);
  } finally {
    second.close();
  }
});

test('a burst of typing in one note is one undo step; another note is another', async () => {
  const backend = await startBackend();
  try {
    const { client } = backend;
    const f = await fixture(client);
    const original = (await client['notes.forHighlight']({ highlightId: f.h1.id }))!.text;
    await client['history.undo']({}); // the memo of the fixture
    await client['history.redo']({});
    for (const text of ['w', 'wo', 'wor', 'word']) await client['notes.save']({ highlightId: f.h1.id, ...note(text) });
    await client['notes.save']({ highlightId: f.h2.id, ...note('other') });
    await client['history.undo']({});
    assert.equal(await client['notes.forHighlight']({ highlightId: f.h2.id }), null);
    assert.equal((await client['notes.forHighlight']({ highlightId: f.h1.id }))!.text, 'word');
    await client['history.undo']({});
    assert.equal((await client['notes.forHighlight']({ highlightId: f.h1.id }))!.text, original);
  } finally {
    backend.close();
  }
});

test('a write says what it changed: the new highlight, its document counts and its tags', async () => {
  const backend: TestBackend = await startBackend();
  try {
    const { client, dispatch } = backend;
    const f = await fixture(client);
    const response = (await dispatch('highlights.create', {
      documentId: f.doc.id,
      start: 300,
      end: 340,
      tagIds: [f.visas.id],
    })) as Extract<CallResponse, { ok: true }>;
    assert.ok(response.ok);
    const created = response.result as { id: number };
    const changes = response.changes!;
    assert.deepEqual(
      changes.highlights!.upserted.map((h) => h.id),
      [created.id],
    );
    assert.equal(changes.documents!.upserted[0].id, f.doc.id);
    assert.equal(changes.documents!.upserted[0].highlightCount, 3);
    assert.deepEqual(changes.documents!.created, []);
    assert.equal(changes.tags!.upserted[0].highlightCount, 2);

    const undone = (await dispatch('history.undo', {})) as Extract<CallResponse, { ok: true }>;
    assert.deepEqual(undone.changes!.highlights!.deleted, [created.id]);
    const read = await dispatch('tags.list', {});
    assert.ok(read.ok && !('changes' in read), 'reads carry no changes');
  } finally {
    backend.close();
  }
});
