// Plain-text normalisation shared by every importer: one canonical form, paragraphs separated by a blank line.
import { createHash } from 'node:crypto';

const HARD_WRAP_MIN = 50;
const HARD_WRAP_MAX = 90;
const ODD_BLANKS = ['\t', '\f', '\v', '\u00a0'];

/** Normalises line endings and whitespace, and returns paragraphs separated by "\n\n". */
export function normaliseText(raw: string): string {
  // Each rewrite only where its characters occur: finding one is a fast scan, a regular expression over every
  // character is not (most of the time an import spends reading a plain text file).
  let text = raw.replace(/^\uFEFF/, '');
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.includes('\u0000')) text = text.replace(/\u0000/g, '');
  if (ODD_BLANKS.some((c) => text.includes(c))) {
    text = text.replace(/[\t\f\v\u00a0]+/g, (m) => (m.includes('\u00a0') ? m.replace(/\u00a0/g, ' ') : ' '));
  }
  return toParagraphs(text).join('\n\n');
}

/** Splits on blank lines; inside a block, joins lines that look hard-wrapped, keeps others as paragraphs. */
export function toParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  for (const block of text.split(/\n[ \t]*\n+/)) {
    // Only runs of blanks are rewritten: replacing every single space copied each line for nothing.
    const lines = block
      .split('\n')
      .map((l) => (l.includes('  ') || l.includes('\t') ? l.replace(/[ \t]{2,}|\t/g, ' ') : l).trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    if (looksHardWrapped(lines)) paragraphs.push(lines.join(' '));
    else paragraphs.push(...lines);
  }
  return paragraphs;
}

function looksHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  return lines.slice(0, -1).every((l) => l.length >= HARD_WRAP_MIN && l.length <= HARD_WRAP_MAX);
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const MAX_TITLE = 140;
/** Longer than any abbreviation below plus the character before it (for \b). */
const ABBREVIATION_WINDOW = 12;
const ABBREVIATIONS =
  /(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gen|Gov|Lt|Col|Jr|Sr|Inc|Ltd|Co|Corp|vs|No|etc|e\.g|i\.e|U\.S|U\.K|U\.N|Feb|Jan|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\.$/;

/**
 * A title for an imported text: its first line when that reads as a headline (short, and either
 * without closing punctuation or standing alone before a blank line), otherwise its first sentence.
 */
export function extractTitle(raw: string, fallback: string): string {
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trimStart();
  const firstLine = (text.split('\n')[0] ?? '').trim();
  if (!firstLine) return fallback;
  const standsAlone = /^[^\n]*\n[ \t]*\n/.test(text);
  const unpunctuated = !/[.!?:;,"”’)]$/.test(firstLine);
  if (firstLine.length <= MAX_TITLE && (unpunctuated || standsAlone)) {
    return firstLine.replace(/\.$/, '');
  }
  return truncate(firstSentence(firstLine));
}

export function firstSentence(paragraph: string): string {
  const re = /[.!?]["”’')]*(?=\s+["“‘(]?[A-Z0-9])/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(paragraph)) !== null) {
    // Only the last few characters can hold an abbreviation; testing the whole prefix was quadratic.
    const before = paragraph.slice(Math.max(0, match.index - ABBREVIATION_WINDOW), match.index + 1);
    if (ABBREVIATIONS.test(before)) continue;
    return paragraph.slice(0, match.index + match[0].length).trim();
  }
  return paragraph.trim();
}

function truncate(s: string): string {
  if (s.length <= MAX_TITLE) return s;
  const cut = s.slice(0, MAX_TITLE - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_TITLE / 2)).replace(/[,;:\s]+$/, '')}…`;
}
