// Analysis: typed document attributes (defined, set, imported from CSV, filtering), retrieval operators on a small
// fixture whose answers are worked out by hand, matrices, and tables exported as CSV and XLSX.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { GlossClient } from '../../shared/api.js';
import type { RetrievalQuery } from '../../shared/types.js';
import { startBackend, type TestBackend } from '../support/backend.js';
import { statementPdf } from '../support/pdfFixtures.js';
import { makeQdpx } from '../support/refiQda.js';

let backend: TestBackend;
let c: GlossClient;
const doc: Record<string, { id: number; text: string }> = {};
const tag: Record<string, number> = {};
const h: Record<string, number> = {};

const TEXTS: Record<string, string> = {
  'd1.txt': 'Alpha one. Alpha two.\n\nBeta one.\n\nGamma one.\n\nDelta one.\n',
  'd2.txt': 'Echo one.\n\nFoxtrot one.\n',
  'd3.txt': 'Golf one.\n',
};

before(async () => {
  backend = await startBackend({ seeds: false });
  c = backend.client;
  for (const [fileName, text] of Object.entries(TEXTS)) {
    const r = await c['documents.import']({ fileName, base64: Buffer.from(text).toString('base64') });
    doc[fileName.slice(0, 2)] = await c['documents.get']({ id: r.document!.id });
  }
  tag.P = (await c['tags.create']({ name: 'Parent' })).id;
  tag.A = (await c['tags.create']({ name: 'Alpha', parentId: tag.P })).id;
  tag.B = (await c['tags.create']({ name: 'Bravo' })).id;
  tag.C = (await c['tags.create']({ name: 'Charlie' })).id;
  const mark = async (name: string, d: string, phrase: string, tags: string[]) => {
    const start = doc[d].text.indexOf(phrase);
    assert.ok(start >= 0, phrase);
    const made = await c['highlights.create']({
      documentId: doc[d].id,
      start,
      end: start + phrase.length,
      tagIds: tags.map((t) => tag[t]),
    });
    h[name] = made.id;
  };
  await mark('h1', 'd1', 'Alpha one', ['A']);
  await mark('h2', 'd1', 'Alpha one. Alpha two', ['B']);
  await mark('h3', 'd1', 'Beta one', ['A', 'C']);
  await mark('h4', 'd1', 'Delta one', ['B']);
  await mark('h5', 'd2', 'Echo one', ['A']);
  await mark('h6', 'd2', 'Foxtrot one', ['C']);
  await mark('h7', 'd3', 'Golf one', ['B']);
  await mark('h8', 'd1', 'Gamma one', ['P']);
});
after(() => backend.close());

async function retrieved(query: RetrievalQuery): Promise<string[]> {
  const result = await c['retrieval.query']({ query });
  const names = new Map(Object.entries(h).map(([k, v]) => [v, k]));
  assert.deepEqual(
    result.segments.map((s) => s.highlight.id),
    result.ids,
  );
  assert.equal(result.documentCount, new Set(result.segments.map((s) => s.highlight.documentId)).size);
  return result.ids.map((id) => names.get(id)!);
}
const t = (name: string) => tag[name];

test('retrieval: each operator against hand-worked answers', async () => {
  assert.deepEqual(await retrieved({ terms: [{ tagId: t('A') }] }), ['h1', 'h3', 'h5']);
  const or = await retrieved({ terms: [{ tagId: t('A') }, { operator: 'or', tagId: t('B') }] });
  assert.deepEqual(or, ['h1', 'h2', 'h3', 'h4', 'h5', 'h7']);
  // AND: carries B, or overlaps a passage carrying B (h1 lies inside h2).
  assert.deepEqual(await retrieved({ terms: [{ tagId: t('A') }, { operator: 'and', tagId: t('B') }] }), ['h1']);
  assert.deepEqual(await retrieved({ terms: [{ tagId: t('A') }, { operator: 'not', tagId: t('B') }] }), ['h3', 'h5']);
  const near = (other: string, distance: number) =>
    retrieved({ terms: [{ tagId: t('A') }, { operator: 'near', tagId: t(other), distance }] });
  assert.deepEqual(await near('B', 0), ['h1']);
  assert.deepEqual(await near('B', 1), ['h1', 'h3']);
  assert.deepEqual(await near('C', 0), ['h3']);
  assert.deepEqual(await near('C', 1), ['h1', 'h3', 'h5']);
  // Left to right: (A OR B) NOT C.
  const chain = await retrieved({
    terms: [{ tagId: t('A') }, { operator: 'or', tagId: t('B') }, { operator: 'not', tagId: t('C') }],
  });
  assert.deepEqual(chain, ['h1', 'h2', 'h4', 'h5', 'h7']);
  assert.deepEqual(await retrieved({ terms: [{ tagId: t('P') }] }), ['h8']);
  assert.deepEqual(await retrieved({ terms: [{ tagId: t('P') }], includeChildren: true }), ['h1', 'h3', 'h8', 'h5']);
});

test('retrieval: restricted by documents, collections, coder and coding date', async () => {
  const A = [{ tagId: t('A') }];
  assert.deepEqual(await retrieved({ terms: A, documentIds: [doc.d2.id] }), ['h5']);
  const collection = await c['collections.create']({ name: 'Wires' });
  await c['documents.update']({ id: doc.d2.id, patch: { collectionId: collection.id } });
  assert.deepEqual(await retrieved({ terms: A, collectionIds: [collection.id] }), ['h5']);
  const [coder] = await c['coders.list']({});
  assert.deepEqual(await retrieved({ terms: A, coderIds: [coder.id] }), ['h1', 'h3', 'h5']);
  assert.deepEqual(await retrieved({ terms: A, codedFrom: '2999-01-01' }), []);
  assert.deepEqual(await retrieved({ terms: A, codedTo: '2999-01-01' }), ['h1', 'h3', 'h5']);
  await c['history.undo']({});
  await c['history.undo']({});
});

test('retrieval: context by sentences and paragraphs', async () => {
  const [sentence] = await c['retrieval.context']({ highlightIds: [h.h1], unit: 'sentence', count: 0 });
  assert.equal(sentence.before, '');
  assert.equal(sentence.after, '. ');
  const [paragraph] = await c['retrieval.context']({ highlightIds: [h.h3], unit: 'paragraph', count: 1 });
  assert.equal(paragraph.before, 'Alpha one. Alpha two.\n\n');
  assert.equal(paragraph.after, '.\n\nGamma one.');
});

test('attributes: defined, set for one or many documents, filtering, undoable', async () => {
  const outlet = await c['attributes.define']({ name: 'Outlet type', kind: 'choice', choices: ['State', 'Wire'] });
  assert.equal(outlet.type, 'Text');
  await assert.rejects(c['attributes.define']({ name: 'outlet TYPE', kind: 'text' }), /already an attribute/);
  const year = await c['attributes.define']({ name: 'Year', kind: 'number' });
  await assert.rejects(
    c['attributes.set']({ definitionId: year.id, documentIds: [doc.d1.id], value: 'soon' }),
    /not a number/,
  );
  await assert.rejects(
    c['attributes.set']({ definitionId: outlet.id, documentIds: [doc.d1.id], value: 'Blog' }),
    /not one of State, Wire/,
  );
  const set = await c['attributes.set']({
    definitionId: outlet.id,
    documentIds: [doc.d1.id, doc.d3.id],
    value: 'state',
  });
  assert.equal(set.written, 2);
  await c['attributes.set']({ definitionId: outlet.id, documentIds: [doc.d2.id], value: 'Wire' });
  const values = await c['attributes.forDocument']({ documentId: doc.d1.id });
  assert.deepEqual(
    values.map((v) => [v.name, v.type, v.value]),
    [['Outlet type', 'Text', 'State']],
  );
  const state = [{ name: 'Outlet type', equals: 'State' }];
  const page = await c['documents.page']({ attributes: state });
  assert.deepEqual(page.ids, [doc.d1.id, doc.d3.id]);
  assert.deepEqual(await retrieved({ terms: [{ tagId: t('A') }], attributes: state }), ['h1', 'h3']);
  const themes = await c['themes.passages']({ tagIds: [t('B')], mode: 'or', attributes: state });
  assert.deepEqual(
    themes.flatMap((g) => g.passages.map((p) => p.highlight.id)),
    [h.h2, h.h4, h.h7],
  );
  const hits = await c['search.query']({
    query: 'one',
    kinds: ['document'],
    attributes: [{ name: 'Outlet type', equals: 'Wire' }],
  });
  assert.deepEqual(
    hits.map((x) => x.documentId),
    [doc.d2.id],
  );
  // The matrix by attribute value counts the same passages.
  const matrix = await c['analysis.matrix']({
    tagIds: [t('A'), t('B')],
    columns: { kind: 'attribute', name: 'Outlet type' },
  });
  assert.deepEqual(
    matrix.columns.map((col) => col.label),
    ['State', 'Wire'],
  );
  assert.deepEqual(matrix.counts, [
    [2, 1],
    [3, 0],
  ]);
  // One edit for many documents is one undo step.
  await c['history.undo']({});
  assert.deepEqual((await c['documents.page']({ attributes: [{ name: 'Outlet type', equals: 'Wire' }] })).ids, []);
  assert.equal((await c['documents.page']({ attributes: state })).total, 2);
  await c['history.undo']({});
  assert.equal((await c['documents.page']({ attributes: state })).total, 0);
  await c['history.redo']({});
  await c['history.redo']({});
  await c['attributes.deleteDefinition']({ id: year.id });
  await c['attributes.deleteDefinition']({ id: outlet.id });
  assert.deepEqual(await c['attributes.definitions']({}), []);
  assert.deepEqual(await c['attributes.forDocument']({ documentId: doc.d1.id }), []);
  await c['history.undo']({});
  assert.equal((await c['attributes.forDocument']({ documentId: doc.d1.id })).length, 1);
  await c['attributes.deleteDefinition']({ id: outlet.id });
});

test('attributes CSV: preview with per-row errors; nothing written unless every row is good or skipped', async () => {
  const region = await c['attributes.define']({ name: 'Region', kind: 'choice', choices: ['East', 'West'] });
  await c['attributes.define']({ name: 'Founded', kind: 'number' });
  await c['attributes.define']({ name: 'Wire', kind: 'boolean' });
  const csv = [
    'file,Region,Founded,Wire,Country',
    'd1.txt,east,1925,yes,Russia',
    'd2.txt,West,nineteen,no,UK',
    'missing.txt,East,2001,no,',
    'D3.TXT,North,1990,maybe,',
  ].join('\n');
  const before = await c['history.state']({});
  const preview = await c['attributes.importCsv']({ csv, apply: false });
  assert.equal(preview.keyColumn, 'file');
  assert.deepEqual(preview.newAttributes, ['Country']);
  assert.deepEqual(
    preview.rows.map((r) => [r.line, r.documentId, r.errors.map((e) => e.message)]),
    [
      [2, doc.d1.id, []],
      [3, doc.d2.id, ['Founded: “nineteen” is not a number.']],
      [4, null, ['No document is called “missing.txt”.']],
      [5, doc.d3.id, ['Region: “North” is not one of East, West.', 'Wire: “maybe” is not yes or no.']],
    ],
  );
  assert.deepEqual(preview.rows[0].values, { Region: 'East', Founded: '1925', Wire: 'true', Country: 'Russia' });
  await assert.rejects(c['attributes.importCsv']({ csv, apply: true }), /Nothing was imported: 3 rows have errors/);
  assert.deepEqual(await c['history.state']({}), before);
  assert.deepEqual(await c['attributes.forDocument']({ documentId: doc.d1.id }), []);
  assert.equal((await c['attributes.definitions']({})).length, 3);

  const applied = await c['attributes.importCsv']({ csv, apply: true, skipInvalid: true });
  assert.equal(applied.written, 4);
  const values = await c['attributes.forDocument']({ documentId: doc.d1.id });
  assert.deepEqual(
    values.map((v) => `${v.name}=${v.value}:${v.type}`),
    ['Country=Russia:Text', 'Founded=1925:Float', 'Region=East:Text', 'Wire=true:Boolean'],
  );
  assert.deepEqual(await c['attributes.forDocument']({ documentId: doc.d2.id }), []);
  await c['history.undo']({});
  assert.deepEqual(await c['attributes.forDocument']({ documentId: doc.d1.id }), []);
  assert.deepEqual(
    (await c['attributes.definitions']({})).map((d) => d.name),
    ['Region', 'Founded', 'Wire'],
  );
  // Keyed by title, with a header the CSV must start with.
  await assert.rejects(c['attributes.importCsv']({ csv: 'name,Region\nx,East', apply: false }), /name it “file”/);
  const title = (await c['documents.get']({ id: doc.d2.id })).title;
  const byTitle = await c['attributes.importCsv']({ csv: `title,Region\n"${title}",West`, apply: true });
  assert.equal(byTitle.written, 1);
  await c['history.undo']({});
  assert.equal(region.name, 'Region');
  for (const d of await c['attributes.definitions']({})) await c['attributes.deleteDefinition']({ id: d.id });
});

test('matrices: tag × document with sub-tags, co-occurrence matching retrieval AND', async () => {
  const byDoc = await c['analysis.matrix']({
    tagIds: [t('P'), t('B')],
    columns: { kind: 'documents' },
    includeChildren: true,
  });
  assert.deepEqual(
    byDoc.columns.map((col) => col.documentId),
    [doc.d1.id, doc.d2.id, doc.d3.id],
  );
  assert.deepEqual(byDoc.counts, [
    [3, 1, 0],
    [2, 0, 1],
  ]);
  assert.equal(byDoc.max, 3);
  const co = await c['analysis.matrix']({ tagIds: [t('A'), t('B'), t('C')], columns: { kind: 'tags' } });
  assert.deepEqual(co.counts, [
    [3, 1, 1],
    [1, 3, 0],
    [1, 0, 2],
  ]);
});

test('exports: retrieval results as CSV and as an XLSX checked cell by cell', async () => {
  const outlet = await c['attributes.define']({ name: 'Outlet', kind: 'text' });
  await c['attributes.set']({ definitionId: outlet.id, documentIds: [doc.d1.id], value: '=TASS' });
  await c['notes.save']({
    highlightId: h.h1,
    content: JSON.stringify({ type: 'doc', content: [] }),
    text: 'first note',
  });
  const query: RetrievalQuery = { terms: [{ tagId: t('A') }] };
  const d1 = (await c['documents.get']({ id: doc.d1.id })).title;
  const d2 = (await c['documents.get']({ id: doc.d2.id })).title;
  const csv = await c['retrieval.export']({ query, format: 'csv' });
  const text = Buffer.from(csv.base64, 'base64').toString('utf8');
  const lines = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  assert.equal(lines[0], '"Document","Outlet","Tags","Coder","Coded","Note","Quote","Page","Start","End"');
  assert.equal(lines.length, 4);
  assert.ok(lines[1].startsWith(`"${d1}","'=TASS","Parent › Alpha",`), lines[1]);

  const file = await c['retrieval.export']({ query, format: 'xlsx' });
  assert.equal(file.fileName, 'retrieval.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  assert.deepEqual(row(1), ['Document', 'Outlet', 'Tags', 'Coder', 'Coded', 'Note', 'Quote', 'Page', 'Start', 'End']);
  const [coder] = await c['coders.list']({});
  const today = new Date().toISOString().slice(0, 10);
  assert.deepEqual(row(2), [d1, '=TASS', 'Parent › Alpha', coder.name, today, 'first note', 'Alpha one', '', 0, 9]);
  assert.deepEqual(row(3), [d1, '=TASS', 'Parent › Alpha; Charlie', coder.name, today, '', 'Beta one', '', 23, 31]);
  assert.deepEqual(row(4).slice(0, 2), [d2, '']);
  assert.equal(sheet.rowCount, 4);
  assert.equal(sheet.getCell('B2').type, ExcelJS.ValueType.String);

  const matrix = await c['analysis.exportMatrix']({ tagIds: [t('A')], columns: { kind: 'documents' }, format: 'xlsx' });
  const mb = new ExcelJS.Workbook();
  await mb.xlsx.load(Buffer.from(matrix.base64, 'base64') as unknown as ArrayBuffer);
  const ms = mb.worksheets[0];
  assert.deepEqual((ms.getRow(1).values as unknown[]).slice(1), ['Tag', d1, d2, 'Total']);
  assert.deepEqual((ms.getRow(2).values as unknown[]).slice(1), ['Parent › Alpha', 2, 1, 3]);
});

test('exports: a PDF passage carries its page (a range across a page break), other documents none', async () => {
  const fixture = await statementPdf();
  const imported = await c['documents.import']({ fileName: fixture.name, base64: fixture.bytes.toString('base64') });
  const pdf = await c['documents.get']({ id: imported.document!.id });
  assert.ok(pdf.pages && pdf.pages.length >= 3, 'the statement runs over three pages');
  const [, second, third] = pdf.pages;
  const paged = (await c['tags.create']({ name: 'Paged' })).id;
  const onPageTwo = await c['highlights.create']({
    documentId: pdf.id,
    start: second.offset + 5,
    end: second.offset + 40,
    tagIds: [paged],
  });
  const acrossBreak = await c['highlights.create']({
    documentId: pdf.id,
    start: third.offset - 20,
    end: third.offset + 20,
    tagIds: [paged],
  });
  const plain = await c['highlights.create']({ documentId: doc.d3.id, start: 0, end: 4, tagIds: [paged] });
  const query: RetrievalQuery = { terms: [{ tagId: paged }] };
  const order = (await c['retrieval.query']({ query })).ids;
  const csv = Buffer.from((await c['retrieval.export']({ query, format: 'csv' })).base64, 'base64')
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const header = csv[0].split(',');
  const pageColumn = header.indexOf('"Page"');
  assert.ok(pageColumn > 0, csv[0]);
  const expected = new Map([
    [onPageTwo.id, String(second.page)],
    [acrossBreak.id, `${third.page - 1}–${third.page}`],
    [plain.id, ''],
  ]);
  // Quotes may hold commas: read the page as the third cell from the end (Page, Start, End).
  const pageOf = (line: string) => /"([^"]*)","[^"]*","[^"]*"$/.exec(line)?.[1];
  assert.deepEqual(
    csv.slice(1).map(pageOf),
    order.map((id) => expected.get(id)),
  );

  const file = await c['retrieval.export']({ query, format: 'xlsx' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const column = (sheet.getRow(1).values as unknown[]).indexOf('Page');
  assert.ok(column > 0);
  const cells = order.map((_, i) => sheet.getRow(i + 2).getCell(column).value);
  assert.deepEqual(
    cells,
    order.map((id) => (id === onPageTwo.id ? second.page : expected.get(id))),
  );
  assert.equal(sheet.getRow(order.indexOf(onPageTwo.id) + 2).getCell(column).type, ExcelJS.ValueType.Number);
});

test('draft memo from a retrieval cites every segment', async () => {
  const memo = await c['retrieval.draftMemo']({
    title: 'Alpha not Bravo',
    query: { terms: [{ tagId: t('A') }, { operator: 'not', tagId: t('B') }] },
  });
  const content = JSON.parse(memo.content) as { content: { type: string; attrs?: { highlightId?: number } }[] };
  assert.deepEqual(
    content.content.filter((n) => n.type === 'citation').map((n) => n.attrs!.highlightId),
    [h.h3, h.h5],
  );
  assert.match(memo.content, /Alpha NOT Bravo/);
});

test('REFI-QDA variables become typed attributes; their values filter and export again with their types', async () => {
  const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const bytes = await makeQdpx({
    users: [{ guid: guid(1), name: 'Ana' }],
    codes: [{ guid: guid(2), name: 'Greeting' }],
    variables: [
      { guid: guid(3), name: 'Region', type: 'Text' },
      { guid: guid(4), name: 'Interviews', type: 'Integer' },
      { guid: guid(5), name: 'Urban', type: 'Boolean' },
    ],
    sources: [
      {
        guid: guid(6),
        name: 'Interview 1',
        text: 'Hello there, this is the first interview.',
        attributes: [
          { variableGuid: guid(3), value: 'North' },
          { variableGuid: guid(4), value: '3' },
          { variableGuid: guid(5), value: 'true' },
        ],
        selections: [{ guid: guid(7), start: 0, end: 5, codeGuid: guid(2), userGuid: guid(1) }],
      },
    ],
  });
  const other = await startBackend({ seeds: false });
  try {
    const client = other.client;
    await client['exchange.importProject']({ fileName: 'variables.qdpx', base64: bytes.toString('base64') });
    const definitions = await client['attributes.definitions']({});
    assert.deepEqual(
      definitions.map((d) => [d.name, d.kind, d.type, d.documentCount]),
      [
        ['Region', 'text', 'Text', 1],
        ['Interviews', 'number', 'Integer', 1],
        ['Urban', 'boolean', 'Boolean', 1],
      ],
    );
    await assert.rejects(
      client['attributes.set']({ definitionId: definitions[1].id, documentIds: [1], value: '2.5' }),
      /not a whole number/,
    );
    const found = await client['documents.page']({ attributes: [{ name: 'Interviews', min: '2', max: '10' }] });
    assert.equal(found.total, 1);
    const exported = await client['exchange.exportProject']({});
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(Buffer.from(exported.base64, 'base64'));
    const xml = await zip.file('project.qde')!.async('string');
    assert.match(xml, /<Variable guid="[^"]+" name="Interviews" typeOfVariable="Integer"\/>/);
    assert.match(xml, /<IntegerValue>3<\/IntegerValue>/);
    assert.match(xml, /<BooleanValue>true<\/BooleanValue>/);
  } finally {
    other.close();
  }
});
