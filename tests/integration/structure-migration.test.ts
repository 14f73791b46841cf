// A project from before document structure (schema 4) opens with every highlight where it was, its sample report
// gains its section headings, and a new project's seeds carry their manifest's metadata and no hash file names.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../electron/db/connection.js';
import { insertDocument } from '../../electron/db/documents.js';
import { insertHighlight } from '../../electron/db/highlights.js';
import { migrations } from '../../electron/db/migrations/index.js';
import { describeAnchor } from '../../electron/anchoring/anchor.js';
import { contentHash, normaliseText } from '../../electron/import/text.js';
import { startBackend } from '../support/backend.js';
import { SEED_ISTANBUL, SEED_PREPARATIONS, SEED_TURKEY } from '../support/reader.js';
import { seedsDir, tempDir } from '../support/temp.js';

const seedFiles = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));

test('a schema-4 project with highlights opens with every highlight intact and its subheads as headings', async () => {
  const dataDir = tempDir();
  const file = path.join(dataDir, 'Test.gloss');
  const old = new Database(file);
  old.pragma('journal_mode = WAL');
  migrate(
    old,
    migrations.filter((m) => m.version <= 4),
  );
  assert.equal(schemaVersion(old), 4);
  const stored: { documentId: number; start: number; end: number; exact: string }[] = [];
  for (const name of seedFiles) {
    const text = normaliseText(fs.readFileSync(path.join(seedsDir, name), 'utf8'));
    const documentId = insertDocument(old, {
      title: name,
      format: 'txt',
      text,
      contentHash: contentHash(text),
      sourceName: name,
    });
    // One passage per paragraph boundary region, including ones across a subhead, plus the whole text.
    for (const [start, end] of [
      [0, Math.min(40, text.length)],
      [Math.floor(text.length / 3), Math.floor(text.length / 2)],
      [0, text.length],
    ]) {
      const anchor = describeAnchor(text, start, end);
      insertHighlight(old, { documentId, ...anchor });
      stored.push({ documentId, start, end, exact: anchor.exact });
    }
  }
  old.close();

  const backend = await startBackend({ dataDir, seeds: false });
  try {
    assert.equal(schemaVersion(backend.workspace.project.db), migrations.at(-1)!.version);
    const highlights = await backend.client['highlights.list']({});
    assert.equal(highlights.length, stored.length);
    for (const want of stored) {
      const h = highlights.find(
        (x) => x.documentId === want.documentId && x.start === want.start && x.end === want.end,
      );
      assert.ok(h, `highlight at ${want.start} kept`);
      assert.equal(h.end, want.end);
      assert.equal(h.exact, want.exact);
      assert.equal(h.orphaned, false);
    }
    const docs = await backend.client['documents.list']({});
    const report = await backend.client['documents.get']({ id: docs.find((d) => d.title.startsWith('003_'))!.id });
    assert.deepEqual(
      report.blocks.map((b) => report.text.slice(b.start, b.end)),
      [
        'A Shift in US Foreign Policy Under Trump',
        'Diplomatic Relations at a Low Point',
        'Ukraine’s Absence from the Talks',
        'Turkey’s Role in Facilitating the Talks',
        'The Broader Implications and Future Outlook',
      ],
    );
    assert.ok(report.blocks.every((b) => b.kind === 'heading' && b.level === 2));
  } finally {
    backend.close();
  }
});

test('a new project imports the seeds with their manifest: titles, no outlet invented, no hash file names', async () => {
  const backend = await startBackend();
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(seedsDir, 'manifest.json'), 'utf8')) as {
      files: Record<string, { title: string; outlet: string }>;
    };
    assert.deepEqual(Object.keys(manifest.files).sort(), seedFiles.sort(), 'one entry per seed');
    const docs = await backend.client['documents.list']({});
    assert.equal(docs.length, seedFiles.length, 'the manifest itself is not imported');
    assert.deepEqual(
      docs.map((d) => d.title).sort(),
      Object.values(manifest.files)
        .map((f) => f.title)
        .sort(),
    );
    for (const doc of docs) {
      assert.equal(doc.sourceName, null, `${doc.title}: no file name kept`);
      assert.equal(doc.outlet, null, 'the texts name no outlet');
      const shown = [doc.title, doc.outlet, doc.author, doc.url, doc.sourceName].join(' ');
      assert.ok(!/[0-9a-f]{16}/.test(shown), `${doc.title}: no hash name anywhere`);
    }
    for (const title of [SEED_ISTANBUL, SEED_TURKEY, SEED_PREPARATIONS]) {
      assert.equal(docs.filter((d) => d.title.includes(title)).length, 1, `shared seed title ${title}`);
    }
    const report = await backend.client['documents.get']({ id: docs.find((d) => d.title.includes(SEED_ISTANBUL))!.id });
    assert.equal(report.blocks.filter((b) => b.kind === 'heading').length, 5, 'the sample report has its headings');
  } finally {
    backend.close();
  }
});
