// Project files an attacker could hand an analyst: each is refused with a message naming what is wrong, and
// left exactly as it was. Genuine projects (also with migrations Gloss adds later) still open.
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { migrate, openDatabase } from '../../electron/db/connection.js';
import { migrations, type Migration } from '../../electron/db/migrations/index.js';
import { compareSchemas, expectedSchema, normaliseSql, verifyProjectFile } from '../../electron/db/verify.js';
import { createBackend } from '../../electron/backend.js';
import { openWorkspace } from '../../electron/project/workspace.js';
import { createClient, GlossError } from '../../shared/api.js';
import { generateHostileProjects } from '../fixtures/hostile/projects/generate.js';
import { tempDir } from '../support/temp.js';

const fixturesDir = path.join(import.meta.dirname, '..', 'fixtures', 'hostile', 'projects');
const hostile = generateHostileProjects(fixturesDir);

function snapshot(file: string): Map<string, Buffer | null> {
  return new Map(
    [file, `${file}-wal`, `${file}-shm`, `${file}-journal`].map((f) => [
      f,
      fs.existsSync(f) ? fs.readFileSync(f) : null,
    ]),
  );
}

for (const project of hostile) {
  test(`a crafted project is refused and left untouched: ${project.name}`, () => {
    const before = snapshot(project.file);
    assert.throws(
      () => openDatabase(project.file),
      (error: unknown) => {
        assert.ok(error instanceof GlossError, `a GlossError, not ${String(error)}`);
        assert.match(error.message, project.refusal);
        return true;
      },
    );
    assert.deepEqual(snapshot(project.file), before, 'no byte of the file (or a -wal/-shm beside it) changed');
  });
}

test('planted triggers never run: the refusal comes before any write', () => {
  const planted = hostile.find((p) => p.name === 'trigger-deletes-highlights')!;
  assert.throws(() => openDatabase(planted.file), /highlights_cleanup/);
  const raw = new Database(planted.file, { readonly: true });
  assert.equal(raw.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'highlights_cleanup'").pluck().get(), 1);
  raw.close();
});

test('a foreign SQLite file keeps its journal mode (WAL is never switched on before the check)', () => {
  const foreign = hostile.find((p) => p.name === 'foreign')!;
  assert.throws(() => openDatabase(foreign.file), /not a Gloss project/);
  const header = fs.readFileSync(foreign.file).subarray(18, 20);
  assert.deepEqual([...header], [1, 1], 'file format bytes still say rollback journal, not WAL (2, 2)');
});

test('a genuine project opens, with trusted_schema off and SQL extension loading refused', () => {
  const file = path.join(tempDir(), 'genuine.gloss');
  openDatabase(file).close();
  const db = openDatabase(file);
  assert.equal(db.pragma('trusted_schema', { simple: true }), 0);
  assert.throws(() => db.prepare("SELECT load_extension('/tmp/nothing')").get(), /not authorized|no such function/);
  db.close();
});

test('the verifier works from the migration list: a later migration with tables and triggers is accepted', () => {
  const later: Migration[] = [
    ...migrations,
    {
      version: migrations.at(-1)!.version + 1,
      name: 'operation log',
      sql: `CREATE TABLE op_log (id INTEGER PRIMARY KEY, what TEXT NOT NULL);
      CREATE TRIGGER op_log_tags AFTER INSERT ON tags BEGIN INSERT INTO op_log (what) VALUES ('tag ' || new.name); END;`,
    },
  ];
  const file = path.join(tempDir(), 'later.gloss');
  openDatabase(file).close();
  const db = new Database(file);
  migrate(db, later);
  db.close();
  assert.doesNotThrow(() => verifyProjectFile(file, { migrations: later }));
  assert.throws(() => verifyProjectFile(file), /newer Gloss/, 'this build, which lacks the migration, refuses it');
});

test('schema comparison ignores formatting only', () => {
  assert.equal(
    normaliseSql('CREATE  TABLE t (\n  a TEXT ,\n b INT\n)'),
    normaliseSql('CREATE TABLE t (a TEXT, b INT)'),
  );
  assert.notEqual(
    normaliseSql("CREATE TABLE t (a TEXT DEFAULT 'x  y')"),
    normaliseSql("CREATE TABLE t (a TEXT DEFAULT 'x y')"),
  );
  const expected = expectedSchema(1);
  const altered = expected.map((e) => (e.name === 'tags' ? { ...e, sql: e.sql!.replace('NOT NULL', '') } : e));
  assert.deepEqual(compareSchemas(expected, altered), ['altered table "tags"']);
});

test('a crafted last project does not stop the app: the default project opens, with the reason', async () => {
  const dataDir = tempDir();
  const planted = hostile.find((p) => p.name === 'trigger-phishes-memos')!;
  const copy = path.join(dataDir, 'Shared case.gloss');
  fs.copyFileSync(planted.file, copy);
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ recent: [copy] }));
  const ws = await openWorkspace({ dataDir });
  assert.equal(ws.project.path, path.join(dataDir, 'Default.gloss'));
  assert.match(
    ws.project.startupWarning ?? '',
    /Shared case\.gloss.*unexpected trigger "memos_footer".*opened .*Default\.gloss/,
  );
  ws.close();
});

test('the reason for the fallback reaches the UI through project.info, and goes once another project opens', async () => {
  const dataDir = tempDir();
  const planted = hostile.find((p) => p.name === 'planted-view')!;
  const copy = path.join(dataDir, 'Case.gloss');
  fs.copyFileSync(planted.file, copy);
  const backend = await createBackend({ dataDir, projectPath: copy });
  const client = createClient((op, args) => backend.dispatch(op, args));
  const info = await client['project.info']({});
  assert.equal(info.path, path.join(dataDir, 'Default.gloss'));
  assert.match(info.startupWarning ?? '', /unexpected view "recent_highlights"/);
  const other = await client['project.create']({ path: path.join(dataDir, 'Fresh') });
  assert.equal(other.startupWarning, undefined);
  await assert.rejects(client['project.open']({ path: copy }), /unexpected view "recent_highlights"/);
  assert.equal((await client['project.info']({})).path, other.path, 'a refused open leaves the current project open');
  backend.close();
});
