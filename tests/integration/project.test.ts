import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { migrate, openDatabase, schemaVersion } from '../../electron/db/connection.js';
import { migrations } from '../../electron/db/migrations/index.js';
import { openProject } from '../../electron/project/project.js';
import { seedsDir, tempDir } from '../support/temp.js';

test('migrations build the schema from an empty file', () => {
  const file = path.join(tempDir(), 'empty.gloss');
  const db = openDatabase(file);
  assert.equal(schemaVersion(db), migrations.at(-1)!.version);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all();
  for (const t of [
    'documents',
    'highlights',
    'tags',
    'highlight_tags',
    'notes',
    'memos',
    'documents_fts',
    'highlights_fts',
    'notes_fts',
  ]) {
    assert.ok(tables.includes(t), `missing table ${t}`);
  }
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.equal(migrate(db), schemaVersion(db), 'migrating again is a no-op');
  db.close();
});

test('a project written by a newer Gloss is refused, not damaged', () => {
  const file = path.join(tempDir(), 'newer.gloss');
  openDatabase(file).close();
  const raw = new Database(file);
  raw.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 'x')").run();
  raw.close();
  assert.throws(() => openDatabase(file), /newer Gloss/);
});

test('a SQLite file from another program is not adopted', () => {
  const file = path.join(tempDir(), 'other.sqlite');
  const raw = new Database(file);
  raw.exec('CREATE TABLE customers (id INTEGER)');
  raw.close();
  assert.throws(() => openDatabase(file), /not a Gloss project/);
});

test('a corrupt file gets a clear error', () => {
  const file = path.join(tempDir(), 'corrupt.gloss');
  fs.writeFileSync(file, Buffer.alloc(4096, 7));
  assert.throws(() => openDatabase(file), /not a SQLite database/);
});

test('seeds are imported on first open, exactly once', async () => {
  const file = path.join(tempDir(), 'seeded.gloss');
  const first = await openProject(file, { seedsDir });
  const count = () => first.db.prepare('SELECT COUNT(*) FROM documents').pluck().get();
  assert.equal(count(), 5);
  const titles = first.db.prepare('SELECT title FROM documents ORDER BY id').pluck().all() as string[];
  assert.equal(titles[1], 'Russian and US Diplomats Meet in Turkey for Talks on Repairing Ties');
  first.db.prepare('DELETE FROM documents WHERE id = 1').run();
  first.close();

  const second = await openProject(file, { seedsDir });
  assert.equal(
    second.db.prepare('SELECT COUNT(*) FROM documents').pluck().get(),
    4,
    'no duplicates, and a deleted seed stays deleted',
  );
  second.close();
});

test('seed text keeps its paragraphs and is findable by full-text search', async () => {
  const project = await openProject(path.join(tempDir(), 'fts.gloss'), { seedsDir });
  const text = project.db
    .prepare("SELECT text FROM documents WHERE title LIKE 'US and Russia Diplomats%'")
    .pluck()
    .get() as string;
  assert.ok(text.split('\n\n').length >= 5);
  const hits = project.db.prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'embassy'").all();
  assert.ok(hits.length >= 3);
  project.close();
});
