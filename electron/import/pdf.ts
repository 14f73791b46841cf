// PDF import with pdfjs-dist (Mozilla's PDF.js): positioned text per page, regrouped into lines here and into
// paragraphs by pdfLayout.ts (running headers dropped, hyphenation joined, page start offsets kept).
import { textTooLong, type Extracted } from './extractors.js';
import { ImportError } from './errors.js';
import { describeCount, type ImportLimits } from './limits.js';
import { cleanItemText, largestTextTitle, pdfText, usableInfoTitle, type PdfLine, type PdfPage } from './pdfLayout.js';
import { extractTitle } from './text.js';

interface TextItem {
  str?: string;
  transform?: number[];
  width?: number;
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
  try {
    if (pdf.numPages > limits.maxPdfPages) throw tooManyPages(fileName, limits.maxPdfPages);
    const pages: PdfPage[] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const lines = toLines(content.items as TextItem[]);
      pages.push({ page: n, height: page.view[3] - page.view[1], lines });
      chars += lines.reduce((sum, l) => sum + l.text.length + 1, 0);
      if (chars > limits.maxTextChars) throw textTooLong(fileName, limits.maxTextChars);
    }
    const { text, pages: starts } = pdfText(pages);
    const info = ((await pdf.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>;
    const title =
      usableInfoTitle(info.Title) ?? largestTextTitle(pages) ?? extractTitle(text, fileName.replace(/\.[^.]+$/, ''));
    const warnings = text ? [] : [`${fileName} has no text layer (a scanned PDF?); Gloss does not run OCR.`];
    return { text, title, pages: starts, warnings };
  } finally {
    await pdf.destroy();
  }
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

/** Items on one baseline become a line; a space goes between items that a visible gap separates. */
function toLines(items: TextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | null = null;
  let endX = 0;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const [a = 0, b = 0, , , x = 0, y = 0] = item.transform ?? [];
    const size = item.height || Math.hypot(a, b);
    const text = cleanItemText(item.str);
    if (!current || Math.abs(current.y - y) > Math.max(2, size * 0.3)) {
      if (current) lines.push(current);
      current = { text: '', y, size: 0, left: x, right: x };
    } else if (text && x - endX > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(text)) {
      current.text += ' ';
    }
    current.text += text;
    if (text.trim()) current.size = Math.max(current.size, size);
    endX = x + (item.width ?? 0);
    if (text.trim()) current.right = Math.max(current.right ?? endX, endX);
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
}
