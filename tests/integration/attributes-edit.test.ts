// Editing attribute definitions after documents carry values: a rename (values follow), new choices of a
// one-of-a-list attribute (renamed choices carry their documents; a choice still in use cannot be dropped), each one
// undoable step; and filtering by a date range, DateTime values included, in the library, retrieval and search.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { GlossClient } from '../../shared/api.js';
import { startBackend, type TestBackend } from '../support/backend.js';
import { makeQdpx } from '../support/refiQda.js';

let backend: TestBackend;
let c: GlossClient;
const doc: Record<string, number> = {};
let tagId: number;

before(async () => {
  backend = await startBackend({ seeds: false });
  c = backend.client;
  for (const name of ['alpha', 'bravo', 'charlie', 'delta']) {
    const text = `${name} report one.\n\n${name} report two.\n`;
    const r = await c['documents.import']({ fileName: `${name}.txt`, base64: Buffer.from(text).toString('base64') });
    doc[name] = r.document!.id;
  }
  tagId = (await c['tags.create']({ name: 'Reports' })).id;
  for (const id of Object.values(doc))
    await c['highlights.create']({ documentId: id, start: 0, end: 5, tagIds: [tagId] });
});
after(() => backend.close());

const valuesOf = async (name: string) =>
  Object.fromEntries(
    await Promise.all(
      Object.entries(doc).map(async ([key, id]) => [
        key,
        (await c['attributes.forDocument']({ documentId: id })).find((a) => a.name === name)?.value ?? null,
      ]),
    ),
  ) as Record<string, string | null>;

test('rename an attribute: values follow, filters use the new name, undo brings the old one back', async () => {
  const outlet = await c['attributes.define']({ name: 'Outlet', kind: 'text' });
  await c['attributes.define']({ name: 'Country', kind: 'text' });
  await c['attributes.set']({ definitionId: outlet.id, documentIds: [doc.alpha, doc.bravo], value: 'TASS' });
  await assert.rejects(
    c['attributes.updateDefinition']({ id: outlet.id, name: 'country' }),
    /already an attribute called “country”/,
  );
  const renamed = await c['attributes.updateDefinition']({ id: outlet.id, name: 'Source' });
  assert.deepEqual([renamed.name, renamed.documentCount], ['Source', 2]);
  assert.deepEqual(await valuesOf('Source'), { alpha: 'TASS', bravo: 'TASS', charlie: null, delta: null });
  assert.equal((await c['documents.page']({ attributes: [{ name: 'Source', equals: 'TASS' }] })).total, 2);
  assert.equal((await c['documents.page']({ attributes: [{ name: 'Outlet', equals: 'TASS' }] })).total, 0);
  // A change of case alone is a rename too.
  assert.equal((await c['attributes.updateDefinition']({ id: outlet.id, name: 'source' })).name, 'source');

  await c['history.undo']({});
  await c['history.undo']({});
  const [back] = await c['attributes.definitions']({});
  assert.equal(back.name, 'Outlet');
  assert.deepEqual(await valuesOf('Outlet'), { alpha: 'TASS', bravo: 'TASS', charlie: null, delta: null });
  await c['history.redo']({});
  assert.equal((await c['attributes.definitions']({}))[0].name, 'Source');
  for (const d of await c['attributes.definitions']({})) await c['attributes.deleteDefinition']({ id: d.id });
});

test('edit choices: add, rename (values follow, even a swap), refuse to drop one in use, undo', async () => {
  const type = await c['attributes.define']({
    name: 'Outlet type',
    kind: 'choice',
    choices: ['State', 'Privat', 'Wire'],
  });
  await c['attributes.set']({ definitionId: type.id, documentIds: [doc.alpha, doc.bravo], value: 'State' });
  await c['attributes.set']({ definitionId: type.id, documentIds: [doc.charlie], value: 'Privat' });
  await c['attributes.set']({ definitionId: type.id, documentIds: [doc.delta], value: 'Wire' });

  // Dropping a choice that documents have is refused, naming them; nothing changes.
  const before = await c['history.state']({});
  await assert.rejects(c['attributes.updateDefinition']({ id: type.id, choices: ['State', 'Privat'] }), (e: Error) => {
    assert.match(e.message, /“Wire” cannot be removed while a document has it: “delta report one”\./);
    assert.match(e.message, /Set it to another choice first, or rename the choice instead/);
    return true;
  });
  await assert.rejects(
    c['attributes.updateDefinition']({ id: type.id, choices: ['Wire'] }),
    /“State”, “Privat” cannot be removed while 3 documents have them: “alpha report one”, “bravo report one”, “charlie report one”\. Set them/,
  );
  assert.deepEqual(await c['history.state']({}), before);
  assert.deepEqual((await c['attributes.definitions']({}))[0].choices, ['State', 'Privat', 'Wire']);

  // Fix a typo, add a choice, and swap two names in one edit: each document keeps what it meant.
  const edited = await c['attributes.updateDefinition']({
    id: type.id,
    choices: ['Wire', 'Private', 'Public broadcaster', 'State'],
    renamedChoices: [
      { from: 'Privat', to: 'Private' },
      { from: 'State', to: 'Wire' },
      { from: 'Wire', to: 'State' },
    ],
  });
  assert.deepEqual(edited.choices, ['Wire', 'Private', 'Public broadcaster', 'State']);
  assert.deepEqual(await valuesOf('Outlet type'), {
    alpha: 'Wire',
    bravo: 'Wire',
    charlie: 'Private',
    delta: 'State',
  });
  await assert.rejects(
    c['attributes.updateDefinition']({
      id: type.id,
      choices: ['Wire'],
      renamedChoices: [{ from: 'Blog', to: 'Wire' }],
    }),
    /“Blog” is not a choice of Outlet type/,
  );
  await assert.rejects(
    c['attributes.updateDefinition']({ id: type.id, choices: ['Wire'], renamedChoices: [{ from: 'State', to: 'TV' }] }),
    /“TV” is not among the new choices/,
  );
  // A choice nobody has can go; the case of a choice can change and its values follow.
  await c['attributes.updateDefinition']({ id: type.id, choices: ['wire', 'Private', 'State'] });
  assert.equal((await valuesOf('Outlet type')).alpha, 'wire');
  const text = await c['attributes.define']({ name: 'Notes', kind: 'text' });
  await assert.rejects(c['attributes.updateDefinition']({ id: text.id, choices: ['a'] }), /has no choices/);

  await c['history.undo']({});
  await c['history.undo']({});
  await c['history.undo']({});
  assert.deepEqual((await c['attributes.definitions']({}))[0].choices, ['State', 'Privat', 'Wire']);
  assert.deepEqual(await valuesOf('Outlet type'), {
    alpha: 'State',
    bravo: 'State',
    charlie: 'Privat',
    delta: 'Wire',
  });
  for (const d of await c['attributes.definitions']({})) await c['attributes.deleteDefinition']({ id: d.id });
});

test('date range: from–to over Date and DateTime values, in the library, retrieval and search', async () => {
  const published = await c['attributes.define']({ name: 'Published', kind: 'date' });
  const set = (id: number, value: string) =>
    c['attributes.set']({ definitionId: published.id, documentIds: [id], value });
  await set(doc.alpha, '2025-02-26');
  await set(doc.bravo, '2025-02-27');
  await set(doc.charlie, '2025-03-15');
  const range = (min?: string, max?: string) => [{ name: 'Published', ...(min && { min }), ...(max && { max }) }];
  const library = async (min?: string, max?: string) =>
    (await c['documents.page']({ attributes: range(min, max), sort: 'title' })).ids;
  assert.deepEqual(await library('2025-02-27', '2025-03-31'), [doc.bravo, doc.charlie]);
  assert.deepEqual(await library('2025-02-26', '2025-02-27'), [doc.alpha, doc.bravo]);
  assert.deepEqual(await library(undefined, '2025-02-26'), [doc.alpha]);
  assert.deepEqual(await library('2025-03-01'), [doc.charlie]);
  // Neither bound: every document with a date (delta has none).
  assert.deepEqual(await library(), [doc.alpha, doc.bravo, doc.charlie]);

  const retrieved = async (min?: string, max?: string) =>
    (await c['retrieval.query']({ query: { terms: [{ tagId }], attributes: range(min, max) } })).segments.map(
      (s) => s.highlight.documentId,
    );
  assert.deepEqual(await retrieved('2025-02-27', '2025-02-27'), [doc.bravo]);
  const memo = await c['retrieval.draftMemo']({
    title: 'Late February',
    query: { terms: [{ tagId }], attributes: range('2025-02-27', '2025-03-31') },
  });
  assert.match(memo.content, /Reports, where Published from 2025-02-27 to 2025-03-31/);
  const hits = await c['search.query']({ query: 'report', kinds: ['document'], attributes: range('2025-03-01') });
  assert.deepEqual([...new Set(hits.map((x) => x.documentId))], [doc.charlie]);

  for (const d of await c['attributes.definitions']({})) await c['attributes.deleteDefinition']({ id: d.id });
});

test('date range: a DateTime value on the last day of the range lies within it', async () => {
  const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const bytes = await makeQdpx({
    variables: [{ guid: guid(1), name: 'Received', type: 'DateTime' }],
    sources: [
      {
        guid: guid(2),
        name: 'Cable',
        text: 'A cable received in the morning.',
        attributes: [{ variableGuid: guid(1), value: '2025-02-27T09:30:00Z' }],
        selections: [],
      },
    ],
  });
  await c['exchange.importProject']({ fileName: 'cable.qdpx', base64: bytes.toString('base64') });
  const [received] = await c['attributes.definitions']({});
  assert.deepEqual([received.name, received.type, received.kind], ['Received', 'DateTime', 'date']);
  const within = async (min: string, max: string) =>
    (await c['documents.page']({ attributes: [{ name: 'Received', min, max }] })).total;
  assert.equal(await within('2025-02-27', '2025-02-27'), 1);
  assert.equal(await within('2025-02-20', '2025-02-26'), 0);
  assert.equal(await within('2025-02-28', '2025-03-01'), 0);
});
