// Kill a writer with SIGKILL at random points, many times: the database must stay intact and keep every
// write that was acknowledged before the kill.
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { mulberry32 } from '../../bench/corpus.js';
import { openProject } from '../../electron/project/project.js';
import { repoRoot, seedsDir, tempDir } from '../support/temp.js';

const ITERATIONS = 16;

interface Ack {
  highlightId: number;
  noteId: number;
  text: string;
}

function runAndKill(dataDir: string, projectPath: string, killAfterAcks: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'tests/support/crash-writer.ts'), dataDir, projectPath],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const acks: Ack[] = [];
    let buffer = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const m = /^ACK (\d+) (\d+) (.*)$/.exec(line);
        if (m) acks.push({ highlightId: Number(m[1]), noteId: Number(m[2]), text: m[3] });
        if (acks.length === killAfterAcks) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`writer exited with ${code}: ${stderr}`));
    });
  });
}

test(`acknowledged writes survive SIGKILL at random points (${ITERATIONS} kills)`, async () => {
  const dataDir = tempDir();
  const projectPath = path.join(dataDir, 'crash.gloss');
  (await openProject(projectPath, { seedsDir })).close();
  const rand = mulberry32(Number(process.env.GLOSS_CRASH_SEED ?? Date.now() % 100000));
  const acknowledged: Ack[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    acknowledged.push(...(await runAndKill(dataDir, projectPath, 1 + Math.floor(rand() * 40))));
    const db = new Database(projectPath);
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok', `integrity after kill ${i + 1}`);
      const highlight = db.prepare('SELECT 1 FROM highlights WHERE id = ?').pluck();
      const note = db.prepare('SELECT text FROM notes WHERE id = ? AND highlight_id = ?').pluck();
      for (const ack of acknowledged) {
        assert.equal(highlight.get(ack.highlightId), 1, `highlight ${ack.highlightId} acknowledged, then lost`);
        assert.equal(note.get(ack.noteId, ack.highlightId), ack.text, `note ${ack.noteId} acknowledged, then lost`);
      }
      const orphanNotes = db
        .prepare(
          'SELECT COUNT(*) FROM notes WHERE highlight_id IS NOT NULL AND highlight_id NOT IN (SELECT id FROM highlights)',
        )
        .pluck()
        .get();
      assert.equal(orphanNotes, 0);
      assert.equal(
        db.prepare("SELECT COUNT(*) FROM notes_fts WHERE notes_fts MATCH 'crash'").pluck().get(),
        db.prepare("SELECT COUNT(*) FROM notes WHERE text LIKE 'crash note%'").pluck().get(),
        'search index in step',
      );
    } finally {
      db.close();
    }
  }
  assert.ok(acknowledged.length >= ITERATIONS);
});
