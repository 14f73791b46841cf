import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { getDocumentSummary } from '../../electron/db/documents.js';
import { extractFile } from '../../electron/import/extractors.js';
import { importFile, importFiles, writeImports } from '../../electron/import/importer.js';
import { startBackend, type TestBackend } from '../support/backend.js';

let backend: TestBackend;
before(async () => {
  backend = await startBackend({ seeds: false });
});
after(() => backend.close());

const db = () => backend.workspace.project.db;
const load = (fileName: string, bytes: Buffer | string, allowDuplicate = false) =>
  importFile(db(), { fileName, bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), allowDuplicate });
const textOf = async (id: number) => (await backend.client['documents.get']({ id })).text;

test('plain text keeps its paragraphs', async () => {
  const r = await load(
    'brief.txt',
    'Embassy talks resume\n\nFirst paragraph about staffing.\nSecond paragraph about visas.\n',
  );
  assert.equal(r.status, 'imported');
  assert.equal(r.document!.title, 'Embassy talks resume');
  assert.equal(
    await textOf(r.document!.id),
    'Embassy talks resume\n\nFirst paragraph about staffing.\n\nSecond paragraph about visas.',
  );
});

test('Markdown: headings become the title, formatting is dropped, paragraphs kept', async () => {
  const r = await load(
    'notes.md',
    '# Istanbul round two\n\nThe **delegations** met for *six hours*.\n\n- staffing\n- banking\n\n[link](javascript:alert(1))\n',
  );
  assert.equal(r.status, 'imported', r.message ?? '');
  assert.equal(r.document!.title, 'Istanbul round two');
  const text = await textOf(r.document!.id);
  assert.equal(text, 'Istanbul round two\n\nThe delegations met for six hours.\n\nstaffing\n\nbanking\n\nlink');
});

test('hostile HTML arrives inert: no script, no handlers, no styles, no javascript: links', async () => {
  const html = `<!doctype html><html><head><title>Talks in Istanbul</title>
    <meta property="og:site_name" content="Example News"><meta name="author" content="A. Reporter">
    <meta property="article:published_time" content="2025-02-27T10:00:00Z">
    <style>body{background:url(https://evil.example/track.png)}</style>
    <script>window.PWNED = true; fetch('https://evil.example')</script></head>
    <body><nav>Home | World</nav><article><h1>Talks in Istanbul</h1>
    <p>Diplomats met for six hours to discuss <b>embassy staffing</b> and visas.</p>
    <p><img src=x onerror="alert(1)">The second paragraph mentions diplomatic banking and the agenda in detail for the readers.</p>
    <p><a href="javascript:alert(2)">click me</a> and <iframe src="https://evil.example"></iframe> more text follows here.</p>
    <script>document.write('injected')</script></article></body></html>`;
  const r = await load('story.html', html);
  assert.equal(r.status, 'imported', r.message ?? '');
  const doc = await backend.client['documents.get']({ id: r.document!.id });
  assert.equal(doc.title, 'Talks in Istanbul');
  assert.equal(doc.outlet, 'Example News');
  assert.equal(doc.author, 'A. Reporter');
  assert.equal(doc.publishedAt, '2025-02-27');
  for (const bad of ['PWNED', 'fetch(', 'onerror', 'alert', 'javascript:', 'injected', 'background:url', '<']) {
    assert.ok(!doc.text.includes(bad), `imported text contains ${bad}`);
  }
  assert.ok(doc.text.includes('Diplomats met for six hours to discuss embassy staffing and visas.'));
  assert.ok(doc.text.split('\n\n').length >= 3, 'paragraphs kept');
});

test('PDF: text per page, paragraphs by spacing, page offsets for citations', async () => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page1 = pdf.addPage([595, 842]);
  page1.drawText('Embassy Talks Briefing', { x: 50, y: 780, size: 18, font });
  page1.drawText('The delegations met in Istanbul for six hours.', { x: 50, y: 740, size: 12, font });
  page1.drawText('They discussed staffing and visas at length.', { x: 50, y: 725, size: 12, font });
  page1.drawText('A second paragraph starts after a wider gap.', { x: 50, y: 690, size: 12, font });
  const page2 = pdf.addPage([595, 842]);
  page2.drawText('Page two covers diplomatic banking.', { x: 50, y: 780, size: 12, font });
  const r = await load('briefing.pdf', Buffer.from(await pdf.save()));
  assert.equal(r.status, 'imported', r.message ?? '');
  const doc = await backend.client['documents.get']({ id: r.document!.id });
  assert.deepEqual(doc.text.split('\n\n'), [
    'Embassy Talks Briefing',
    'The delegations met in Istanbul for six hours. They discussed staffing and visas at length.',
    'A second paragraph starts after a wider gap.',
    'Page two covers diplomatic banking.',
  ]);
  assert.equal(doc.title, 'Embassy Talks Briefing');
  assert.deepEqual(doc.pages, [
    { page: 1, offset: 0 },
    { page: 2, offset: doc.text.indexOf('Page two') },
  ]);
});

test('DOCX: headings and paragraphs come through mammoth', async () => {
  const word = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Cable: embassy operations')] }),
          new Paragraph({
            children: [
              new TextRun('Staffing levels were the '),
              new TextRun({ text: 'main', bold: true }),
              new TextRun(' topic.'),
            ],
          }),
          new Paragraph('Visa procedures came second.'),
        ],
      },
    ],
  });
  const r = await load('cable.docx', await Packer.toBuffer(word));
  assert.equal(r.status, 'imported', r.message ?? '');
  assert.equal(r.document!.title, 'Cable: embassy operations');
  assert.equal(
    await textOf(r.document!.id),
    'Cable: embassy operations\n\nStaffing levels were the main topic.\n\nVisa procedures came second.',
  );
});

test('bad files are refused with a message naming the file, and nothing is written', async () => {
  const before = (await backend.client['documents.list']({})).length;
  const cases: [string, Buffer | string, RegExp][] = [
    ['photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), /photo\.png: this kind of file is not supported/],
    ['binary.txt', Buffer.from([0x41, 0x00, 0x42, 0x00, 0xff]), /binary\.txt looks like a binary file/],
    ['fake.pdf', 'not really a pdf', /fake\.pdf is not a PDF file/],
    ['broken.pdf', '%PDF-1.7 garbage garbage', /broken\.pdf is not a readable PDF/],
    ['fake.docx', 'plain text pretending', /fake\.docx is not a Word \.docx file/],
    ['empty.txt', '', /empty\.txt is empty/],
    ['huge.txt', Buffer.alloc(41 * 1024 * 1024, 0x61), /huge\.txt is 41\.0 MB; Gloss imports files up to 40 MB/],
  ];
  for (const [name, bytes, message] of cases) {
    const r = await load(name, bytes);
    assert.equal(r.status, 'failed', name);
    assert.match(r.message ?? '', message);
  }
  assert.equal((await backend.client['documents.list']({})).length, before);
});

test('a duplicate (same text) is skipped unless asked for', async () => {
  const first = await load('dup-a.txt', 'Same content here.\n\nTwice.');
  const again = await load('dup-b.txt', 'Same content here.\r\n\r\nTwice.\r\n');
  assert.equal(again.status, 'duplicate');
  assert.match(again.message ?? '', /dup-b\.txt has the same text as “Same content here”/);
  const forced = await load('dup-b.txt', 'Same content here.\n\nTwice.', true);
  assert.equal(forced.status, 'imported');
  assert.notEqual(forced.document!.id, first.document!.id);
});

test('the API import takes base64 over the wire and reports per file', async () => {
  const r = await backend.client['documents.import']({
    fileName: 'wire.txt',
    base64: Buffer.from('Over the wire\n\nBody.').toString('base64'),
  });
  assert.equal(r.status, 'imported');
  await assert.rejects(backend.client['documents.import']({ fileName: 'x.txt', base64: 'not base64!!' }), /base64/);
});

test('UTF-16 and windows-1252 text files import with their characters intact', async () => {
  const text = 'Zürich talks — “round two”\n\nThe délégation met.';
  const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const bomLess = Buffer.from(text.replace('round two', 'round three'), 'utf16le');
  const latin = Buffer.from([
    ...Buffer.from('Caf'),
    0xe9,
    0x20,
    0x93,
    ...Buffer.from('talks'),
    0x94,
    0x20,
    0x96,
    0x20,
    0x80,
    0x35,
  ]);
  for (const [name, bytes, expected] of [
    ['notepad.txt', withBom, text],
    ['excel.txt', bomLess, text.replace('round two', 'round three')],
    ['legacy.txt', latin, 'Café “talks” – €5'],
  ] as const) {
    const r = await load(name, bytes);
    assert.equal(r.status, 'imported', `${name}: ${r.message}`);
    assert.equal(await textOf(r.document!.id), expected);
  }
});

test('importFiles reads and writes a batch: one result per file, in order, duplicates within the batch caught', async () => {
  const files = Array.from({ length: 30 }, (_, i) => ({
    fileName: `batch-${i}.${i % 3 === 0 ? 'md' : 'txt'}`,
    bytes: Buffer.from(`Batch report ${i}\n\nBody of report ${i % 29}, long enough to read.`),
  }));
  files.push({ fileName: 'batch-copy.txt', bytes: files[1].bytes }, { fileName: 'bad.png', bytes: Buffer.from('x') });
  const results = await importFiles(db(), files);
  assert.deepEqual(
    results.map((r) => r.fileName),
    files.map((f) => f.fileName),
  );
  assert.equal(results.filter((r) => r.status === 'imported').length, 30);
  assert.equal(results[30].status, 'duplicate');
  assert.equal(results[31].status, 'failed');
  assert.equal(results[4].document!.title, 'Batch report 4');
  assert.ok(
    results.slice(0, 30).every((r, i, all) => i === 0 || r.document!.id > all[i - 1].document!.id),
    'written in order',
  );
});

test('documents.importBatch imports many files in one call, one result per file', async () => {
  const files = ['one', 'two', 'three'].map((word) => ({
    fileName: `wire-${word}.txt`,
    base64: Buffer.from(`Batch over the wire: ${word}\n\nBody ${word}.`).toString('base64'),
  }));
  const results = await backend.client['documents.importBatch']({
    files: [...files, { fileName: 'x.exe', base64: 'AA==' }],
  });
  assert.deepEqual(
    results.map((r) => r.status),
    ['imported', 'imported', 'imported', 'failed'],
  );
  assert.equal(results[2].document!.title, 'Batch over the wire: three');
});

test('a large batch is written many documents to an insert: each summary is the stored one, each text searchable', async () => {
  // Over a write's chunk of rows, with texts of different lengths, a Chinese one, a duplicate of a file earlier in
  // the batch and a copy asked for: ids, summaries and the full-text index must all match document by document.
  const files = Array.from({ length: 300 }, (_, i) => ({
    fileName: `large-${i}.txt`,
    bytes: Buffer.from(`Large batch ${i}\n\nMarker zqx${i}w appears once.${' Filler words here.'.repeat(i % 40)}`),
    allowDuplicate: false,
  }));
  files[150] = { ...files[150], bytes: Buffer.from('大使馆的报告\n\n美国大使馆今天发表声明。') };
  files.push(
    { ...files[7], fileName: 'large-copy.txt' },
    { ...files[8], fileName: 'large-forced.txt', allowDuplicate: true },
  );
  const results = await importFiles(db(), files);
  results.slice(0, 300).forEach((r, i) => {
    assert.equal(r.status, 'imported', r.message ?? '');
    assert.deepEqual(r.document, getDocumentSummary(db(), r.document!.id), `summary of ${r.fileName}`);
    assert.equal(r.document!.sourceName, `large-${i}.txt`);
  });
  assert.equal(results[300].status, 'duplicate');
  assert.deepEqual(results[300].document, results[7].document);
  assert.equal(results[301].status, 'imported');
  assert.notEqual(results[301].document!.id, results[8].document!.id);
  for (const i of [0, 1, 127, 128, 129, 255, 299]) {
    const hits = await backend.client['search.query']({ query: `zqx${i}w`, kinds: ['document'] });
    assert.deepEqual(
      hits.map((h) => h.documentId),
      [results[i].document!.id],
      `search finds large-${i}.txt`,
    );
  }
  const cjk = await backend.client['search.query']({ query: '大使馆', kinds: ['document'] });
  assert.deepEqual(
    cjk.map((h) => h.documentId),
    [results[150].document!.id],
  );
});

test('one write of many documents (several inserts) is one undo step, and undo and redo keep search in step', async () => {
  const items = await Promise.all(
    Array.from({ length: 200 }, async (_, i) => {
      const fileName = `undo-${i}.txt`;
      const bytes = Buffer.from(`Undo batch ${i}\n\nMarker undoqk${i} here.`);
      return { fileName, request: { fileName, bytes }, extracted: await extractFile(fileName, bytes) };
    }),
  );
  const before = (await backend.client['documents.list']({})).length;
  const written = writeImports(db(), items);
  assert.ok(written.every((r) => r.status === 'imported'));
  const found = async (i: number) =>
    (await backend.client['search.query']({ query: `undoqk${i}`, kinds: ['document'] })).length;
  assert.equal(await found(199), 1);
  await backend.client['history.undo']({});
  assert.equal((await backend.client['documents.list']({})).length, before);
  assert.equal((await found(0)) + (await found(130)) + (await found(199)), 0);
  await backend.client['history.redo']({});
  assert.equal((await backend.client['documents.list']({})).length, before + 200);
  assert.equal((await found(0)) + (await found(130)) + (await found(199)), 3);
});
