// Search snippets, built in JS from the text and the located match, so there is one definition of the markers and
// text from a document can never produce them: the text's own control characters are dropped before marking.
import type { Match, TermMatcher } from './query.js';

export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

const CONTEXT_BEFORE = 60;
const SNIPPET_CHARS = 200;
const ELLIPSIS = '…';
// C0/C1 controls other than tab and newline, which include the markers themselves.
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** About SNIPPET_CHARS characters around the match (or from the start), every term wrapped in the markers. */
export function makeSnippet(text: string, terms: TermMatcher, match: Match | null): string {
  const [from, to] = snippetWindow(text, match);
  const body = text.slice(from, to).replace(CONTROL_CHARS, '').replace(/\s+/g, ' ').trim();
  return `${from > 0 ? ELLIPSIS : ''}${markTerms(body, terms)}${to < text.length ? ELLIPSIS : ''}`;
}

function snippetWindow(text: string, match: Match | null): [number, number] {
  if (text.length <= SNIPPET_CHARS) return [0, text.length];
  const matchStart = match?.offset ?? 0;
  const matchEnd = match ? match.offset + match.length : 0;
  let from = Math.max(0, matchStart - CONTEXT_BEFORE);
  let to = Math.min(text.length, Math.max(from + SNIPPET_CHARS, matchEnd));
  if (from > 0) from = wordStartAfter(text, from, matchStart);
  if (to < text.length) to = wordEndBefore(text, to, matchEnd);
  return [from, to];
}

/** The first word start in [from, limit], so the snippet does not open mid-word; `from` when there is none (CJK). */
function wordStartAfter(text: string, from: number, limit: number): number {
  const space = text.slice(from, limit).search(/\s/);
  return space < 0 ? from : from + space + 1;
}

function wordEndBefore(text: string, to: number, limit: number): number {
  const space = text.slice(limit, to).search(/\s\S*$/);
  return space < 0 ? to : limit + space;
}

function markTerms(text: string, terms: TermMatcher): string {
  return terms.any ? text.replace(terms.any, (m) => `${MARK_START}${m}${MARK_END}`) : text;
}
