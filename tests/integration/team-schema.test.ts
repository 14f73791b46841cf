// The outbox triggers carry exactly the columns team sync sends (electron/db/teamSpec.ts), and a project linked to a
// team before schema 15 sends its memos, collections, attributes, grades and structure at its next sync.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { SYNCED_TABLES } from '../../shared/team.js';
import { migrate, type Db } from '../../electron/db/connection.js';
import { insertDocument } from '../../electron/db/documents.js';
import { migrations } from '../../electron/db/migrations/index.js';
import { SYNC_SPEC } from '../../electron/db/teamSpec.js';
import { tempDir } from '../support/temp.js';

function projectAt(version?: number): Db {
  const db = new Database(path.join(tempDir(), 'Team.gloss')) as Db;
  migrate(
    db,
    migrations.filter((m) => version === undefined || m.version <= version),
  );
  return db;
}

test('every synced table has outbox triggers watching exactly its synced columns', () => {
  const db = projectAt();
  for (const table of SYNCED_TABLES) {
    const sql = (kind: string) =>
      db
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")
        .pluck()
        .get(`team_${table}_${kind}`) as string | undefined;
    assert.ok(sql('insert') && sql('delete'), `${table} has insert and delete triggers`);
    const watched = [...(sql('update') ?? '').matchAll(/old\.(\w+) IS NOT new\.\1/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(watched)].sort(), [...SYNC_SPEC[table].columns].sort(), `${table}'s update trigger`);
  }
  db.close();
});

test('a project linked before schema 15 queues what it holds of the newly synced tables', () => {
  const db = projectAt(14);
  const documentId = insertDocument(db, {
    title: 'Talks',
    format: 'txt',
    text: 'Talks in Istanbul.',
    contentHash: 'x',
  });
  const collection = db.prepare("INSERT INTO collections (name) VALUES ('Istanbul')").run().lastInsertRowid;
  db.prepare('UPDATE documents SET collection_id = ? WHERE id = ?').run(collection, documentId);
  db.prepare("INSERT INTO document_structure (document_id, blocks) VALUES (?, '[]')").run(documentId);
  db.prepare("INSERT INTO memos (title, content) VALUES ('Memo', '{}')").run();
  db.prepare("INSERT INTO document_grades (document_id, reliability) VALUES (?, 'B')").run(documentId);
  db.prepare(
    "INSERT INTO team_link (only, url, token, client_id, member) VALUES (1, 'http://team', 't', 'c', '{}')",
  ).run();
  db.prepare('DELETE FROM team_outbox').run();
  migrate(db, migrations);
  const queued = db.prepare('SELECT tbl, kind, fields FROM team_outbox ORDER BY id').all();
  assert.deepEqual(queued, [
    { tbl: 'collections', kind: 'insert', fields: null },
    { tbl: 'documents', kind: 'update', fields: '["collection_id"]' },
    { tbl: 'document_structure', kind: 'insert', fields: null },
    { tbl: 'document_grades', kind: 'insert', fields: null },
    { tbl: 'memos', kind: 'insert', fields: null },
  ]);
  db.close();
});
