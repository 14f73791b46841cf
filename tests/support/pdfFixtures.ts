// Generated PDFs with what real reports have and plain text extraction gets wrong: running headers, page numbers
// in the footer, words hyphenated at a line's end, sentences cut by page breaks, rule lines, two columns, and a
// title that is neither the first line nor the file name. Each PDF comes with the text Gloss should read from it.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './app.js';

export interface PdfFixture {
  name: string;
  bytes: Buffer;
  /** The paragraphs as written (hyphenation points removed). */
  paragraphs: string[];
  title: string;
  /** Text that appears on every page and must not appear in the imported text. */
  running: string[];
}

const WORDS = (
  'delegation embassy staffing visas banking consular talks officials agreed reviewed process property ministry ' +
  'countries diplomatic relations operations meeting proposal schedule statement committee agreement normal ' +
  'measures practical working group technical questions further rounds restore missions reciprocal access'
).split(' ');

/** Deterministic sentences (a tiny linear congruential generator, so every run writes the same PDFs). */
export function filler(seed: number, sentences: number): string {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 16;
  const out: string[] = [];
  for (let s = 0; s < sentences; s++) {
    const words = Array.from({ length: 8 + (next() % 10) }, () => WORDS[next() % WORDS.length]);
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    out.push(`${words.join(' ')}.`);
  }
  return out.join(' ');
}

interface FlowOptions {
  pageSize: [number, number];
  margin: number;
  columns: 1 | 2;
  size: number;
  header: string;
  footer: (page: number, total: number) => string;
}

/**
 * Flows paragraphs into lines, columns and pages. "~" in a word marks where it may be hyphenated: a word that
 * does not fit is split there with a hyphen, which is how a typesetter breaks "coun-tries".
 */
async function flowPdf(
  doc: PDFDocument,
  font: PDFFont,
  first: (page: PDFPage) => number,
  paragraphs: string[],
  o: FlowOptions,
) {
  const [width, height] = o.pageSize;
  const gutter = 24;
  const columnWidth = (width - 2 * o.margin - (o.columns - 1) * gutter) / o.columns;
  const leading = o.size * 1.35;
  const pages: PDFPage[] = [];
  let page = doc.addPage(o.pageSize);
  pages.push(page);
  let column = 0;
  let y = first(page);
  const top = height - o.margin - 20;
  const advance = () => {
    y -= leading;
    if (y >= o.margin + 20) return;
    column++;
    if (column >= o.columns) {
      page = doc.addPage(o.pageSize);
      pages.push(page);
      column = 0;
    }
    y = top;
  };
  const x = () => o.margin + column * (columnWidth + gutter);
  for (const paragraph of paragraphs) {
    let line = '';
    const words = paragraph.split(' ');
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      const candidate = line ? `${line} ${word.replaceAll('~', '')}` : word.replaceAll('~', '');
      if (font.widthOfTextAtSize(candidate, o.size) <= columnWidth) {
        line = candidate;
        continue;
      }
      const cut = word.indexOf('~');
      if (cut > 0) {
        page.drawText(`${line} ${word.slice(0, cut)}-`, { x: x(), y, size: o.size, font });
        advance();
        line = word.slice(cut + 1).replaceAll('~', '');
        continue;
      }
      const compound = word.indexOf('-');
      if (compound > 0) {
        page.drawText(`${line} ${word.slice(0, compound + 1)}`, { x: x(), y, size: o.size, font });
        advance();
        line = word.slice(compound + 1);
        continue;
      }
      page.drawText(line, { x: x(), y, size: o.size, font });
      advance();
      line = word.replaceAll('~', '');
    }
    if (line) page.drawText(line, { x: x(), y, size: o.size, font });
    advance();
    advance();
  }
  pages.forEach((p, i) => {
    p.drawText(o.header, { x: o.margin, y: height - o.margin + 6, size: 8, font });
    const footer = o.footer(i + 1, pages.length);
    p.drawText(footer, { x: width / 2 - font.widthOfTextAtSize(footer, 9) / 2, y: o.margin - 14, size: 9, font });
  });
  return pages;
}

const plain = (paragraphs: string[]) => paragraphs.map((p) => p.replaceAll('~', ''));

/** A government statement: "Statement By" above a large title, a rule, running header, "- N -" footers. */
export async function statementPdf(): Promise<PdfFixture> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  const header = 'Statement before the Committee on Foreign Relations, 27 February 2025';
  const paragraphs = [
    `The delegations met for six hours to discuss the normal operation of both ${'missions'} and agreed that ` +
      `technical teams of both coun~tries would continue. ${filler(1, 14)}`,
    `${filler(2, 12)} Banking access for the embassies was raised again, and the officials said the ques~tion ` +
      `would return at the next round. ${filler(3, 10)}`,
    `${filler(4, 16)} The long-term goal is a normal working embassy, and the long-term plan has three parts. ` +
      `${filler(5, 12)}`,
    `${filler(6, 20)}`,
    `${filler(7, 18)} The ministry will publish the schedule.`,
  ];
  const title = 'Embassy Operations after the Istanbul Talks';
  await flowPdf(
    doc,
    font,
    (page) => {
      page.drawText('Statement By', { x: 72, y: 700, size: 10, font });
      page.drawText('Ambassador Jane Roe', { x: 72, y: 686, size: 10, font });
      page.drawText(title, { x: 72, y: 655, size: 20, font: bold });
      page.drawText('_'.repeat(60), { x: 72, y: 640, size: 10, font });
      return 615;
    },
    paragraphs,
    {
      pageSize: [612, 792],
      margin: 72,
      columns: 1,
      size: 11,
      header,
      footer: (n) => `- ${n} -`,
    },
  );
  return {
    name: 'statement.pdf',
    bytes: Buffer.from(await doc.save()),
    paragraphs: ['Statement By Ambassador Jane Roe', title, ...plain(paragraphs)],
    title,
    running: [header, '- 2 -', '- 3 -'],
  };
}

/** A two-column bulletin whose paragraphs flow down one column and on into the next; "Page N of M" footers. */
export async function twoColumnPdf(): Promise<PdfFixture> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  doc.setTitle('Consular Bulletin, Spring 2025');
  const header = 'CONSULAR BULLETIN · SPRING 2025';
  const paragraphs = [
    `${filler(11, 9)} Both sides re~viewed the visa backlog and the staffing caps.`,
    `${filler(12, 11)} The working group meets again in March.`,
    `${filler(13, 14)}`,
    `${filler(14, 12)} Officials de~scribed the property questions as practical.`,
    `${filler(15, 16)}`,
  ];
  await flowPdf(
    doc,
    font,
    (page) => {
      page.drawText('Visa and Staffing Questions', { x: 54, y: 720, size: 16, font: bold });
      page.drawLine({ start: { x: 54, y: 708 }, end: { x: 558, y: 708 }, thickness: 1, color: rgb(0, 0, 0) });
      return 690;
    },
    paragraphs,
    {
      pageSize: [612, 792],
      margin: 54,
      columns: 2,
      size: 9.5,
      header,
      footer: (n, total) => `Page ${n} of ${total}`,
    },
  );
  return {
    name: 'bulletin.pdf',
    bytes: Buffer.from(await doc.save()),
    paragraphs: ['Visa and Staffing Questions', ...plain(paragraphs)],
    title: 'Consular Bulletin, Spring 2025',
    running: [header, 'Page 1 of', 'Page 2 of'],
  };
}

/** A report printed by Chromium: running header and "N / M" footer templates, soft hyphens, two columns, a table. */
export async function chromiumReportPdf(): Promise<PdfFixture> {
  const paragraphs = [filler(21, 12), filler(22, 14), filler(23, 10), filler(24, 16), filler(25, 12), filler(26, 18)];
  const soft = (p: string) =>
    p.replace(/\b(diplomatic|operations|reciprocal|agreement)\b/g, (w) => w.replace(/(.{4})/, '$1\u00ad'));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Review of Consular Services</title>
    <style>body{font:11pt/1.4 serif;margin:0} h1{font-size:22pt} .cols{columns:2;column-gap:18pt}
    p{text-align:justify;hyphens:manual} table{border-collapse:collapse} td,th{border:1px solid #444;padding:3pt 6pt}</style>
    </head><body><h1>Review of Consular Services</h1>
    ${paragraphs
      .slice(0, 2)
      .map((p) => `<p>${soft(p)}</p>`)
      .join('')}
    <table><tr><th>Mission</th><th>Staff</th><th>Visas issued</th></tr>
    <tr><td>Moscow</td><td>142</td><td>8,310</td></tr><tr><td>Washington</td><td>118</td><td>6,975</td></tr></table>
    <div class="cols">${paragraphs
      .slice(2)
      .map((p) => `<p>${soft(p)}</p>`)
      .join('')}</div></body></html>`;
  const header = 'Review of Consular Services — internal draft';
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    const bytes = await page.pdf({
      format: 'A5',
      margin: { top: '20mm', bottom: '18mm', left: '14mm', right: '14mm' },
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:8px;width:100%;text-align:center">${header}</div>`,
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
    return {
      name: 'review.pdf',
      bytes: Buffer.from(bytes),
      paragraphs: [
        'Review of Consular Services',
        ...paragraphs.slice(0, 2),
        'Mission Staff Visas issued',
        'Moscow 142 8,310',
        'Washington 118 6,975',
        ...paragraphs.slice(2),
      ],
      title: 'Review of Consular Services',
      running: [header],
    };
  } finally {
    await browser.close();
  }
}

/** One page with a paragraph, a bar chart drawn as rectangles (no text inside) and its caption underneath. */
export async function figurePdf(): Promise<
  PdfFixture & { chart: { x: number; y: number; width: number; height: number } }
> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  const title = 'Visa Applications in 2024';
  page.drawText(title, { x: 60, y: 770, size: 20, font });
  page.drawText('Applications rose in the spring and fell after the embassy cut its staff.', {
    x: 60,
    y: 735,
    size: 11,
    font,
  });
  const chart = { x: 60, y: 460, width: 400, height: 240 };
  page.drawRectangle({ ...chart, borderColor: rgb(0.3, 0.3, 0.3), borderWidth: 1 });
  [120, 180, 210, 160, 90, 70].forEach((h, i) =>
    page.drawRectangle({
      x: chart.x + 20 + i * 62,
      y: chart.y + 10,
      width: 40,
      height: h,
      color: rgb(0.18, 0.36, 0.62),
    }),
  );
  const caption = 'Figure 1: Visa applications by month, January to June.';
  page.drawText(caption, { x: 60, y: 440, size: 10, font });
  return {
    name: 'figure.pdf',
    bytes: Buffer.from(await doc.save()),
    paragraphs: [title, 'Applications rose in the spring and fell after the embassy cut its staff.', caption],
    title,
    running: [],
    chart,
  };
}
