// Turns what an analyst types into a safe FTS5 query: "phrases", prefix*, AND/OR/NOT between terms;
// anything else is quoted, so a stray operator or an unbalanced quote can never raise an FTS syntax error.
import { CJK_LETTERS, ftsPhrase, isCjk } from './searchText.js';

export interface SearchTerm {
  text: string;
  prefix: boolean;
}

export interface ParsedQuery {
  fts: string;
  /** Terms to locate and mark in the text: phrases as written, prefixes without the star; NOT terms left out. */
  terms: SearchTerm[];
}

const TOKEN = /"([^"]*)"?|(\S+)/g;

export function parseQuery(input: string): ParsedQuery | null {
  const parts: string[] = [];
  const terms: SearchTerm[] = [];
  let pendingOperator: string | null = null;
  for (const match of input.matchAll(TOKEN)) {
    const [, phrase, word] = match;
    if (word && /^(AND|OR|NOT)$/.test(word)) {
      if (parts.length) pendingOperator = word;
      continue;
    }
    const raw = phrase ?? word ?? '';
    const prefix = phrase === undefined && raw.endsWith('*');
    const cleaned = raw
      .replace(/["*^(){}:]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (!cleaned || !/[\p{L}\p{N}]/u.test(cleaned)) continue;
    if (pendingOperator) parts.push(pendingOperator);
    if (pendingOperator !== 'NOT') terms.push({ text: cleaned, prefix });
    pendingOperator = null;
    parts.push(ftsPhrase(cleaned, prefix));
  }
  return parts.length ? { fts: parts.join(' '), terms } : null;
}

export interface Match {
  offset: number;
  length: number;
}

/** The query's terms compiled once, to locate and mark them in many texts. */
export interface TermMatcher {
  /** Where the first term occurs in the text (case-insensitive), with its length. */
  locate(text: string): Match | null;
  /** Every occurrence of any term (global), or null when there are no terms. */
  readonly any: RegExp | null;
}

export function termMatcher(terms: SearchTerm[]): TermMatcher {
  const each = terms.map((term) => termPattern(term, 'iu'));
  const any = terms.length ? new RegExp(each.map((p) => p.source).join('|'), 'giu') : null;
  return { locate: (text) => firstMatch(text, each), any };
}

export function locateMatch(text: string, terms: SearchTerm[]): Match | null {
  return termMatcher(terms).locate(text);
}

function firstMatch(text: string, patterns: RegExp[]): Match | null {
  let best: Match | null = null;
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (m && (!best || m.index < best.offset)) best = { offset: m.index, length: m[0].length };
  }
  return best;
}

// A character that would join a word to its neighbour in the index: CJK stands apart (it is indexed as bigrams).
const WORD_CHAR = `(?:(?![${CJK_LETTERS}])[\\p{L}\\p{N}\\p{M}])`;
const MARKS = '[\\p{M}\\u0640]*';

/**
 * The term as the tokenizer matches it: whole words (CJK, which has no word edges, anywhere), whitespace between
 * words, and combining marks (Arabic harakat, decomposed accents) allowed after any character.
 */
function termPattern(term: SearchTerm, flags: string): RegExp {
  const chars = [...term.text.replace(/[\p{M}\u0640]/gu, '')];
  if (chars.length === 0) return new RegExp('(?!)', flags);
  const body = chars.map((c) => (/\s/.test(c) ? '\\s+' : `${escapeRegExp(c)}${MARKS}`)).join('');
  const before = isCjk(chars[0]) ? '' : `(?<!${WORD_CHAR})`;
  const last = chars[chars.length - 1];
  const after = isCjk(last) ? '' : term.prefix ? `${WORD_CHAR}*` : `(?!${WORD_CHAR})`;
  return new RegExp(`${before}${body}${after}`, flags);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
