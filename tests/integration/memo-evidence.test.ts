// Into the memo: "Draft from claims" (a section per claim citing each source that states it) and the evidence table
// (claim × source with grades), exported in Markdown, HTML, DOCX and PDF.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { createBackend } from '../../electron/backend.js';
import { chromiumPdfService } from '../../electron/server/pdf.js';
import { createClient, type GlossClient } from '../../shared/api.js';
import type { EvidenceTable } from '../../shared/types.js';
import { artifactsDir } from '../support/app.js';
import { seedsDir, tempDir } from '../support/temp.js';

const OUTLETS = ['Outlet Zero', 'Outlet One', 'Outlet Two', 'Outlet Three', 'Outlet Four'];
let client: GlossClient;
let close: () => Promise<void>;
const pdfService = chromiumPdfService();

before(async () => {
  const dataDir = tempDir();
  const backend = await createBackend(
    { dataDir, projectPath: path.join(dataDir, 'e.gloss'), seedsDir },
    { export: pdfService },
  );
  client = createClient((op, args) => backend.dispatch(op, args));
  close = async () => {
    await pdfService.close?.();
    backend.close();
  };
  const docs = await client['documents.list']({});
  for (const [i, doc] of docs.entries())
    await client['documents.update']({ id: doc.id, patch: { outlet: OUTLETS[i] } });
  await client['grades.setDocument']({ documentId: docs[0].id, reliability: 'B' });
  await client['grades.setDocument']({ documentId: docs[2].id, reliability: 'C' });
});

after(() => close());

async function exported(memoId: number, format: 'md' | 'html' | 'docx' | 'pdf'): Promise<Buffer> {
  return Buffer.from((await client['export.memo']({ memoId, format })).base64, 'base64');
}

test('the evidence table lists shared claims × sources with each source’s grade', async () => {
  const table = await client['memos.evidenceTable']({});
  const claims = (await client['corroboration.claims']({})).claims.filter((c) => c.sources.length > 1);
  assert.ok(table.rows.length > 0 && table.rows.length <= 20);
  assert.equal(table.rows[0].claim, claims[0].text);
  for (const [r, row] of table.rows.entries()) {
    const claim = claims[r];
    for (const [i, source] of table.sources.entries()) {
      const states = claim.sources.some((s) => s.source === source);
      assert.equal(row.cells[i] !== null, states, `${source} × “${row.claim}”`);
    }
  }
  // Outlet Zero is graded B, Outlet Two C; the others are not graded, so their cells carry no grade.
  const grades = (source: string) =>
    new Set(table.rows.map((r) => r.cells[table.sources.indexOf(source)]?.grade).filter((g) => g !== undefined));
  if (table.sources.includes('Outlet Zero')) assert.deepEqual(grades('Outlet Zero'), new Set(['B']));
  if (table.sources.includes('Outlet Two')) assert.deepEqual(grades('Outlet Two'), new Set(['C']));
  if (table.sources.includes('Outlet One')) assert.deepEqual(grades('Outlet One'), new Set([null]));
});

test('a passage’s credibility grade joins its source’s in the claim’s cell (B2)', async () => {
  const table = await client['memos.evidenceTable']({});
  const column = table.sources.indexOf('Outlet Zero');
  const row = table.rows.findIndex((r) => r.cells[column]);
  const cell = table.rows[row].cells[column]!;
  const h = await client['highlights.create']({ documentId: cell.documentId, start: cell.start, end: cell.end });
  await client['grades.setHighlight']({ highlightId: h.id, credibility: 2 });
  const again = await client['memos.evidenceTable']({});
  assert.equal(again.rows[row].cells[column]!.grade, 'B2');
  await client['highlights.delete']({ id: h.id });
});

test('“Draft from claims” writes a section per claim citing each of its sources, and is undoable', async () => {
  const memo = await client['memos.draftFromClaims']({ title: 'What the sources report' });
  const doc = JSON.parse(memo.content) as {
    content: { type: string; attrs?: Record<string, unknown>; content?: { text?: string }[] }[];
  };
  const table = doc.content.find((n) => n.type === 'evidenceTable')!.attrs!.table as EvidenceTable;
  const sections = doc.content.filter((n) => n.type === 'heading' && n.attrs?.level === 3);
  assert.equal(sections.length, table.rows.length, 'a section per claim');
  assert.equal(doc.content.at(-2)?.type, 'heading', 'then the evidence table under its heading');
  const claims = (await client['corroboration.claims']({})).claims.filter((c) => c.sources.length > 1);
  // The first section cites one sentence of each source of the first claim, by range.
  const first = doc.content.indexOf(sections[0]);
  const next = doc.content.indexOf(sections[1]);
  const cited = doc.content.slice(first, next).filter((n) => n.type === 'citation');
  assert.deepEqual(cited.map((c) => c.attrs!.outlet).sort(), claims[0].sources.map((s) => s.source).sort());
  for (const c of cited) {
    assert.equal(c.attrs!.highlightId, null);
    const text = (await client['documents.get']({ id: Number(c.attrs!.documentId) })).text;
    assert.equal(text.slice(Number(c.attrs!.start), Number(c.attrs!.end)), c.attrs!.quote);
  }
  await client['history.undo']({});
  await assert.rejects(client['memos.get']({ id: memo.id }), /memo/);
  await client['history.redo']({});
});

test('the drafted memo exports its claim citations and evidence table in all four formats', async () => {
  const memo = await client['memos.draftFromClaims']({ title: 'Evidence export' });
  const table = (
    JSON.parse(memo.content) as { content: { type: string; attrs?: { table?: EvidenceTable } }[] }
  ).content.find((n) => n.type === 'evidenceTable')!.attrs!.table!;
  const claim = table.rows[0].claim;
  const words = claim.split(/\s+/).slice(0, 4).join(' ');

  const md = (await exported(memo.id, 'md')).toString();
  const header = `| Claim | ${table.sources.map((s) => s.replace(/[|()]/g, '\\$&')).join(' | ')} |`;
  assert.ok(md.includes(header), md.slice(0, 400));
  assert.match(md, /\| --- \| --- \|/);
  assert.match(md, /\*Evidence: \d+ claims × \d+ sources in the whole project\./);
  assert.match(md, /\[\^1\]: Outlet \w+/, 'claim citations are footnotes naming their outlet');
  assert.doesNotMatch(md, /since deleted/, 'a cited claim sentence is not a deleted passage');

  const html = (await exported(memo.id, 'html')).toString();
  assert.match(html, /<table class="evidence"><caption>Evidence: /);
  assert.ok(
    html.includes(
      `<th scope="row">${claim.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</th>`,
    ),
  );
  assert.match(html, /<td class="grade">B<\/td>/);

  const docx = await JSZip.loadAsync(await exported(memo.id, 'docx'));
  const xml = await docx.file('word/document.xml')!.async('string');
  assert.match(xml, /<w:tbl>/);
  assert.match(xml, /<w:t xml:space="preserve">Claim<\/w:t>/);
  assert.match(xml, /Evidence: \d+ claims/);

  const pdf = await exported(memo.id, 'pdf');
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const file = path.join(artifactsDir, 'memo-evidence.pdf');
  fs.mkdirSync(artifactsDir, { recursive: true });
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
  assert.ok(text.includes(words), `the PDF shows the claim “${words}”`);
  assert.match(text, /Evidence: \d+ claims/);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
  const tablePage = Array.from({ length: pages }, (_, i) => i + 1).find((p) =>
    execFileSync('pdftotext', ['-f', String(p), '-l', String(p), file, '-'])
      .toString()
      .includes('Evidence table'),
  )!;
  const page = String(tablePage);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-f',
    page,
    '-l',
    page,
    file,
    path.join(artifactsDir, 'memo-evidence-pdf'),
  ]);
});
