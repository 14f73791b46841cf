// PDF import with pdfjs-dist (Mozilla's PDF.js): text per page, lines regrouped into paragraphs by the
// vertical gaps between them, and each page's start offset kept so a citation can name its page.
import type { PageStart } from '../../shared/types.js';
import { textTooLong, type Extracted } from './extractors.js';
import { ImportError } from './errors.js';
import { describeCount, type ImportLimits } from './limits.js';
import { extractTitle } from './text.js';

interface Line { text: string; y: number; height: number }

export async function extractPdf(bytes: Buffer, fileName: string, limits: ImportLimits): Promise<Extracted> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf;
  try {
    pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    throw new ImportError(`${fileName} is not a readable PDF (${(error as Error).message}).`);
  }
  if (pdf.numPages > limits.maxPdfPages) {
    await pdf.destroy();
    throw new ImportError(`${fileName}: the PDF has more than the ${describeCount(limits.maxPdfPages)}-page limit.`);
  }
  const paragraphs: string[] = [];
  const pages: PageStart[] = [];
  let offset = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const pageParagraphs = toParagraphs(toLines(content.items as { str?: string; transform?: number[]; height?: number; hasEOL?: boolean }[]));
    if (pageParagraphs.length === 0) continue;
    pages.push({ page: n, offset });
    for (const p of pageParagraphs) {
      paragraphs.push(p);
      offset += p.length + 2;
    }
    if (offset > limits.maxTextChars) {
      await pdf.destroy();
      throw textTooLong(fileName, limits.maxTextChars);
    }
  }
  await pdf.destroy();
  const text = paragraphs.join('\n\n');
  const warnings = text ? [] : [`${fileName} has no text layer (a scanned PDF?); Gloss does not run OCR.`];
  return { text, title: extractTitle(text, fileName.replace(/\.[^.]+$/, '')), pages, warnings };
}

function toLines(items: { str?: string; transform?: number[]; height?: number; hasEOL?: boolean }[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const y = item.transform?.[5] ?? 0;
    if (!current || Math.abs(current.y - y) > 2) {
      if (current) lines.push(current);
      current = { text: '', y, height: item.height ?? 0 };
    }
    current.text += item.str;
    current.height = Math.max(current.height, item.height ?? 0);
    if (item.hasEOL) { lines.push(current); current = null; }
  }
  if (current) lines.push(current);
  return lines.filter((l) => l.text.trim());
}

/** A gap clearly larger than the usual line spacing starts a new paragraph. */
function toParagraphs(lines: Line[]): string[] {
  const gaps = lines.slice(1).map((l, i) => lines[i].y - l.y).filter((g) => g > 0).sort((a, b) => a - b);
  // The lower quartile: ordinary line spacing inside a paragraph, robust to a few wide gaps.
  const usual = gaps[Math.floor(gaps.length / 4)] ?? 0;
  const paragraphs: string[] = [];
  let current = '';
  lines.forEach((line, i) => {
    const gap = i > 0 ? lines[i - 1].y - line.y : 0;
    if (i > 0 && (gap > usual * 1.4 || gap < 0)) { paragraphs.push(current); current = ''; }
    const text = line.text.replace(/\s+/g, ' ').trim();
    current = current.endsWith('-') ? current.slice(0, -1) + text : current ? `${current} ${text}` : text;
  });
  if (current) paragraphs.push(current);
  return paragraphs.map((p) => p.trim()).filter(Boolean);
}
