// Text anchors in the W3C Web Annotation model, as Hypothesis uses them: a TextPositionSelector (start/end)
// plus a TextQuoteSelector (exact, prefix, suffix). Re-anchoring tries position, then exact quote (nearest to
// the old position, best context), then a fuzzy quote match via approx-string-match (Myers' bit-parallel
// algorithm, the library Hypothesis itself uses) so small edits inside the passage do not lose it.
import approxSearch from 'approx-string-match';
import type { TextAnchor } from '../../shared/types.js';

export const CONTEXT_LENGTH = 32;

/** Offsets are UTF-16 units; a boundary inside a surrogate pair is widened to take the whole character. */
export function describeAnchor(text: string, rawStart: number, rawEnd: number): TextAnchor {
  const start = widenBackward(text, rawStart);
  const end = widenForward(text, rawEnd);
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(widenForward(text, Math.max(0, start - CONTEXT_LENGTH)), start),
    suffix: text.slice(end, widenBackward(text, Math.min(text.length, end + CONTEXT_LENGTH))),
  };
}

/** True when offset falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

function widenBackward(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset - 1 : offset;
}

function widenForward(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset + 1 : offset;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export interface Placement {
  start: number;
  end: number;
  method: 'position' | 'quote' | 'fuzzy';
}

/** Where the anchored passage is in the new text, or null when it cannot be placed (it becomes orphaned). */
export function reanchor(anchor: TextAnchor, text: string): Placement | null {
  const { start, end, exact } = anchor;
  if (!exact) return null;
  if (text.slice(start, end) === exact) return { start, end, method: 'position' };
  const quoted = findExactQuote(anchor, text);
  if (quoted !== null) return { start: quoted, end: quoted + exact.length, method: 'quote' };
  return findFuzzyQuote(anchor, text);
}

function findExactQuote(anchor: TextAnchor, text: string): number | null {
  let best: { at: number; score: number } | null = null;
  for (let at = text.indexOf(anchor.exact); at !== -1; at = text.indexOf(anchor.exact, at + 1)) {
    const score =
      contextScore(anchor, text, at, at + anchor.exact.length) - Math.abs(at - anchor.start) / Math.max(text.length, 1);
    if (!best || score > best.score) best = { at, score };
  }
  return best?.at ?? null;
}

/** Up to a quarter of the passage may have changed (at most 256 edits), as in Hypothesis's anchoring. */
function findFuzzyQuote(anchor: TextAnchor, text: string): Placement | null {
  const maxErrors = Math.min(256, Math.floor(anchor.exact.length / 4));
  if (maxErrors === 0) return null;
  const matches = approxSearch(text, anchor.exact, maxErrors);
  if (matches.length === 0) return null;
  const scored = matches.map((m) => ({
    ...m,
    score:
      1 -
      m.errors / anchor.exact.length +
      0.5 * contextScore(anchor, text, m.start, m.end) -
      (0.1 * Math.abs(m.start - anchor.start)) / Math.max(text.length, 1),
  }));
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  return { start: best.start, end: best.end, method: 'fuzzy' };
}

/** 0..1: how well the text around a candidate matches the stored prefix and suffix. */
function contextScore(anchor: TextAnchor, text: string, start: number, end: number): number {
  const prefix = text.slice(Math.max(0, start - anchor.prefix.length), start);
  const suffix = text.slice(end, end + anchor.suffix.length);
  return (
    (sharedSuffix(prefix, anchor.prefix) + sharedPrefix(suffix, anchor.suffix)) /
    Math.max(1, anchor.prefix.length + anchor.suffix.length)
  );
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function sharedSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}
