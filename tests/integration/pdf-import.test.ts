// PDFs as analysts get them: running headers, page numbers, hyphenation, page breaks mid-sentence, two columns,
// a table. The import must read them as the text they print, and every citation must name its page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { createBackend } from '../../electron/backend.js';
import { chromiumPdfService } from '../../electron/server/pdf.js';
import { createClient, type GlossClient } from '../../shared/api.js';
import type { DocumentFull } from '../../shared/types.js';
import { chromiumReportPdf, figurePdf, statementPdf, twoColumnPdf, type PdfFixture } from '../support/pdfFixtures.js';
import { artifactsDir } from '../support/app.js';
import { solidPng } from '../support/png.js';
import { tempDir } from '../support/temp.js';

let client: GlossClient;
let close: () => Promise<void>;
const pdfService = chromiumPdfService();
const fixtures: PdfFixture[] = [];
const imported = new Map<string, DocumentFull>();
const dir = tempDir();

before(async () => {
  const dataDir = tempDir();
  const backend = await createBackend({ dataDir, projectPath: path.join(dataDir, 'p.gloss') }, { export: pdfService });
  client = createClient((op, args) => backend.dispatch(op, args));
  close = async () => {
    await pdfService.close?.();
    backend.close();
  };
  fixtures.push(await statementPdf(), await twoColumnPdf(), await chromiumReportPdf());
  for (const f of fixtures) {
    fs.writeFileSync(path.join(dir, f.name), f.bytes);
    const r = await client['documents.import']({ fileName: f.name, base64: f.bytes.toString('base64') });
    assert.equal(r.status, 'imported', r.message ?? '');
    imported.set(f.name, await client['documents.get']({ id: r.document!.id }));
  }
});
after(() => close());

/** The text pdftotext prints for one page, whitespace collapsed. */
function popplerPage(name: string, page: number): string {
  const file = path.join(dir, name);
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'])
    .toString('utf8')
    .replace(/\u00ad/g, '')
    .replace(/[-‐]\n/g, '')
    .replace(/\s+/g, ' ');
}

test('the text is the paragraphs as written: headers, footers and page numbers gone, hyphens joined', () => {
  for (const f of fixtures) {
    const doc = imported.get(f.name)!;
    assert.deepEqual(doc.text.split('\n\n'), f.paragraphs, f.name);
    for (const r of f.running) assert.ok(!doc.text.includes(r), `${f.name} keeps the running text “${r}”`);
    assert.doesNotMatch(doc.text, /(^|\n)(- )?\d+( -| \/ \d+)?(\n|$)/, `${f.name} keeps a page number`);
    assert.doesNotMatch(doc.text, /___/, `${f.name} keeps a rule line`);
  }
  const statement = imported.get('statement.pdf')!.text;
  assert.ok(statement.includes('both countries would continue'), 'coun- tries joined');
  assert.ok(statement.includes('The long-term goal') && statement.includes('the long-term plan'), 'compound kept');
  assert.ok(!statement.includes('longterm'));
  assert.ok(!/\b(coun|ques|re|de)-\s/.test(statement));
});

test('the original PDF is kept, and undo/redo of the import takes it away and brings it back', async () => {
  const doc = imported.get('bulletin.pdf')!;
  const original = async () => (await client['documents.originalPdf']({ id: doc.id }))?.base64;
  assert.equal(original && (await original()), fixtures[1].bytes.toString('base64'));
  const extra = await client['documents.import']({
    fileName: 'again.pdf',
    base64: fixtures[1].bytes.toString('base64'),
    allowDuplicate: true,
  });
  const id = extra.document!.id;
  assert.ok(await client['documents.originalPdf']({ id }));
  await client['history.undo']({});
  await assert.rejects(client['documents.originalPdf']({ id }));
  await client['history.redo']({});
  assert.equal((await client['documents.originalPdf']({ id }))?.base64, fixtures[1].bytes.toString('base64'));
});

test('titles: the document info, else the largest text on page 1 — not “Statement By”', () => {
  for (const f of fixtures) assert.equal(imported.get(f.name)!.title, f.title, f.name);
});

test('every page starts at the offset where its text begins', () => {
  for (const f of fixtures) {
    const doc = imported.get(f.name)!;
    assert.ok(doc.pages!.length >= 2, `${f.name} has several pages`);
    for (const { page, offset } of doc.pages!) {
      const opening = doc.text.slice(offset, offset + 40).replace(/\s+/g, ' ');
      assert.ok(popplerPage(f.name, page).includes(opening), `${f.name} p. ${page} does not start with “${opening}”`);
    }
  }
});

test('citations carry their page into Markdown, HTML, DOCX and PDF memos', async () => {
  const doc = imported.get('statement.pdf')!;
  const [, second, third, fourth] = doc.pages!;
  // One passage inside page 4, one across the break from page 2 to page 3.
  const words = (from: number, to: number) => ({
    documentId: doc.id,
    start: doc.text.indexOf(' ', from) + 1,
    end: doc.text.indexOf(' ', to),
  });
  const onFour = await client['highlights.create'](words(fourth.offset + 5, fourth.offset + 60));
  const across = await client['highlights.create'](words(third.offset - 40, third.offset + 30));
  assert.ok(third.offset - 40 > second.offset);
  const citation = (h: { id: number; exact: string }) => ({
    type: 'citation',
    attrs: { highlightId: h.id, quote: h.exact, documentTitle: '', outlet: '', publishedAt: '' },
  });
  const content = { type: 'doc', content: [citation(onFour), citation(across)] };
  const memo = await client['memos.create']({ title: 'Pages cited', content: JSON.stringify(content) });
  const [sourceFour, sourceAcross] = await client['citations.resolve']({ highlightIds: [onFour.id, across.id] });
  assert.deepEqual([sourceFour.page, sourceFour.pageEnd, sourceAcross.page, sourceAcross.pageEnd], [4, 4, 2, 3]);

  const file = async (format: 'md' | 'html' | 'docx' | 'pdf') =>
    Buffer.from((await client['export.memo']({ memoId: memo.id, format })).base64, 'base64');
  const expectPages = (text: string, format: string) => {
    assert.match(text, /Embassy Operations after the Istanbul Talks”, p\. 4/, `${format}: p. 4`);
    assert.match(text, /Embassy Operations after the Istanbul Talks”, pp\. 2–3/, `${format}: pp. 2–3`);
  };
  expectPages((await file('md')).toString('utf8'), 'md');
  expectPages((await file('html')).toString('utf8'), 'html');
  const zip = await JSZip.loadAsync(await file('docx'));
  expectPages(await zip.file('word/footnotes.xml')!.async('string'), 'docx');
  fs.mkdirSync(artifactsDir, { recursive: true });
  const pdfPath = path.join(artifactsDir, 'memo-pdf-citations.pdf');
  fs.writeFileSync(pdfPath, await file('pdf'));
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-f',
    '1',
    '-l',
    '1',
    pdfPath,
    path.join(artifactsDir, 'memo-pdf-citations'),
  ]);
  expectPages(execFileSync('pdftotext', [pdfPath, '-']).toString('utf8').replace(/\s+/g, ' '), 'pdf');
});

test('a region highlight: stored in PDF points with its image, listed, cited by its page, exported with the image', async () => {
  const fixture = await figurePdf();
  const r = await client['documents.import']({ fileName: fixture.name, base64: fixture.bytes.toString('base64') });
  const doc = await client['documents.get']({ id: r.document!.id });
  const caption = doc.text.indexOf('Figure 1');
  const png = solidPng(40, 30, '#2e5c9e');
  const { x, y, width, height } = fixture.chart;
  const region = { page: 1, firstX: x, firstY: y + height, secondX: x + width, secondY: y };
  const h = await client['regions.create']({
    documentId: doc.id,
    start: caption,
    end: doc.text.length,
    ...region,
    imageBase64: png.toString('base64'),
  });
  const [listed] = await client['regions.list']({ documentId: doc.id });
  assert.deepEqual({ ...listed, imageBase64: undefined }, { highlightId: h.id, ...region, imageBase64: undefined });
  assert.equal(listed.imageBase64, png.toString('base64'));
  await assert.rejects(
    client['regions.create']({ documentId: doc.id, start: 0, end: 5, ...region, firstY: y - 10, imageBase64: null }),
    /top-left corner/,
  );
  await assert.rejects(
    client['regions.create']({ documentId: doc.id, start: 0, end: 5, ...region, imageBase64: 'PHN2Zz4=' }),
    /PNG/,
  );

  const content = {
    type: 'doc',
    content: [
      {
        type: 'citation',
        attrs: { highlightId: h.id, quote: h.exact, documentTitle: '', outlet: '', publishedAt: '' },
      },
    ],
  };
  const memo = await client['memos.create']({ title: 'Figure cited', content: JSON.stringify(content) });
  const file = async (format: 'md' | 'html' | 'docx' | 'pdf') =>
    Buffer.from((await client['export.memo']({ memoId: memo.id, format })).base64, 'base64');
  const html = (await file('html')).toString('utf8');
  assert.ok(html.includes(`src="data:image/png;base64,${png.toString('base64')}"`), 'HTML has the image');
  assert.match(html, /Visa Applications in 2024”, p\. 1/);
  const zip = await JSZip.loadAsync(await file('docx'));
  assert.ok(
    Object.keys(zip.files).some((f) => f.startsWith('word/media/')),
    'DOCX has the image',
  );
  const pdfPath = path.join(dir, 'figure-memo.pdf');
  fs.writeFileSync(pdfPath, await file('pdf'));
  const images = execFileSync('pdfimages', ['-list', pdfPath]).toString('utf8').trim().split('\n').slice(2);
  assert.ok(images.length >= 1, 'PDF has the image');
  assert.match((await file('md')).toString('utf8'), /p\. 1/);

  await client['history.undo']({}); // the memo
  await client['history.undo']({}); // the region
  assert.deepEqual(await client['regions.list']({ documentId: doc.id }), []);
  await client['history.redo']({});
  assert.equal((await client['regions.list']({ documentId: doc.id })).length, 1);
});
