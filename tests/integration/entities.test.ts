// Entities and the timeline on the sample corpus, through the real backend: reading runs in a worker in the
// background; the people and places of the Istanbul talks are found with their aliases merged; every edit
// (rename, merge, split, delete, code as a tag, correct a date) is undone by history.undo.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { whenRead } from '../../electron/entities/service.js';
import type { EntityIndex } from '../../shared/types.js';
import { startBackend, type TestBackend } from '../support/backend.js';

let backend: TestBackend;

before(async () => {
  backend = await startBackend();
});
after(() => backend.close());

async function readAll(): Promise<EntityIndex> {
  const first = await backend.client['entities.index']({});
  assert.equal(first.progress.total, 5);
  await whenRead(backend.workspace.project.db);
  return backend.client['entities.index']({});
}

const byName = (index: EntityIndex, name: string) => index.entities.find((e) => e.name === name);

test('the seed reports’ people and places are found, their aliases merged', async () => {
  const index = await readAll();
  assert.equal(index.progress.done, 5);
  const putin = byName(index, 'Vladimir Putin');
  assert.ok(putin, 'Vladimir Putin is an entity');
  assert.equal(putin.kind, 'person');
  assert.equal(putin.documents, 4, 'named in every report but seeds/003, which never names him');
  assert.equal(index.entities.filter((e) => /putin/i.test(e.name)).length, 1, '“Putin” alone is the same entity');
  const detail = await backend.client['entities.get']({ entityId: putin.id });
  const written = detail.aliases.map((a) => a.text);
  assert.ok(written.includes('Putin') && written.includes('Vladimir Putin'), written.join(', '));
  assert.ok(detail.mentions.every((m) => /Putin/.test(m.text) && m.context.includes(m.text)));
  for (const name of ['Sergey Lavrov', 'Marco Rubio', 'Donald Trump', 'Istanbul']) assert.ok(byName(index, name), name);
  const turkey = byName(index, 'Turkey');
  assert.ok(turkey && turkey.kind === 'place');
  const turkeyDetail = await backend.client['entities.get']({ entityId: turkey.id });
  const spellings = turkeyDetail.aliases.map((a) => a.text);
  assert.ok(spellings.includes('Turkey') && spellings.some((s) => /T[uü]rkiye/.test(s)), spellings.join(', '));
  const zelensky = index.entities.filter((e) => /^Volodymyr Zelensk/.test(e.name));
  assert.equal(zelensky.length, 1, 'Zelenskyy, Zelenskiy and Zelensky are one person');
});

test('rename, merge, split, delete and code as a tag are each one undoable edit', async () => {
  const api = backend.client;
  const index = await readAll();
  const lavrov = byName(index, 'Sergey Lavrov')!;
  const moscow = byName(index, 'Moscow')!;
  const washington = byName(index, 'Washington')!;

  const renamed = await api['entities.rename']({ entityId: lavrov.id, name: 'Sergei Lavrov' });
  assert.equal(renamed.name, 'Sergei Lavrov');
  await api['history.undo']({});
  assert.equal((await api['entities.get']({ entityId: lavrov.id })).entity.name, 'Sergey Lavrov');

  const merged = await api['entities.merge']({ sourceIds: [washington.id], targetId: moscow.id });
  assert.equal(merged.mentions, moscow.mentions + washington.mentions);
  await assert.rejects(api['entities.get']({ entityId: washington.id }), /not found|no entity/i);
  await api['history.undo']({});
  const after = await api['entities.index']({});
  assert.equal(byName(after, 'Washington')?.mentions, washington.mentions);
  assert.equal(byName(after, 'Moscow')?.mentions, moscow.mentions);

  const detail = await api['entities.get']({ entityId: moscow.id });
  const first = detail.mentions[0];
  const split = await api['entities.split']({ entityId: moscow.id, mentionIds: [first.id], name: 'Moscow (city)' });
  assert.equal(split.mentions, 1);
  assert.equal((await api['entities.get']({ entityId: moscow.id })).entity.mentions, moscow.mentions - 1);
  await api['history.undo']({});
  assert.equal((await api['entities.get']({ entityId: moscow.id })).entity.mentions, moscow.mentions);

  await api['entities.delete']({ entityId: lavrov.id });
  assert.equal(byName(await api['entities.index']({}), 'Sergey Lavrov'), undefined);
  await api['history.undo']({});
  assert.equal(byName(await api['entities.index']({}), 'Sergey Lavrov')?.mentions, lavrov.mentions);

  const { tag, coded } = await api['entities.toTag']({ entityId: lavrov.id });
  assert.equal(tag.name, 'Sergey Lavrov');
  assert.equal(coded, lavrov.mentions);
  const highlights = (await api['highlights.list']({})).filter((h) => h.tagIds.includes(tag.id));
  assert.equal(highlights.length, lavrov.mentions);
  assert.ok(highlights.every((h) => /Lavrov/.test(h.exact)));
  await api['history.undo']({});
  assert.equal((await api['highlights.list']({})).filter((h) => h.tagIds.includes(tag.id)).length, 0);
});

test('the timeline resolves relative dates against the publication date, and a date can be corrected', async () => {
  const api = backend.client;
  await readAll();
  const before = await api['timeline.events']({});
  const thursday = before.events.find((e) => e.dateText.startsWith('on Thursday'));
  assert.ok(thursday, 'an “on Thursday” event');
  assert.equal(thursday.day, null, 'no publication date: left undated');
  await api['documents.update']({ id: thursday.documentId, patch: { publishedAt: '2025-02-28' } });
  await whenRead(backend.workspace.project.db);
  await api['timeline.events']({});
  await whenRead(backend.workspace.project.db);
  const resolved = await api['timeline.events']({});
  const event = resolved.events.find(
    (e) => e.documentId === thursday.documentId && e.start === thursday.start && e.dateText === thursday.dateText,
  );
  assert.ok(event);
  assert.equal(event.day, '2025-02-27', 'Thursday before a Friday publication');
  const corrected = await api['timeline.setDate']({ eventId: event.id, day: '2025-02-26' });
  assert.equal(corrected.day, '2025-02-26');
  assert.ok(corrected.corrected);
  await api['history.undo']({});
  const undone = (await api['timeline.events']({})).events.find((e) => e.id === event.id)!;
  assert.equal(undone.day, '2025-02-27');
  assert.equal(undone.corrected, false);
  await assert.rejects(api['timeline.setDate']({ eventId: event.id, day: '2025-02-30' }), /calendar day/);
});

test('a deleted entity is not found again when its documents are read again', async () => {
  const api = backend.client;
  const index = await readAll();
  const kremlin = byName(index, 'Kremlin')!;
  const { mentions } = await api['entities.get']({ entityId: kremlin.id });
  await api['entities.delete']({ entityId: kremlin.id });
  // A new publication date makes the reader read the document again.
  await api['documents.update']({ id: mentions[0].documentId, patch: { publishedAt: '2025-03-03' } });
  await api['entities.index']({});
  await whenRead(backend.workspace.project.db);
  const after = await api['entities.index']({});
  assert.equal(after.progress.done, 5);
  assert.equal(byName(after, 'Kremlin'), undefined);
  await api['history.undo']({});
  await api['history.undo']({});
  await api['entities.index']({});
  await whenRead(backend.workspace.project.db);
  assert.equal(byName(await api['entities.index']({}), 'Kremlin')?.mentions, kremlin.mentions);
});
