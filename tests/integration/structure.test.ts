// Structured text (issue 12): imports keep headings, lists, quotes, tables, preformatted text and footnotes as
// blocks over the unchanged canonical text; blocks go and come back with their document; DOCX and HTML titles.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { importFile } from '../../electron/import/importer.js';
import { PARAGRAPH_SEPARATOR } from '../../shared/structure.js';
import type { DocumentBlock, DocumentFull } from '../../shared/types.js';
import { startBackend, type TestBackend } from '../support/backend.js';

let backend: TestBackend;
before(async () => {
  backend = await startBackend({ seeds: false });
});
after(() => backend.close());

async function imported(fileName: string, bytes: Buffer | string): Promise<DocumentFull> {
  const r = await importFile(backend.workspace.project.db, {
    fileName,
    bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes),
    allowDuplicate: true,
  });
  assert.equal(r.status, 'imported', r.message ?? '');
  return backend.client['documents.get']({ id: r.document!.id });
}

/** Each block as "kind[attrs] text", in text order: what the reader will render. */
function described(doc: DocumentFull): string[] {
  return doc.blocks.map((b) => `${shapeOf(b)} ${doc.text.slice(b.start, b.end)}`);
}

function shapeOf(b: DocumentBlock): string {
  const attrs = [
    b.level !== undefined && `level=${b.level}`,
    b.ordered && 'ordered',
    b.continued && 'continued',
    b.table !== undefined && `t${b.table}r${b.row}c${b.col}`,
    b.header && 'header',
    b.indent && `indent=${b.indent}`,
  ].filter(Boolean);
  return attrs.length ? `${b.kind}[${attrs.join(' ')}]` : b.kind;
}

/** The canonical form is untouched: paragraphs joined by the one separator, none holding a line break. */
function assertCanonical(doc: DocumentFull): void {
  for (const p of doc.text.split(PARAGRAPH_SEPARATOR)) {
    assert.ok(p.length > 0 && !p.includes('\n') && p === p.trim(), `paragraph ${JSON.stringify(p)}`);
  }
  for (const b of doc.blocks) {
    assert.ok(b.start === 0 || doc.text.slice(b.start - 2, b.start) === PARAGRAPH_SEPARATOR, 'starts a paragraph');
    assert.ok(b.end === doc.text.length || doc.text.slice(b.end, b.end + 2) === PARAGRAPH_SEPARATOR, 'ends one');
  }
}

test('HTML: every block kind is kept as a span over the canonical text', async () => {
  const html = `<!doctype html><html><head><title>Embassy talks: the record</title></head><body><main>
    <h1>Embassy talks: the record</h1>
    <p>The delegations met for six hours at the consul general's residence in Istanbul on Thursday.</p>
    <h2>Agenda</h2>
    <ul><li>Staffing levels<ul><li>Visas for new staff</li><li>Diplomatic banking</li></ul></li>
      <li><p>Property</p><p>Returned buildings were discussed too.</p></li></ul>
    <h3>Order of business</h3>
    <ol><li>Opening statements</li><li>Working groups</li></ol>
    <blockquote><p>We will know soon if Russia is really willing to engage in good faith.</p></blockquote>
    <table><thead><tr><th>Country</th><th>Staff</th></tr></thead>
      <tbody><tr><td>Russia</td><td>150</td></tr><tr><td></td><td>unknown</td></tr></tbody></table>
    <pre>round 1: Riyadh
  round 2: Istanbul</pre>
    <h4>Level four</h4><h5>Level five</h5><h6>Level six</h6>
    <p>Closing paragraph.</p></main></body></html>`;
  const doc = await imported('record.html', html);
  assertCanonical(doc);
  assert.equal(doc.title, 'Embassy talks: the record');
  // Readability takes the page's headline as the title and leaves it out of the article text.
  assert.deepEqual(described(doc), [
    'heading[level=2] Agenda',
    'item[level=1] Staffing levels',
    'item[level=2] Visas for new staff',
    'item[level=2] Diplomatic banking',
    'item[level=1] Property',
    'item[level=1 continued] Returned buildings were discussed too.',
    'heading[level=3] Order of business',
    'item[level=1 ordered] Opening statements',
    'item[level=1 ordered] Working groups',
    'quote We will know soon if Russia is really willing to engage in good faith.',
    'cell[t0r0c0 header] Country',
    'cell[t0r0c1 header] Staff',
    'cell[t0r1c0] Russia',
    'cell[t0r1c1] 150',
    'cell[t0r2c1] unknown',
    'pre round 1: Riyadh',
    'pre[indent=2] round 2: Istanbul',
    'heading[level=4] Level four',
    'heading[level=5] Level five',
    'heading[level=6] Level six',
  ]);
  assert.ok(doc.text.includes(`Istanbul on Thursday.${PARAGRAPH_SEPARATOR}Agenda`), 'paragraphs stay plain');
});

test('Markdown: headings, nested lists, quotes, tables and code become blocks; the # heading is the title', async () => {
  const md = [
    '# AT&amp;T and the embassies',
    'Intro paragraph.',
    '## Agenda',
    '- staffing\n- banking\n  1. accounts\n  2. transfers\n- property',
    '> Quoted from the briefing.',
    '| Round | City |\n| --- | --- |\n| 1 | Riyadh |\n| 2 | Istanbul |',
    '```\nstaff = 150\nvisas = 12\n```',
    'Done.',
  ].join('\n\n');
  const doc = await imported('agenda.md', md);
  assertCanonical(doc);
  assert.equal(doc.title, 'AT&T and the embassies', 'entities decoded in the title');
  assert.deepEqual(described(doc), [
    'heading[level=1] AT&T and the embassies',
    'heading[level=2] Agenda',
    'item[level=1] staffing',
    'item[level=1] banking',
    'item[level=2 ordered] accounts',
    'item[level=2 ordered] transfers',
    'item[level=1] property',
    'quote Quoted from the briefing.',
    'cell[t0r0c0 header] Round',
    'cell[t0r0c1 header] City',
    'cell[t0r1c0] 1',
    'cell[t0r1c1] Riyadh',
    'cell[t0r2c0] 2',
    'cell[t0r2c1] Istanbul',
    'pre staff = 150',
    'pre visas = 12',
  ]);
});

function wordDocument(options: { coreTitle?: string; titleParagraph?: string }): Promise<Buffer> {
  const body = [
    ...(options.titleParagraph ? [new Paragraph({ text: options.titleParagraph, heading: HeadingLevel.TITLE })] : []),
    new Paragraph({ text: 'Introduction (h1) (Arial 20)', heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ children: [new TextRun('Body text with a note'), new FootnoteReferenceRun(1), new TextRun('.')] }),
    new Paragraph({ text: 'Details', heading: HeadingLevel.HEADING_2 }),
    new Paragraph({ text: 'First bullet', bullet: { level: 0 } }),
    new Paragraph({ text: 'Nested bullet', bullet: { level: 1 } }),
    new Paragraph({ text: 'Step one', numbering: { reference: 'steps', level: 0 } }),
    new Table({
      rows: [
        new TableRow({
          tableHeader: true,
          children: [new TableCell({ children: [new Paragraph('Country')] }), cell('Staff')],
        }),
        new TableRow({ children: [cell('Russia'), cell('150')] }),
      ],
    }),
    new Paragraph('After the table.'),
  ];
  const doc = new Document({
    ...(options.coreTitle && { title: options.coreTitle }),
    numbering: {
      config: [{ reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] }],
    },
    footnotes: { 1: { children: [new Paragraph('A footnote naming the source.')] } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}

function cell(text: string): TableCell {
  return new TableCell({ children: [new Paragraph(text)] });
}

test('DOCX: headings, lists, tables and footnotes kept as structure; title from the core properties', async () => {
  const bytes = await wordDocument({
    coreTitle: 'Digital Preservation Test Document',
    titleParagraph: 'A Title-style paragraph',
  });
  const doc = await imported('preservation.docx', bytes);
  assertCanonical(doc);
  assert.equal(doc.title, 'Digital Preservation Test Document');
  assert.deepEqual(described(doc), [
    'heading[level=1] A Title-style paragraph',
    'heading[level=1] Introduction (h1) (Arial 20)',
    'heading[level=2] Details',
    'item[level=1] First bullet',
    'item[level=2] Nested bullet',
    'item[level=1 ordered] Step one',
    'cell[t0r0c0 header] Country',
    'cell[t0r0c1 header] Staff',
    'cell[t0r1c0] Russia',
    'cell[t0r1c1] 150',
    'footnote A footnote naming the source.',
  ]);
  assert.ok(!doc.text.includes('↑'), 'the footnote back-link arrow is not text');
});

test('DOCX title: the Title style paragraph before the first heading, then the first heading', async () => {
  const titled = await imported('titled.docx', await wordDocument({ titleParagraph: 'Statement on Embassy Staffing' }));
  assert.equal(titled.title, 'Statement on Embassy Staffing');
  const plain = await imported('plain.docx', await wordDocument({}));
  assert.equal(plain.title, 'Introduction (h1) (Arial 20)');
  const entity = await imported('entity.docx', await wordDocument({ coreTitle: 'AT&T & the embassies' }));
  assert.equal(entity.title, 'AT&T & the embassies', 'XML-escaped in core.xml, decoded once');
});

test('HTML titles have their entities decoded and bylines do not repeat the outlet', async () => {
  const html = `<!doctype html><html><head><title>AT&amp;amp;T briefs diplomats</title>
    <meta property="og:site_name" content="BBC News"><meta name="author" content="BBC News"></head>
    <body><article><h1>AT&amp;amp;T briefs diplomats</h1>
    <p>Embassy staff were briefed on communications by the company for several hours on Thursday in Istanbul.</p>
    <p>The second paragraph says more about what the company told the diplomats and the agenda for the talks.</p>
    </article></body></html>`;
  const doc = await imported('bbc.html', html);
  assert.equal(doc.title, 'AT&T briefs diplomats');
  assert.equal(doc.outlet, 'BBC News');
  assert.equal(doc.author, null, 'the outlet is not also the author');
});

test('plain text: subheads between paragraphs of prose become headings, other short lines do not', async () => {
  const prose = (n: number) =>
    `Paragraph ${n} reports what the delegations said about staffing, visas and banking at the talks in Istanbul ` +
    'on Thursday, and what each side said it wanted next.';
  const text = [
    'Talks Resume in Istanbul',
    prose(1),
    'What Comes Next',
    prose(2),
    'Is this a question?',
    prose(3),
    'signed, the desk',
  ].join('\n\n');
  const doc = await imported('subheads.txt', text);
  assert.deepEqual(described(doc), ['heading[level=2] What Comes Next']);
});

test('blocks are deleted with their document and restored by undo, and redo deletes them again', async () => {
  const c = backend.client;
  const doc = await imported('undoable.md', '# Undoable\n\n- one\n- two\n\nText.');
  assert.equal(doc.blocks.length, 3);
  await c['documents.delete']({ id: doc.id });
  const count = () =>
    backend.workspace.project.db
      .prepare('SELECT COUNT(*) FROM document_structure WHERE document_id = ?')
      .pluck()
      .get(doc.id) as number;
  assert.equal(count(), 0, 'cascaded');
  await c['history.undo']({});
  assert.deepEqual((await c['documents.get']({ id: doc.id })).blocks, doc.blocks);
  await c['history.redo']({});
  assert.equal(count(), 0);
  await c['history.undo']({});
  assert.deepEqual((await c['documents.get']({ id: doc.id })).blocks, doc.blocks);
});

test('undoing an import removes its blocks; redoing it brings them back', async () => {
  const c = backend.client;
  const r = await c['documents.import']({
    fileName: 'redo.md',
    base64: Buffer.from('# Redo me\n\n1. first\n2. second').toString('base64'),
    allowDuplicate: true,
  });
  const id = r.document!.id;
  const blocks = (await c['documents.get']({ id })).blocks;
  assert.equal(blocks.length, 3);
  await c['history.undo']({});
  await assert.rejects(c['documents.get']({ id }));
  await c['history.redo']({});
  assert.deepEqual((await c['documents.get']({ id })).blocks, blocks);
});

test('re-importing a file replaces its structure with the new one', async () => {
  const c = backend.client;
  const doc = await imported('changing.md', '# Changing\n\n- alpha\n- beta\n\nBody.');
  await c['documents.reimport']({
    id: doc.id,
    fileName: 'changing.md',
    base64: Buffer.from('# Changing\n\n## Now a section\n\nBody.').toString('base64'),
  });
  assert.deepEqual(described(await c['documents.get']({ id: doc.id })), [
    'heading[level=1] Changing',
    'heading[level=2] Now a section',
  ]);
});

test('blocks that do not fall on paragraphs are never served', async () => {
  const doc = await imported('tampered.md', '# Tampered\n\nOne paragraph.\n\nTwo.');
  const bad = [
    { start: 1, end: 5, kind: 'heading', level: 2 },
    { start: 10, end: 24, kind: 'quote' },
    { start: 10, end: 30, kind: 'quote' },
    { start: 26, end: 30, kind: 'script' },
    { start: '0', end: 8, kind: 'heading' },
  ];
  backend.workspace.project.db
    .prepare('UPDATE document_structure SET blocks = ? WHERE document_id = ?')
    .run(JSON.stringify(bad), doc.id);
  assert.deepEqual(described(await backend.client['documents.get']({ id: doc.id })), ['quote One paragraph.']);
  backend.workspace.project.db
    .prepare('UPDATE document_structure SET blocks = ? WHERE document_id = ?')
    .run(JSON.stringify([{ start: 0, end: 8, kind: 'heading', level: '<script>', onclick: 'x', header: 1 }]), doc.id);
  const [only] = (await backend.client['documents.get']({ id: doc.id })).blocks;
  assert.deepEqual(only, { start: 0, end: 8, kind: 'heading' }, 'unknown or mistyped fields are dropped');
});
