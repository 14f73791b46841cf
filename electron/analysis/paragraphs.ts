// Paragraphs and sentences of a document's canonical text (paragraphs are separated by a blank line).

/** Offsets where each paragraph break begins, ascending. */
export function paragraphBreaks(text: string): number[] {
  const breaks: number[] = [];
  for (const match of text.matchAll(/\n[ \t]*\n/g)) breaks.push(match.index);
  return breaks;
}

/** The paragraph (0-based) holding `offset`: how many breaks come before it. */
export function paragraphOf(breaks: number[], offset: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
const WINDOW = 4000;

/** Text before `start`: the rest of its paragraph plus `count` whole paragraphs before that one. */
export function paragraphsBefore(text: string, breaks: number[], start: number, count: number): string {
  const paragraph = paragraphOf(breaks, start);
  const first = Math.max(0, paragraph - count);
  const from = first === 0 ? 0 : breakEnd(text, breaks[first - 1]);
  return text.slice(from, start);
}

export function paragraphsAfter(text: string, breaks: number[], end: number, count: number): string {
  const paragraph = paragraphOf(breaks, Math.max(0, end - 1));
  const last = paragraph + count;
  const to = last < breaks.length ? breaks[last] : text.length;
  return text.slice(end, Math.max(end, to));
}

function breakEnd(text: string, at: number): number {
  const match = /\n[ \t]*\n/y;
  match.lastIndex = at;
  return match.exec(text) ? match.lastIndex : at;
}

/** Text before `start`: the rest of its sentence plus `count` whole sentences before that one. */
export function sentencesBefore(text: string, start: number, count: number): string {
  const window = text.slice(Math.max(0, start - WINDOW), start);
  const parts = sentencesOf(window);
  // After a full stop or a line break, the passage starts a sentence: no partial sentence to complete.
  const atSentenceStart = window === '' || /([.!?]["”’)\]]*\s*|\n\s*)$/.test(window);
  const take = atSentenceStart ? count : count + 1;
  return take === 0 ? '' : parts.slice(-take).join('');
}

/** Text after `end`: the rest of its sentence plus `count` whole sentences after that one. */
export function sentencesAfter(text: string, end: number, passage: string, count: number): string {
  const window = text.slice(end, end + WINDOW);
  const parts = sentencesOf(window);
  const atSentenceEnd = /[.!?]["”’)\]]*\s*$/.test(passage);
  const take = atSentenceEnd ? count : count + 1;
  return parts.slice(0, take).join('');
}

/** The sentences of a stretch of text (blank-line segments are not sentences). */
function sentencesOf(text: string): string[] {
  return [...sentences.segment(text)].map((s) => s.segment).filter((s) => s.trim() !== '');
}
