// From positioned PDF lines to text that reads like the document: running headers, footers and page numbers
// dropped, rule lines dropped, line-end hyphenation joined, sentences joined across page and column breaks, and
// the offset where each page's text starts kept so a citation can name its page. Pure functions (no PDF.js), so
// the heuristics are unit-tested on their own.
import type { PageStart } from '../../shared/types.js';

export interface PdfLine {
  text: string;
  /** Baseline, in PDF points from the bottom of the page. */
  y: number;
  /** Font size of the line's largest text, in points. */
  size: number;
  /** Where the line starts and ends horizontally, in points (absent: unknown, treated as not full). */
  left?: number;
  right?: number;
}

export interface PdfPage {
  page: number;
  height: number;
  /** In reading order (the content stream's), which is column by column in the PDFs Gloss has seen. */
  lines: PdfLine[];
}

/** How many lines at the top and bottom of a page can be a running header or footer. */
const MARGIN_LINES = 2;
/** …and only in this share of the page's height at its top or bottom. */
const MARGIN_SHARE = 0.2;
/** A line (digits ignored) repeated in the margin of at least this share of the pages is a running header. */
const REPEAT_SHARE = 0.4;
const PAGE_NUMBER =
  /^(?:page|p\.|seite|pág\.?)?\s*[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?(?:\s*(?:of|\/|von|de)\s*\d{1,4})?$/i;
/** A character that no PDF text keeps (removed on input) and marks a line-end hyphen still to be resolved. */
const HYPHEN_MARK = '\uE000';

/** The text of the pages, in reading order, without what repeats on every page. */
export function pdfText(pages: PdfPage[]): { text: string; pages: PageStart[] } {
  const running = runningLineKeys(pages);
  const paragraphs: string[] = [];
  const starts: PageStart[] = [];
  let length = 0;
  let previousBlock: Block | null = null;
  const firstWithText = pages.find((p) => p.lines.length > 0);
  for (const page of pages) {
    const margin = marginFlags(page);
    const display = page === firstWithText ? displaySize(page) : Infinity;
    const lines = page.lines
      .filter((line, index) => !(margin[index] && isMarginNoise(line, running) && line.size < display))
      .map((line) => ({ ...line, text: withoutRules(line.text) }))
      .filter((line) => line.text);
    const blocks = toBlocks(lines);
    blocks.forEach((block, k) => {
      if (k > 0) previousBlock = blocks[k - 1];
      const last = paragraphs.length - 1;
      const cut = block.afterFlowBreak && last >= 0;
      if (cut && (continuesSentence(paragraphs[last], block.text) || continuesParagraph(previousBlock, block))) {
        const joined = joinLines(paragraphs[last], block.text);
        const grown = joined.length - paragraphs[last].length;
        if (k === 0) starts.push({ page: page.page, offset: length + grown - block.text.length });
        paragraphs[last] = joined;
        length += grown;
        return;
      }
      const separator = paragraphs.length ? 2 : 0;
      if (k === 0) starts.push({ page: page.page, offset: length + separator });
      paragraphs.push(block.text);
      length += separator + block.text.length;
    });
    previousBlock = blocks.at(-1) ?? previousBlock;
  }
  return resolveHyphens(paragraphs.join('\n\n'), starts);
}

/** The comparison key of a margin line: case and digits ignored, so "Page 3 of 18" matches "Page 4 of 18". */
export function lineKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Keys of the lines that stand in the top or bottom margin of many pages: running headers and footers. */
export function runningLineKeys(pages: PdfPage[]): Set<string> {
  const withText = pages.filter((p) => p.lines.length > 0);
  const pagesByKey = new Map<string, Set<number>>();
  for (const page of withText) {
    const margin = marginFlags(page);
    page.lines.forEach((line, index) => {
      const key = margin[index] ? lineKey(line.text) : '';
      if (!key) return;
      if (!pagesByKey.has(key)) pagesByKey.set(key, new Set());
      pagesByKey.get(key)!.add(page.page);
    });
  }
  const needed = Math.max(2, Math.ceil(withText.length * REPEAT_SHARE));
  return new Set([...pagesByKey].filter(([, seen]) => seen.size >= needed).map(([key]) => key));
}

/**
 * For each line: does it stand apart in the page's top or bottom margin — among the first or last two lines,
 * in the outer fifth of the page, and separated from the body by a gap wider than the usual line spacing?
 */
function marginFlags(page: PdfPage): boolean[] {
  const ys = [...new Set(page.lines.map((l) => l.y))].sort((a, b) => b - a);
  const gaps = ys.slice(1).map((y, i) => ys[i] - y);
  const sizes = page.lines.map((l) => l.size).sort((a, b) => a - b);
  // Few lines say little about the spacing: never assume it wider than a body line's usual leading.
  const leading = (sizes[Math.floor(sizes.length / 2)] ?? 0) * 1.6;
  const usual = Math.min([...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 4)] ?? leading, leading);
  const apart = (i: number) => gaps[i] === undefined || gaps[i] > usual * MARGIN_GAP;
  const margin = new Set<number>();
  // Top: the lines above the first wide gap among the first few; bottom likewise, from the end.
  const topCut = [...Array(MARGIN_LINES).keys()].find((i) => i < ys.length - 1 && apart(i));
  if (topCut !== undefined)
    ys.slice(0, topCut + 1).forEach((y) => y >= page.height * (1 - MARGIN_SHARE) && margin.add(y));
  const bottomCut = [...Array(MARGIN_LINES).keys()].find((i) => ys.length - 2 - i >= 0 && apart(ys.length - 2 - i));
  if (bottomCut !== undefined) {
    ys.slice(ys.length - 1 - bottomCut).forEach((y) => y <= page.height * MARGIN_SHARE && margin.add(y));
  }
  return page.lines.map((line) => margin.has(line.y));
}

/** How much wider than the usual line spacing the gap between a header or footer and the body is. */
const MARGIN_GAP = 1.3;

/**
 * Text at least this large on the first page is its title even when later pages repeat it as a running header
 * (LaTeX and DocBook PDFs do).
 */
function displaySize(page: PdfPage): number {
  const sizes = page.lines.map((l) => l.size).sort((a, b) => a - b);
  return (sizes[Math.floor(sizes.length / 2)] ?? 0) * 1.15;
}

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

function isMarginNoise(line: PdfLine, running: Set<string>): boolean {
  return isPageNumber(line.text) || running.has(lineKey(line.text));
}

/** A line without its rules: runs of underscores anywhere; a line made only of dashes, dots or equals signs. */
export function withoutRules(text: string): string {
  const stripped = text.replace(/_{3,}/g, ' ').replace(/\s+/g, ' ').trim();
  return /^[-–—=~*·•.\s]+$/.test(stripped) && stripped.replace(/\s/g, '').length >= 3 ? '' : stripped;
}

interface Block {
  text: string;
  size: number;
  /** Its last line reaches the column's right edge: the paragraph did not end there. */
  endsFull: boolean;
  /** Started because the text moved up the page (a new column) rather than down past a wider gap. */
  afterFlowBreak: boolean;
}

/** Lines into paragraphs: a gap clearly wider than the usual line spacing, a change of size, or a new column. */
function toBlocks(lines: PdfLine[]): Block[] {
  const full = fullLines(lines);
  const gaps = lines
    .slice(1)
    .map((l, i) => lines[i].y - l.y)
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  // The lower quartile: ordinary line spacing inside a paragraph, robust to a few wide gaps.
  const usual = gaps[Math.floor(gaps.length / 4)] ?? 0;
  const blocks: Block[] = [];
  let current: Block | null = null;
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const gap = previous ? previous.y - line.y : 0;
    const resized = previous && Math.abs(previous.size - line.size) > Math.max(previous.size, line.size) * 0.15;
    if (!current || gap < 0 || gap > usual * 1.4 || resized) {
      current = { text: line.text, size: line.size, endsFull: full[i], afterFlowBreak: !previous || gap < 0 };
      blocks.push(current);
    } else {
      current.text = joinLines(current.text, line.text);
      current.endsFull = full[i];
    }
  });
  return blocks;
}

/**
 * Lines that run to the right edge of their column (the rightmost end among lines starting at the same place):
 * a typesetter broke them because the next word did not fit, so the paragraph goes on after them.
 */
function fullLines(lines: PdfLine[]): boolean[] {
  return lines.map((line) => {
    if (line.left === undefined || line.right === undefined) return false;
    const column = lines.filter(
      (other) =>
        other.left !== undefined &&
        other.right !== undefined &&
        Math.abs(other.left - line.left!) < 10 &&
        Math.abs(other.size - line.size) <= line.size * 0.15,
    );
    // A few lines do not show where a column's edge is.
    if (column.length < MIN_COLUMN_LINES) return false;
    const columnRight = Math.max(...column.map((other) => other.right!));
    return columnRight - line.right <= line.size * FULL_LINE_SLACK_EMS;
  });
}

const MIN_COLUMN_LINES = 5;
/** How far short of the column's edge a line may end and still be full: about the width of a long word. */
const FULL_LINE_SLACK_EMS = 4;

/** A paragraph cut at a full line goes on in the next block, unless that block is a heading or a list item. */
function continuesParagraph(before: Block | null, after: Block): boolean {
  if (!before?.endsFull || Math.abs(before.size - after.size) > before.size * 0.15) return false;
  return !/^(?:[•▪◦●–—*-]\s|\d+[.)]\s)/.test(after.text);
}

/** Two lines of one paragraph: a line-end hyphen before a lower-case letter is marked for resolving later. */
function joinLines(before: string, after: string): string {
  if (before.endsWith('\u00ad')) return before.slice(0, -1) + after;
  if (/\p{L}[-‐]$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + HYPHEN_MARK + after;
  if (/\p{L}[-‐]$/u.test(before)) return before + after;
  return `${before} ${after}`;
}

/**
 * Whether a paragraph cut by a page or column break goes on in the next: the first ends mid-sentence (a
 * lower-case word, a comma, a hyphen) and the next does not start a list item or a heading-sized new thought.
 */
export function continuesSentence(before: string, after: string): boolean {
  if (/[.!?…:"”’)\]]$/.test(before)) return false;
  if (/^(?:[•▪◦●–—*-]\s|\d+[.)]\s)/.test(after)) return false;
  return /[\p{Ll},;-]$/u.test(before) && /^[\p{L}\p{N}“"‘'(]/u.test(after);
}

/**
 * A hyphen at a line's end is a break inside a word ("coun-" "tries") unless the document writes the word with
 * the hyphen elsewhere and never without ("long-term"); page starts move back with every removed hyphen.
 */
function resolveHyphens(marked: string, starts: PageStart[]): { text: string; pages: PageStart[] } {
  if (!marked.includes(HYPHEN_MARK)) return { text: marked, pages: starts };
  // Counted with every marked break written as a hyphen, so the break itself counts as one hyphenated use.
  const words = wordCounts(marked.replaceAll(HYPHEN_MARK, '-'));
  let text = '';
  let last = 0;
  const removedAt: number[] = [];
  for (const match of marked.matchAll(/(\p{L}+)\uE000(\p{L}+)/gu)) {
    const at = match.index + match[1].length;
    const compound = `${match[1]}-${match[2]}`.toLowerCase();
    const keep = (words.get(compound) ?? 0) > 1 && !words.has((match[1] + match[2]).toLowerCase());
    text += marked.slice(last, at) + (keep ? '-' : '');
    last = at + 1;
    if (!keep) removedAt.push(at);
  }
  text += marked.slice(last).replaceAll(HYPHEN_MARK, '');
  let passed = 0;
  const pages = starts.map((s) => {
    while (passed < removedAt.length && removedAt[passed] < s.offset) passed++;
    return { page: s.page, offset: s.offset - passed };
  });
  return { text, pages };
}

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [word] of text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Text a PDF item may carry that would confuse the layout: the private mark above. */
export function cleanItemText(text: string): string {
  return text.replaceAll(HYPHEN_MARK, '');
}

const PLACEHOLDER_TITLE =
  /^(?:untitled|document\d*|microsoft (?:word|powerpoint|excel)\b.*|.*\.(?:docx?|pdf|indd|tex|rtf|odt|html?)|about:blank|https?:\/\/.*|data:.*|slide \d+)$/i;

/** A document-info Title worth keeping: not empty, not a file or program name. */
export function usableInfoTitle(title: unknown): string | null {
  if (typeof title !== 'string') return null;
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean.length < 3 || clean.length > 300 || PLACEHOLDER_TITLE.test(clean)) return null;
  return clean;
}

/** The largest text on the first page with text (running headers excluded), when it stands out from the body. */
export function largestTextTitle(pages: PdfPage[]): string | null {
  const running = runningLineKeys(pages);
  const first = pages.find((p) => p.lines.length > 0);
  if (!first) return null;
  const margin = marginFlags(first);
  const display = displaySize(first);
  const lines = first.lines.filter(
    (line, i) => !(margin[i] && isMarginNoise(line, running) && line.size < display) && withoutRules(line.text),
  );
  if (lines.length === 0) return null;
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)];
  const largest = sizes[sizes.length - 1];
  if (lines.length > 1 && largest < median * 1.15) return null;
  const startIndex = lines.findIndex((l) => l.size >= largest * 0.9);
  let title = '';
  for (let i = startIndex; i < lines.length && lines[i].size >= largest * 0.9; i++) {
    title = title ? joinLines(title, withoutRules(lines[i].text)) : withoutRules(lines[i].text);
  }
  title = title.replaceAll(HYPHEN_MARK, '');
  return title.length >= 2 && title.length <= 200 ? title : null;
}
