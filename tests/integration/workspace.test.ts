import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { describeProject } from '../../electron/project/project.js';
import { openWorkspace } from '../../electron/project/workspace.js';
import { repoRoot, seedsDir, tempDir } from '../support/temp.js';

test('projects: new, open, recent, and the app reopens the last project', async () => {
  const dataDir = tempDir();
  const first = await openWorkspace({ dataDir, seedsDir });
  assert.equal(path.basename(first.project.path), 'Default.gloss');
  const other = path.join(dataDir, 'Case B');
  await first.create(other);
  assert.equal(first.project.path, `${other}.gloss`);
  assert.equal(
    first.project.db.prepare('SELECT COUNT(*) FROM documents').pluck().get(),
    0,
    'a new project starts empty',
  );
  first.project.db.prepare("INSERT INTO tags (name, color) VALUES ('case-b', '#123456')").run();
  await assert.rejects(first.create(other), /already exists/);
  await assert.rejects(first.open(path.join(dataDir, 'missing.gloss')), /no project at/);
  assert.deepEqual(first.recent(), [`${other}.gloss`, path.join(dataDir, 'Default.gloss')]);
  first.close();

  const again = await openWorkspace({ dataDir, seedsDir });
  assert.equal(again.project.path, `${other}.gloss`, 'reopens the last project');
  assert.equal(again.project.db.prepare('SELECT name FROM tags').pluck().get(), 'case-b');
  await again.open(path.join(dataDir, 'Default.gloss'));
  assert.equal(again.project.db.prepare('SELECT COUNT(*) FROM documents').pluck().get(), 5);
  again.close();
  assert.ok(fs.existsSync(path.join(dataDir, 'settings.json')));
});

function writeLastProject(dataDir: string, file: string): void {
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ recent: [file] }));
}

test('start-up: a read-only last project does not stop the app; the default opens and says why', async () => {
  const dataDir = tempDir();
  const locked = path.join(dataDir, 'Locked.gloss');
  (await openWorkspace({ dataDir, projectPath: locked })).close();
  fs.chmodSync(locked, 0o444);
  writeLastProject(dataDir, locked);
  const ws = await openWorkspace({ dataDir, seedsDir });
  assert.equal(ws.project.path, path.join(dataDir, 'Default.gloss'));
  assert.match(ws.project.startupWarning ?? '', /Locked\.gloss is read-only.*opened .*Default\.gloss instead/);
  assert.equal(describeProject(ws.project, ws.recent()).startupWarning, ws.project.startupWarning);
  await ws.open(locked).catch(() => undefined);
  ws.close();
});

test('start-up: a corrupt last project, and a corrupt default, still leave a working fresh project', async () => {
  const dataDir = tempDir();
  const corrupt = path.join(dataDir, 'Case.gloss');
  fs.writeFileSync(corrupt, Buffer.alloc(4096, 7));
  fs.writeFileSync(path.join(dataDir, 'Default.gloss'), 'not a database at all');
  writeLastProject(dataDir, corrupt);
  const ws = await openWorkspace({ dataDir, seedsDir });
  assert.match(path.basename(ws.project.path), /^Recovered .*\.gloss$/);
  const warning = ws.project.startupWarning ?? '';
  assert.match(warning, /Case\.gloss .*not a SQLite database.*Default\.gloss .*not a SQLite database/);
  assert.equal(ws.project.db.prepare('SELECT COUNT(*) FROM documents').pluck().get(), 5);
  ws.close();
  const again = await openWorkspace({ dataDir, seedsDir });
  assert.equal(again.project.path, ws.project.path, 'the working project is remembered');
  assert.equal(again.project.startupWarning, undefined);
  again.close();
});

test('start-up: settings.json that cannot be written does not stop the app; the reason is shown', async () => {
  const dataDir = tempDir();
  fs.mkdirSync(path.join(dataDir, 'settings.json.tmp')); // writing the settings fails (EISDIR), even as root
  const ws = await openWorkspace({ dataDir, seedsDir });
  assert.equal(ws.project.path, path.join(dataDir, 'Default.gloss'));
  assert.match(ws.project.startupWarning ?? '', /could not save its settings/);
  await ws.create(path.join(dataDir, 'Other'));
  assert.equal(path.basename(ws.project.path), 'Other.gloss', 'switching projects still works');
  ws.close();
});

test('two instances starting together on a fresh data folder import the seeds once', async () => {
  const dataDir = tempDir();
  const opener = path.join(repoRoot, 'tests', 'support', 'workspace-opener.ts');
  const run = () =>
    new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', opener, dataDir], { cwd: repoRoot }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(stdout.trim());
      });
    });
  const [a, b] = await Promise.all([run(), run()]);
  assert.equal(a, path.join(dataDir, 'Default.gloss'));
  assert.equal(b, a);
  const ws = await openWorkspace({ dataDir, seedsDir });
  assert.equal(ws.project.db.prepare('SELECT COUNT(*) FROM documents').pluck().get(), 5);
  ws.close();
});
