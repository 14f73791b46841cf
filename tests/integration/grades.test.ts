// Source grading (Admiralty scale): set, clear, undo; the library filter; every export carries the grade.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { GlossError } from '../../shared/api.js';
import type { DocumentSummary, Highlight } from '../../shared/types.js';
import { startBackend, type TestBackend } from '../support/backend.js';

let backend: TestBackend;
let docs: DocumentSummary[];
let passage: Highlight;
const QUOTE = 'staffing levels, visa procedures, and diplomatic banking';

before(async () => {
  backend = await startBackend();
  docs = await backend.client['documents.list']({});
  const doc = await backend.client['documents.get']({ id: docs[0].id });
  const start = doc.text.indexOf(QUOTE);
  passage = await backend.client['highlights.create']({ documentId: doc.id, start, end: start + QUOTE.length });
});
after(() => backend.close());

const api = () => backend.client;

test('a source grade and a passage grade are set, shown on the rows, cleared, and undone', async () => {
  const graded = await api()['grades.setDocument']({ documentId: docs[0].id, reliability: 'B' });
  assert.equal(graded.reliability, 'B');
  const h = await api()['grades.setHighlight']({ highlightId: passage.id, credibility: 2 });
  assert.equal(h.credibility, 2);
  assert.equal((await api()['highlights.list']({ documentId: docs[0].id }))[0].credibility, 2);

  await api()['grades.setHighlight']({ highlightId: passage.id, credibility: 3 });
  await api()['history.undo']({});
  assert.equal((await api()['highlights.list']({ documentId: docs[0].id }))[0].credibility, 2, 'undo restores 2');
  await api()['grades.setDocument']({ documentId: docs[0].id, reliability: null });
  assert.equal((await api()['documents.get']({ id: docs[0].id })).reliability, null);
  const step = await api()['history.undo']({});
  assert.match(step.entry!.label, /Clear the grade/);
  assert.equal((await api()['documents.get']({ id: docs[0].id })).reliability, 'B');
});

test('grades are refused outside the scale, with a message naming the field', async () => {
  await assert.rejects(
    () => api()['grades.setDocument']({ documentId: docs[0].id, reliability: 'G' as 'A' }),
    (e: GlossError) => e.code === 'invalid_argument' && /reliability/.test(e.message),
  );
  await assert.rejects(
    () => api()['grades.setHighlight']({ highlightId: passage.id, credibility: 7 }),
    (e: GlossError) => e.code === 'invalid_argument' && /1 to 6/.test(e.message),
  );
  await assert.rejects(
    () => api()['grades.setDocument']({ documentId: 999_999, reliability: 'A' }),
    (e: GlossError) => e.code === 'not_found',
  );
});

test('the library filters by source grade, ungraded included', async () => {
  await api()['grades.setDocument']({ documentId: docs[1].id, reliability: 'D' });
  const ab = await api()['documents.page']({ reliability: ['A', 'B'] });
  assert.deepEqual(ab.ids, [docs[0].id]);
  const d = await api()['documents.list']({ reliability: ['D'] });
  assert.deepEqual(
    d.map((x) => x.id),
    [docs[1].id],
  );
  const ungraded = await api()['documents.page']({ reliability: ['ungraded'] });
  assert.equal(ungraded.total, docs.length - 2);
  assert.ok(!ungraded.ids.includes(docs[0].id) && !ungraded.ids.includes(docs[1].id));
});

test('a deleted document takes its grade with it, and undo brings both back', async () => {
  await api()['documents.delete']({ id: docs[1].id });
  assert.equal((await api()['documents.page']({ reliability: ['D'] })).total, 0);
  await api()['history.undo']({});
  assert.equal((await api()['documents.get']({ id: docs[1].id })).reliability, 'D');
});

test('citations, annotation exports and memo exports carry the grade', async () => {
  const [source] = await api()['citations.resolve']({ highlightIds: [passage.id] });
  assert.equal(source.reliability, 'B');
  assert.equal(source.credibility, 2);

  const csv = Buffer.from((await api()['export.annotations']({ format: 'csv' })).base64, 'base64').toString('utf8');
  const [header, row] = csv.trim().split('\r\n');
  assert.match(header, /,source reliability,information credibility$/);
  assert.match(row, /"B","2"$/);

  const w3c = JSON.parse(
    Buffer.from((await api()['export.annotations']({ format: 'w3c' })).base64, 'base64').toString('utf8'),
  ) as { first: { items: { body: { purpose: string; value: string }[] }[] } };
  const body = w3c.first.items[0].body.find((b) => b.purpose === 'assessing');
  assert.equal(body?.value, 'Admiralty grade B2');

  const content = {
    type: 'doc',
    content: [{ type: 'citation', attrs: { highlightId: passage.id, quote: QUOTE } }],
  };
  const memo = await api()['memos.create']({ title: 'Graded', content: JSON.stringify(content) });
  for (const format of ['md', 'html'] as const) {
    const file = await api()['export.memo']({ memoId: memo.id, format });
    assert.match(Buffer.from(file.base64, 'base64').toString('utf8'), /graded B2/, format);
  }
  const docx = await JSZip.loadAsync(
    Buffer.from((await api()['export.memo']({ memoId: memo.id, format: 'docx' })).base64, 'base64'),
  );
  assert.match(await docx.file('word/footnotes.xml')!.async('string'), /graded B2/);
});

test('REFI-QDA carries the source grade as a document variable, and reads it back as a grade', async () => {
  const file = await api()['exchange.exportProject']({});
  const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
  const xml = await zip.file('project.qde')!.async('string');
  assert.match(xml, /<Variable guid="[^"]+" name="Source reliability" typeOfVariable="Text"\/>/);
  assert.match(xml, /<TextValue>B<\/TextValue>/);

  const fresh = await startBackend({ seeds: false });
  try {
    const report = await fresh.client['exchange.importProject']({ fileName: file.fileName, base64: file.base64 });
    assert.ok(report.imported.some((c) => c.kind === 'source grades' && c.count === 2));
    const graded = await fresh.client['documents.list']({ reliability: ['B', 'D'] });
    assert.deepEqual(graded.map((d) => d.reliability).sort(), ['B', 'D']);
    const attributes = fresh.client['documents.list']({});
    assert.ok((await attributes).length === docs.length);
  } finally {
    fresh.close();
  }
});
