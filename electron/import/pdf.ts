// PDF import with pdfjs-dist (Mozilla's PDF.js): text per page, lines regrouped into paragraphs by the
// vertical gaps between them, and each page's start offset kept so a citation can name its page.
import type { PageStart } from '../../shared/types.js';
import { textTooLong, type Extracted } from './extractors.js';
import { ImportError } from './errors.js';
import { describeCount, type ImportLimits } from './limits.js';
import { extractTitle } from './text.js';

interface Line {
  text: string;
  y: number;
  height: number;
}
interface TextItem {
  str?: string;
  transform?: number[];
  height?: number;
  hasEOL?: boolean;
}

export async function extractPdf(bytes: Buffer, fileName: string, limits: ImportLimits): Promise<Extracted> {
  if (declaredPageCount(bytes) > limits.maxPdfPages) throw tooManyPages(fileName, limits.maxPdfPages);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf;
  try {
    const data = new Uint8Array(bytes);
    pdf = await pdfjs.getDocument({
      data,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw new ImportError(`${fileName} is not a readable PDF (${(error as Error).message}).`);
  }
  if (pdf.numPages > limits.maxPdfPages) {
    await pdf.destroy();
    throw tooManyPages(fileName, limits.maxPdfPages);
  }
  const paragraphs: string[] = [];
  const pages: PageStart[] = [];
  let offset = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const pageParagraphs = toParagraphs(toLines(content.items as TextItem[]));
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

function tooManyPages(fileName: string, maxPages: number): ImportError {
  return new ImportError(`${fileName}: the PDF has more than the ${describeCount(maxPages)}-page limit.`);
}

/**
 * The page count a PDF's page tree declares, when it is stored uncompressed (else 0, and PDF.js's count is
 * checked instead): PDF.js needs seconds and hundreds of megabytes to open a file that claims 5,000 pages.
 */
function declaredPageCount(bytes: Buffer): number {
  const text = bytes.toString('latin1');
  const count = /\/Count\s+(\d+)/g;
  let most = 0;
  let checks = 0;
  for (let match = count.exec(text); match && checks < MAX_COUNT_CHECKS; match = count.exec(text)) {
    const n = Number(match[1]);
    if (n <= most) continue;
    checks++;
    if (isInPagesDictionary(text, match.index)) most = n;
  }
  return most;
}

/** Bounds the pre-check itself, so a file stuffed with /Count entries cannot make it slow. */
const MAX_COUNT_CHECKS = 100;
const DICTIONARY_WINDOW = 1024 * 1024;

/** Outlines carry a /Count too; only a /Type /Pages dictionary's counts pages. */
function isInPagesDictionary(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - DICTIONARY_WINDOW), at);
  const start = before.lastIndexOf('<<');
  const end = text.slice(at, at + DICTIONARY_WINDOW).indexOf('>>');
  return start !== -1 && end !== -1 && /\/Type\s*\/Pages\b/.test(before.slice(start) + text.slice(at, at + end));
}

function toLines(items: TextItem[]): Line[] {
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
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines.filter((l) => l.text.trim());
}

/** A gap clearly larger than the usual line spacing starts a new paragraph. */
function toParagraphs(lines: Line[]): string[] {
  const gaps = lines
    .slice(1)
    .map((l, i) => lines[i].y - l.y)
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  // The lower quartile: ordinary line spacing inside a paragraph, robust to a few wide gaps.
  const usual = gaps[Math.floor(gaps.length / 4)] ?? 0;
  const paragraphs: string[] = [];
  let current = '';
  lines.forEach((line, i) => {
    const gap = i > 0 ? lines[i - 1].y - line.y : 0;
    if (i > 0 && (gap > usual * 1.4 || gap < 0)) {
      paragraphs.push(current);
      current = '';
    }
    const text = line.text.replace(/\s+/g, ' ').trim();
    current = current.endsWith('-') ? current.slice(0, -1) + text : current ? `${current} ${text}` : text;
  });
  if (current) paragraphs.push(current);
  return paragraphs.map((p) => p.trim()).filter(Boolean);
}
