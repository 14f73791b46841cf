// Sentences and terms: the two things corroboration compares. Sentences end at terminal punctuation followed by a
// space and a word that is not lower-case (the core of the Unicode sentence rules Intl.Segmenter follows, which
// gives the same sentences on the sample corpus but costs 3 ms per 5 KB report, too slow for import), mended where
// they split after an abbreviation ("U.S. President", "Mr. Smith"). Terms are
// lower-cased words without stop words, with spelling variants and aliases brought together ("Türkiye" → turkey,
// "United States" → us, -ise → -ize) and stemmed (Porter), so "normalising relations" meets "normalize relations".
import { stemmer } from 'stemmer';

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Where a sentence may end: terminal punctuation (with closing quotes), then a space and no lower-case letter. */
const SENTENCE_END = /[.!?…]+["”’')\]]*(?=\s+[^\s\p{Ll}]|\s*$)/gu;

/** A segment ending with one of these is not a sentence end when a word follows. */
const ABBREVIATION_END =
  /[\s(“"‘'-](?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gen|Gov|Lt|Col|Jr|Sr|Inc|Ltd|Co|Corp|vs|No|etc|e\.g|i\.e|(?:[A-Za-z]\.){1,3}[A-Za-z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/;

/** Sentences of a text (offsets into it), never crossing a paragraph break; blank ones are left out. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let paragraphStart = 0;
  while (paragraphStart < text.length) {
    const breakAt = text.indexOf('\n', paragraphStart);
    const paragraphEnd = breakAt === -1 ? text.length : breakAt;
    if (paragraphEnd > paragraphStart) addParagraph(text, paragraphStart, paragraphEnd, spans);
    paragraphStart = paragraphEnd + 1;
  }
  return spans;
}

function addParagraph(text: string, from: number, to: number, spans: SentenceSpan[]): void {
  const paragraph = text.slice(from, to);
  let pending: SentenceSpan | null = null;
  for (const [index, segmentEnd] of segmentsOf(paragraph)) {
    const span = trimmed(paragraph, index, segmentEnd, from);
    if (!span) continue;
    if (pending && endsWithAbbreviation(text, pending)) pending.end = span.end;
    else {
      if (pending) spans.push(pending);
      pending = span;
    }
  }
  if (pending) spans.push(pending);
}

/** Tests only the span's last characters (a paragraph without full stops can be one long span). */
function endsWithAbbreviation(text: string, span: SentenceSpan): boolean {
  const from = Math.max(span.start, span.end - 16);
  return ABBREVIATION_END.test((from === span.start ? ' ' : '') + text.slice(from, span.end));
}

function segmentsOf(paragraph: string): [number, number][] {
  const segments: [number, number][] = [];
  let start = 0;
  for (const match of paragraph.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    segments.push([start, end]);
    start = end;
  }
  if (start < paragraph.length) segments.push([start, paragraph.length]);
  return segments;
}

function trimmed(paragraph: string, start: number, end: number, offset: number): SentenceSpan | null {
  while (start < end && /\s/.test(paragraph[start])) start++;
  while (end > start && /\s/.test(paragraph[end - 1])) end--;
  return end > start ? { start: start + offset, end: end + offset } : null;
}

/**
 * Whether a sentence asserts something another source could report: not a question (the digest's analysis lines
 * ask them), not a short heading ("Ukraine war talks"; a headline long enough to state a fact counts).
 */
export function isClaim(sentence: string): boolean {
  const text = sentence.trim();
  if (/\?["”’')]*$/.test(text)) return false;
  const words = text.split(/\s+/).length;
  return /[.!"”’')]$/.test(text) || words >= 10;
}

// Function words that say nothing about what a sentence claims.
const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but
  by can could did do does doing down during each few for from further had has have having he her here hers herself
  him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or
  other our ours ourselves out over own same she should so some such than that the their theirs them themselves then
  there these they this those through to too under until up very was we were what when where which while who whom why
  will with would you your yours yourself yourselves also said says say saying according would could may might must
  shall one two mr mrs ms s t d ll re ve m o y`.split(/\s+/),
);

/**
 * Names written several ways, mapped to one spelling before stemming: [a substring that must occur, the pattern on
 * whole lower-cased words, its replacement]. The substring test keeps texts without the name from paying for it.
 */
const ALIASES: [string, RegExp, string][] = [
  ['united states', /\bunited states(?: of america)?\b/g, 'us'],
  ['u.s', /\bu\.s\.a?\.?(?=\W|$)/g, 'us'],
  ['americ', /\bamerica(?:n|ns)?\b/g, 'us'],
  ['u.k', /\bu\.k\.?(?=\W|$)/g, 'uk'],
  ['united kingdom', /\bunited kingdom\b/g, 'uk'],
  ['brit', /\bbritain\b|\bbritish\b/g, 'uk'],
  ['rkiye', /\bt[üu]rkiye\b/g, 'turkey'],
  ['turkish', /\bturkish\b/g, 'turkey'],
  ['russian', /\brussians?\b/g, 'russia'],
  ['ukrainian', /\bukrainians?\b/g, 'ukraine'],
  ['kremlin', /\bkremlin\b/g, 'moscow'],
  ['zelenskiy', /\bzelenskiy\b/g, 'zelenskyy'],
];

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Stems of words seen before: a corpus repeats its vocabulary, and stemming is most of the cost of a term. */
const stems = new Map<string, string | null>();
const MAX_STEMS = 200_000;

/** A text's terms in order: what the index stores and what similarity is computed on. */
export function termsOf(text: string): string[] {
  let lower = text.toLowerCase();
  for (const [probe, pattern, replacement] of ALIASES) {
    if (lower.includes(probe)) lower = lower.replace(pattern, replacement);
  }
  const terms: string[] = [];
  for (const match of lower.matchAll(WORD)) {
    let term = stems.get(match[0]);
    if (term === undefined) {
      term = termOf(match[0]);
      if (stems.size >= MAX_STEMS) stems.clear();
      stems.set(match[0], term);
    }
    if (term !== null) terms.push(term);
  }
  return terms;
}

/** The term of one lower-cased word, or null for a word that says nothing (a stop word, a lone letter). */
function termOf(token: string): string | null {
  const word = token.replace(/['’](s|t|ll|re|ve|d|m)$/, '').replace(/['’]/g, '');
  if (word.length < 2 && !/\d/.test(word)) return null;
  if (STOP_WORDS.has(word)) return null;
  return stemmer(americanSpelling(word));
}

/** British -ise/-isation/-our spellings as American ones, so both stem alike. */
function americanSpelling(word: string): string {
  if (word.length > 5) {
    const ize = word.replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1');
    if (ize !== word) return ize;
  }
  return word
    .replace(/our$/, 'or')
    .replace(/lled$/, 'led')
    .replace(/lling$/, 'ling');
}

/** Lower-cased word 3-grams of a text, unstemmed: shared runs of them mean copied wording, not just the same facts. */
export function shinglesOf(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const shingles = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) shingles.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return shingles;
}
