// A project read for entities before mentions were stored in document order (schema 12) opens with every mention
// where it was; an entity deleted before the upgrade is put back by undo after it, and new mentions never take the
// id of one an undo may put back.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { migrate, schemaVersion, type Db } from '../../electron/db/connection.js';
import { insertDocument } from '../../electron/db/documents.js';
import { deleteEntity, entitySummary, mentionWriter, mentionsOf } from '../../electron/db/entities.js';
import { migrations } from '../../electron/db/migrations/index.js';
import { recordEdit, undoLast } from '../../electron/db/oplog.js';
import { contentHash } from '../../electron/import/text.js';
import { tempDir } from '../support/temp.js';

const TEXT = 'Vladimir Putin met Marco Rubio in Istanbul. Putin said Istanbul was ready.';
const at = (words: string, from = 0) => ({
  start: TEXT.indexOf(words, from),
  end: TEXT.indexOf(words, from) + words.length,
});

function schema12Project(): { db: Db; documentId: number; putin: number; istanbul: number } {
  const db = new Database(path.join(tempDir(), 'Old.gloss')) as Db;
  migrate(
    db,
    migrations.filter((m) => m.version <= 12),
  );
  const documentId = insertDocument(db, { title: 'Talks', format: 'txt', text: TEXT, contentHash: contentHash(TEXT) });
  const entity = (kind: string, name: string) =>
    Number(db.prepare('INSERT INTO entities (kind, name) VALUES (?, ?)').run(kind, name).lastInsertRowid);
  const putin = entity('person', 'Vladimir Putin');
  const istanbul = entity('place', 'Istanbul');
  const mention = (entityId: number, span: { start: number; end: number }) =>
    db
      .prepare('INSERT INTO entity_mentions (entity_id, document_id, start_offset, end_offset) VALUES (?, ?, ?, ?)')
      .run(entityId, documentId, span.start, span.end);
  mention(putin, at('Vladimir Putin'));
  mention(istanbul, at('Istanbul'));
  mention(putin, at('Putin', 20));
  mention(istanbul, at('Istanbul', 50));
  return { db, documentId, putin, istanbul };
}

test('mentions keep their offsets and ids through the upgrade, and a deletion from before it still undoes', () => {
  const { db, documentId, putin, istanbul } = schema12Project();
  const before = db
    .prepare(
      'SELECT id, start_offset AS start, end_offset AS "end" FROM entity_mentions WHERE entity_id = ? ORDER BY id',
    )
    .all(istanbul);
  recordEdit(db, { operation: 'entities.delete', label: 'Delete Istanbul' }, () => deleteEntity(db, istanbul));
  // The highest id went with the deleted entity: it must not be given out again.
  migrate(db);
  assert.equal(schemaVersion(db), migrations.at(-1)!.version);

  const putins = mentionsOf(db, putin, 10);
  assert.deepEqual(
    putins.map((m) => TEXT.slice(m.start, m.end)),
    ['Vladimir Putin', 'Putin'],
  );
  assert.equal(entitySummary(db, istanbul), undefined, 'deleted with its mentions');
  undoLast(db);
  const after = mentionsOf(db, istanbul, 10);
  assert.deepEqual(
    after.map(({ id, start, end }) => ({ id, start, end })),
    before,
    'the deleted mentions are back with their ids and offsets',
  );
  assert.deepEqual(
    after.map((m) => TEXT.slice(m.start, m.end)),
    ['Istanbul', 'Istanbul'],
  );

  const write = mentionWriter(db);
  db.transaction(() => write({ entityId: putin, documentId, ...at('Putin', 50) }))();
  const added = mentionsOf(db, putin, 10).find((m) => m.start === at('Putin', 50).start);
  const highest = Math.max(...after.map((m) => m.id), ...putins.map((m) => m.id));
  assert.ok(added && added.id > highest, `a new mention takes a new id (${added?.id} after ${highest})`);
  db.close();
});
