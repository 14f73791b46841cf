import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { migrate } from '../../electron/db/connection.js';
import { insertDocument } from '../../electron/db/documents.js';
import { migrations } from '../../electron/db/migrations/index.js';
import { searchAll } from '../../electron/db/search.js';
import { importFile } from '../../electron/import/importer.js';
import { parseQuery } from '../../electron/search/query.js';
import { startBackend, type TestBackend } from '../support/backend.js';
import { tempDir } from '../support/temp.js';

const reports = {
  chinese:
    '美俄伊斯坦布尔会谈\n\n美国和俄罗斯代表团周四在伊斯坦布尔举行了长达六个小时的会谈，重点讨论大使馆的人员配置、' +
    '签证程序和外交银行业务。俄罗斯外交部发言人表示，双方同意继续就恢复两国使馆的正常运作进行对话。',
  japanese:
    'イスタンブールでの米ロ協議\n\n米国とロシアの代表団は木曜日、イスタンブールで約6時間にわたり会談し、大使館の' +
    '人員配置やビザ手続き、外交官の銀行口座の問題を協議した。ロシア外務省の報道官は、対話を継続することで合意したと述べた。',
  russian:
    'Переговоры в Стамбуле\n\nДелегации России и США провели в Стамбуле шестичасовые переговоры о работе ' +
    'посольств. Стороны обсудили численность персонала, визовые процедуры и банковское обслуживание дипломатов.',
  arabic:
    'لقاء إسطنبول\n\nعقد وفدا الولايات المتحدة وروسيا محادثاتٍ استمرت ست ساعات في إسطنبول، وركزت على عمل ' +
    'السفارتين وإجراءات التأشيرات. وقال المتحدث باسم الخارجية الروسية إن الجانبين اتفقا أيضًا على مواصلة الحوار.',
};

let backend: TestBackend;
const ids: Record<string, number> = {};
before(async () => {
  backend = await startBackend({ seeds: false });
  for (const [name, text] of Object.entries(reports)) {
    const db = backend.workspace.project.db;
    const result = await importFile(db, { fileName: `${name}.txt`, bytes: Buffer.from(text) });
    assert.equal(result.status, 'imported', result.message ?? '');
    ids[name] = result.document!.id;
  }
});
after(() => backend.close());

/** Searches documents only and checks the one hit: right report, offset on `expected` in its original text. */
async function expectDocumentHit(query: string, report: keyof typeof reports, expected: string) {
  const hits = await backend.client['search.query']({ query, kinds: ['document'] });
  assert.deepEqual(
    hits.map((h) => h.documentId),
    [ids[report]],
    `${query}: ${JSON.stringify(hits)}`,
  );
  const doc = await backend.client['documents.get']({ id: ids[report] });
  assert.equal(doc.text.slice(hits[0].offset!, hits[0].offset! + hits[0].matchLength!), expected, query);
  assert.ok(hits[0].snippet.includes(`\u0002${expected}\u0003`), `${query} marked in ${hits[0].snippet}`);
}

test('Chinese words are found inside unsegmented sentences, with offsets into the original text', async () => {
  await expectDocumentHit('大使馆', 'chinese', '大使馆');
  await expectDocumentHit('会谈', 'chinese', '会谈');
  await expectDocumentHit('伊斯坦布尔', 'chinese', '伊斯坦布尔');
  await expectDocumentHit('"外交银行业务"', 'chinese', '外交银行业务');
  assert.deepEqual(await backend.client['search.query']({ query: '核武器' }), [], 'absent words find nothing');
});

test('Japanese kanji, kana and mixed words are found', async () => {
  await expectDocumentHit('大使館', 'japanese', '大使館');
  await expectDocumentHit('イスタンブール', 'japanese', 'イスタンブール');
  await expectDocumentHit('協議した', 'japanese', '協議した');
  await expectDocumentHit('6時間', 'japanese', '6時間');
});

test('a one-character CJK query finds the character wherever it stands in a run', async () => {
  const hits = await backend.client['search.query']({ query: '谈', kinds: ['document'] });
  assert.deepEqual(
    hits.map((h) => h.documentId),
    [ids.chinese],
  );
});

test('bigrams need to be adjacent: two halves of a word apart do not match it', async () => {
  const db = backend.workspace.project.db;
  const id = insertDocument(db, { title: 'apart', format: 'txt', text: '大使说，使馆很安静。', contentHash: 'apart' });
  const hits = searchAll(db, parseQuery('大使馆')!, { kinds: ['document'] });
  assert.ok(!hits.some((h) => h.documentId === id), JSON.stringify(hits));
  db.prepare('DELETE FROM documents WHERE id = ?').run(id);
});

test('Russian words, prefixes and phrases are found regardless of case', async () => {
  await expectDocumentHit('стамбуле', 'russian', 'Стамбуле');
  await expectDocumentHit('переговоры', 'russian', 'Переговоры');
  await expectDocumentHit('дипломатов', 'russian', 'дипломатов');
  await expectDocumentHit('посольст*', 'russian', 'посольств');
  await expectDocumentHit('"визовые процедуры"', 'russian', 'визовые процедуры');
});

test('Arabic words are found with or without their vowel marks, the offset covering the marks', async () => {
  await expectDocumentHit('لقاء', 'arabic', 'لقاء');
  await expectDocumentHit('محادثات', 'arabic', 'محادثاتٍ');
  await expectDocumentHit('أيضا', 'arabic', 'أيضًا');
  await expectDocumentHit('السفارتين', 'arabic', 'السفارتين');
});

test('CJK in titles, highlights and notes is found, and edits keep the index in step', async () => {
  const c = backend.client;
  const doc = await c['documents.get']({ id: ids.chinese });
  const start = doc.text.indexOf('签证程序');
  const h = await c['highlights.create']({ documentId: doc.id, start, end: start + 4 });
  await c['notes.save']({ highlightId: h.id, content: '{"type":"doc"}', text: '签证问题是谈判的关键。' });
  const highlightHits = await c['search.query']({ query: '签证', kinds: ['highlight'] });
  assert.deepEqual(
    highlightHits.map((x) => [x.id, x.offset]),
    [[h.id, start]],
  );
  const noteHits = await c['search.query']({ query: '谈判', kinds: ['note'] });
  assert.equal(noteHits.length, 1);
  assert.match(noteHits[0].snippet, /\u0002谈判\u0003/);

  await c['documents.update']({ id: doc.id, patch: { title: '莫斯科会议纪要' } });
  assert.equal((await c['search.query']({ query: '纪要', kinds: ['document'] }))[0]?.documentId, doc.id);
  await c['documents.update']({ id: doc.id, patch: { title: '北京' } });
  assert.deepEqual(await c['search.query']({ query: '纪要', kinds: ['document'] }), [], 'the old title is gone');

  await c['notes.save']({ highlightId: h.id, content: '{"type":"doc"}', text: '无关内容' });
  assert.deepEqual(await c['search.query']({ query: '谈判', kinds: ['note'] }), []);
  await c['highlights.delete']({ id: h.id });
  assert.deepEqual(await c['search.query']({ query: '签证', kinds: ['highlight'] }), []);
});

test('control characters in a text can never forge the snippet markers', async () => {
  const db = backend.workspace.project.db;
  const text = 'The \u0002fake\u0003 mark came first. Then the ambassador spoke about the \u0002embassy\u0003 staff.';
  const id = insertDocument(db, { title: 'spoof', format: 'txt', text, contentHash: 'spoof' });
  const [hit] = searchAll(db, parseQuery('ambassador')!, { documentId: id });
  assert.equal(hit.snippet, 'The fake mark came first. Then the \u0002ambassador\u0003 spoke about the embassy staff.');
  assert.equal(text.slice(hit.offset!, hit.offset! + hit.matchLength!), 'ambassador');

  const spoofedNote = 'see \u0002this\u0003 ambassador';
  const note = await backend.client['notes.save']({ documentId: id, content: '{"type":"doc"}', text: spoofedNote });
  const [noteHit] = await backend.client['search.query']({ query: 'ambassador', kinds: ['note'], documentId: id });
  assert.equal(noteHit.id, note.id);
  assert.equal(noteHit.snippet, 'see this \u0002ambassador\u0003');
  db.prepare('DELETE FROM documents WHERE id = ?').run(id);
});

test('upgrading a schema-1 project makes its existing Chinese rows searchable', () => {
  const db = new Database(path.join(tempDir(), 'old.gloss'));
  migrate(
    db,
    migrations.filter((m) => m.version <= 1),
  );
  const docId = Number(
    db
      .prepare(
        `INSERT INTO documents (title, format, text, content_hash)
    VALUES ('旧报告', 'txt', ?, 'h')`,
      )
      .run(reports.chinese).lastInsertRowid,
  );
  const start = reports.chinese.indexOf('大使馆');
  const hId = Number(
    db
      .prepare(
        `INSERT INTO highlights (document_id, start_offset, end_offset, exact)
    VALUES (?, ?, ?, '大使馆')`,
      )
      .run(docId, start, start + 3).lastInsertRowid,
  );
  db.prepare(
    "INSERT INTO notes (highlight_id, document_id, content, text) VALUES (?, ?, '{}', '关于大使馆的说明')",
  ).run(hId, docId);
  migrate(db);
  const hits = searchAll(db, parseQuery('大使馆')!);
  assert.deepEqual(hits.map((h) => h.kind).sort(), ['document', 'highlight', 'note']);
  assert.equal(hits.find((h) => h.kind === 'document')!.offset, start);
  assert.equal(searchAll(db, parseQuery('旧报告')!).length, 1, 'titles too');
  db.close();
});
