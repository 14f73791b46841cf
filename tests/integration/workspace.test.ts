import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openWorkspace } from '../../electron/project/workspace.js';
import { seedsDir, tempDir } from '../support/temp.js';

test('projects: new, open, recent, and the app reopens the last project', async () => {
  const dataDir = tempDir();
  const first = await openWorkspace({ dataDir, seedsDir });
  assert.equal(path.basename(first.project.path), 'Default.gloss');
  const other = path.join(dataDir, 'Case B');
  await first.create(other);
  assert.equal(first.project.path, `${other}.gloss`);
  assert.equal(first.project.db.prepare('SELECT COUNT(*) FROM documents').pluck().get(), 0, 'a new project starts empty');
  first.project.db.prepare("INSERT INTO tags (name, color) VALUES ('case-b', '#123456')").run();
  await assert.rejects(first.create(other), /already exists/);
  await assert.rejects(first.open(path.join(dataDir, 'missing.gloss')), /no project at/);
  assert.deepEqual(first.recent(), [`${other}.gloss`, path.join(dataDir, 'Default.gloss')]);
  first.close();

  const again = await openWorkspace({ dataDir, seedsDir });
  assert.equal(again.project.path, `${other}.gloss`, 'reopens the last project');
  assert.equal(again.project.db.prepare("SELECT name FROM tags").pluck().get(), 'case-b');
  await again.open(path.join(dataDir, 'Default.gloss'));
  assert.equal(again.project.db.prepare('SELECT COUNT(*) FROM documents').pluck().get(), 5);
  again.close();
  assert.ok(fs.existsSync(path.join(dataDir, 'settings.json')));
});
