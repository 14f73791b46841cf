import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { createBackend } from '../../electron/backend.js';
import { chromiumPdfService } from '../../electron/server/pdf.js';
import { createClient, type GlossClient } from '../../shared/api.js';
import { artifactsDir } from '../support/app.js';
import { seedsDir, tempDir } from '../support/temp.js';

let client: GlossClient;
let close: () => Promise<void>;
const pdfService = chromiumPdfService();
let memoId: number;
const QUOTE_A = 'staffing levels, visa procedures, and diplomatic banking';
const QUOTE_B = 'Russian and U.S. diplomats convened in Istanbul';

before(async () => {
  const dataDir = tempDir();
  const backend = await createBackend(
    { dataDir, projectPath: path.join(dataDir, 'm.gloss'), seedsDir },
    { export: pdfService },
  );
  client = createClient((op, args) => backend.dispatch(op, args));
  close = async () => {
    await pdfService.close?.();
    backend.close();
  };
  const docs = await client['documents.list']({});
  const cite = async (index: number, phrase: string, outlet: string) => {
    const doc = await client['documents.get']({ id: docs[index].id });
    await client['documents.update']({ id: doc.id, patch: { outlet, publishedAt: '2025-02-27' } });
    const start = doc.text.indexOf(phrase);
    return client['highlights.create']({ documentId: doc.id, start, end: start + phrase.length });
  };
  const a = await cite(0, QUOTE_A, 'Al Jazeera');
  const b = await cite(1, QUOTE_B, 'The New York Times');
  const content = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Istanbul talks: what changed' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'The talks were ' },
          { type: 'text', text: 'narrow', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' by design.' },
        ],
      },
      {
        type: 'citation',
        attrs: { highlightId: a.id, quote: a.exact, documentTitle: '', outlet: '', publishedAt: '' },
      },
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ukraine was off the agenda' }] }],
          },
        ],
      },
      {
        type: 'citation',
        attrs: { highlightId: b.id, quote: b.exact, documentTitle: '', outlet: '', publishedAt: '' },
      },
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: '<script>alert(1)</script>',
            marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
          },
        ],
      },
    ],
  };
  memoId = (await client['memos.create']({ title: 'Istanbul talks: what changed', content: JSON.stringify(content) }))
    .id;
});
after(() => close());

async function exported(format: 'md' | 'html' | 'docx' | 'pdf'): Promise<Buffer> {
  const file = await client['export.memo']({ memoId, format });
  assert.ok(file.fileName.endsWith(`.${format}`));
  return Buffer.from(file.base64, 'base64');
}

test('Markdown: one footnote per citation with the right outlet and quote', async () => {
  const md = (await exported('md')).toString('utf8');
  assert.match(md, /^# Istanbul talks: what changed/m);
  assert.match(md, /\*\*narrow\*\*/);
  const refs = md.match(/\[\^\d+\](?!:)/g) ?? [];
  const defs = md.match(/^\[\^\d+\]:.*$/gm) ?? [];
  assert.equal(refs.length, 2);
  assert.equal(defs.length, 2);
  assert.match(
    defs[0],
    /^\[\^1\]: Al Jazeera, .*2025-02-27\. “staffing levels, visa procedures, and diplomatic banking”$/,
  );
  assert.match(
    defs[1],
    /^\[\^2\]: The New York Times, “Russian and US Diplomats Meet in Turkey for Talks on Repairing Ties”, 2025-02-27\. “Russian and U\.S\. diplomats convened in Istanbul”$/,
  );
});

test('HTML: standalone, quotes and sources present, no script and no javascript: link', async () => {
  const html = (await exported('html')).toString('utf8');
  assert.ok(html.includes('diplomatic banking'));
  assert.ok(html.includes('The New York Times'));
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /javascript:/i);
  assert.match(html, /Content-Security-Policy/);
});

test('DOCX: document.xml has the quotes and a real footnotes part', async () => {
  const zip = await JSZip.loadAsync(await exported('docx'));
  const documentXml = await zip.file('word/document.xml')!.async('string');
  assert.ok(documentXml.includes('staffing levels, visa procedures, and diplomatic banking'));
  assert.ok(documentXml.includes('Russian and U.S. diplomats convened in Istanbul'));
  assert.match(documentXml, /<w:footnoteReference w:id="1"\/>/);
  const footnotes = await zip.file('word/footnotes.xml')!.async('string');
  assert.ok(footnotes.includes('Al Jazeera'));
  assert.ok(footnotes.includes('The New York Times'));
});

test('PDF: the text holds the memo title and the quotes', async () => {
  const pdf = await exported('pdf');
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, 'memo.pdf');
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
  assert.ok(text.includes('Istanbul talks: what changed'), text.slice(0, 300));
  assert.ok(text.includes('diplomatic banking'));
  assert.ok(text.includes('Russian and U.S. diplomats convened in Istanbul'));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(artifactsDir, 'memo-pdf-page')]);
});

test('PDF: twelve exports at once share one Chromium, and HTML past 2 MiB prints', async () => {
  const before = pdfService.launches!();
  const files = await Promise.all(Array.from({ length: 12 }, () => exported('pdf')));
  for (const pdf of files) assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(
    pdfService.launches!() - before <= 1,
    `${pdfService.launches!() - before} Chromium launches for 12 exports`,
  );
  const big = `<!doctype html><p>${'Citation text that fills the page. '.repeat(70_000)}</p>`;
  assert.ok(Buffer.byteLength(big) > 2 * 1024 * 1024);
  const pdf = await pdfService.htmlToPdf!(big);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
});

test('a citation whose passage was deleted keeps its last quote, marked', async () => {
  const memo = await client['memos.get']({ id: memoId });
  const ids = [...memo.content.matchAll(/"highlightId":(\d+)/g)].map((m) => Number(m[1]));
  await client['highlights.delete']({ id: ids[0] });
  const [source] = await client['citations.resolve']({ highlightIds: [ids[0]] });
  assert.equal(source.exists, false);
  const md = (await exported('md')).toString('utf8');
  assert.match(md, /\[\^1\]: .*passage since deleted.*“staffing levels, visa procedures, and diplomatic banking”/);
});

test('notes: save, replace, find by search index, and one note per passage', async () => {
  const doc = (await client['documents.list']({}))[2];
  const h = await client['highlights.create']({ documentId: doc.id, start: 0, end: 30 });
  const content = JSON.stringify({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first thought' }] }],
  });
  const first = await client['notes.save']({ highlightId: h.id, content, text: 'first thought' });
  const second = await client['notes.save']({ highlightId: h.id, content, text: 'second thought about sanctions' });
  assert.equal(second.id, first.id);
  assert.equal((await client['notes.forHighlight']({ highlightId: h.id }))?.text, 'second thought about sanctions');
  assert.equal(second.documentId, doc.id);
  await assert.rejects(
    client['notes.save']({ highlightId: h.id, documentId: doc.id, content, text: 'x' }),
    /exactly one/,
  );
  await assert.rejects(client['notes.save']({ highlightId: h.id, content: '[1,2]', text: 'x' }), /JSON document/);
});

test('draft from tag: one section per tag with its passages cited in document order', async () => {
  const tag = await client['tags.create']({ name: 'visas', description: 'Visa procedures' });
  const docs = await client['documents.list']({});
  const later = await client['highlights.create']({ documentId: docs[3].id, start: 10, end: 40, tagIds: [tag.id] });
  const earlier = await client['highlights.create']({ documentId: docs[1].id, start: 10, end: 40, tagIds: [tag.id] });
  const memo = await client['memos.draftFromTags']({ title: 'Visa memo', tagIds: [tag.id] });
  const content = JSON.parse(memo.content);
  assert.deepEqual(
    content.content
      .filter((n: { type: string }) => n.type === 'heading')
      .map((n: { content: { text: string }[] }) => n.content[0].text),
    ['Visa memo', 'visas'],
  );
  const cited = content.content
    .filter((n: { type: string }) => n.type === 'citation')
    .map((n: { attrs: { highlightId: number } }) => n.attrs.highlightId);
  assert.deepEqual(cited, [earlier.id, later.id]);
});

test('annotations export: CSV (formula-safe) and W3C Web Annotation JSON', async () => {
  const tag = await client['tags.create']({ name: '=HYPERLINK("x")' });
  const doc = (await client['documents.list']({}))[4];
  await client['highlights.create']({ documentId: doc.id, start: 0, end: 12, tagIds: [tag.id] });
  const csv = Buffer.from((await client['export.annotations']({ format: 'csv' })).base64, 'base64').toString('utf8');
  assert.match(
    csv,
    /^\uFEFFdocument,outlet,published,start,end,quote,tags,note,orphaned,source reliability,information credibility\r\n/,
  );
  assert.ok(csv.includes(`"'=HYPERLINK(""x"")"`), 'a formula-looking cell is defused');
  const w3c = JSON.parse(
    Buffer.from((await client['export.annotations']({ format: 'w3c' })).base64, 'base64').toString('utf8'),
  );
  assert.equal(w3c.type, 'AnnotationCollection');
  // The W3C annotation test suite's collection check (5.1): an IRI id, and a first page holding the items.
  assert.match(w3c.id, /^urn:/);
  assert.equal(w3c.first.type, 'AnnotationPage');
  assert.equal(w3c.first.partOf, w3c.id);
  assert.equal(w3c.first.startIndex, 0);
  assert.equal(w3c.total, w3c.first.items.length);
  assert.equal(w3c.items, undefined, 'items live on the page, not the collection');
  const item = w3c.first.items.find((i: { body: { value: string }[] }) =>
    i.body.some((b) => b.value === '=HYPERLINK("x")'),
  );
  assert.deepEqual(
    item.target.selector.map((s: { type: string }) => s.type),
    ['TextQuoteSelector', 'TextPositionSelector'],
  );
});

test('every format opens with the memo title, once, also when the memo body does not begin with it', async () => {
  const untitledBody = {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body only.' }] }],
  };
  const memo = await client['memos.create']({ title: 'Visa backlog note', content: JSON.stringify(untitledBody) });
  const file = async (format: 'md' | 'html' | 'docx') =>
    Buffer.from((await client['export.memo']({ memoId: memo.id, format })).base64, 'base64');
  const md = (await file('md')).toString('utf8');
  assert.match(md, /^# Visa backlog note\n\nBody only\./);
  const html = (await file('html')).toString('utf8');
  assert.equal(html.match(/<h1>Visa backlog note<\/h1>/g)?.length, 1);
  const docx = await (await JSZip.loadAsync(await file('docx'))).file('word/document.xml')!.async('string');
  assert.ok(docx.indexOf('Visa backlog note') < docx.indexOf('Body only.'), 'the title comes first');
  assert.match(docx, /<w:pStyle w:val="Heading1"\/>/);

  // A memo that already begins with its title as a heading is not given it twice.
  const titled = (await exported('md')).toString('utf8');
  assert.equal(titled.match(/^# Istanbul talks: what changed$/gm)?.length, 1);
});
