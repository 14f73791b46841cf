// Sentences and terms: the two things corroboration compares. Sentences come from Intl.Segmenter (the platform's
// Unicode sentence rules), mended where they split after an abbreviation ("U.S. President", "Mr. Smith"). Terms are
// lower-cased words without stop words, with spelling variants and aliases brought together ("Türkiye" → turkey,
// "United States" → us, -ise → -ize) and stemmed (Porter), so "normalising relations" meets "normalize relations".
import { stemmer } from 'stemmer';

export interface SentenceSpan {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** A segment ending with one of these is not a sentence end when a word follows. */
const ABBREVIATION_END =
  /(?:^|[\s(“"‘'-])(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gen|Gov|Lt|Col|Jr|Sr|Inc|Ltd|Co|Corp|vs|No|etc|e\.g|i\.e|(?:[A-Za-z]\.){1,3}[A-Za-z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/;

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
  for (const { segment, index } of segmenter.segment(paragraph)) {
    const span = trimmed(paragraph, index, index + segment.length, from);
    if (!span) continue;
    if (pending && ABBREVIATION_END.test(text.slice(pending.start, pending.end))) pending.end = span.end;
    else {
      if (pending) spans.push(pending);
      pending = span;
    }
  }
  if (pending) spans.push(pending);
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

/** Names written several ways, mapped to one spelling before stemming. Matched on whole lower-cased words. */
const ALIASES: [RegExp, string][] = [
  [/\bunited states(?: of america)?\b/g, 'us'],
  [/\bu\.s\.a?\.?(?=\W|$)/g, 'us'],
  [/\bamerica(?:n|ns)?\b/g, 'us'],
  [/\bu\.k\.?(?=\W|$)|\bunited kingdom\b|\bbritain\b|\bbritish\b/g, 'uk'],
  [/\bt[üu]rkiye\b|\bturkish\b/g, 'turkey'],
  [/\brussian\b|\brussians\b/g, 'russia'],
  [/\bukrainian\b|\bukrainians\b/g, 'ukraine'],
  [/\bkremlin\b/g, 'moscow'],
  [/\bzelenskiy\b/g, 'zelenskyy'],
];

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** A text's terms in order: what the index stores and what similarity is computed on. */
export function termsOf(text: string): string[] {
  let lower = text.toLowerCase();
  for (const [pattern, replacement] of ALIASES) lower = lower.replace(pattern, replacement);
  const terms: string[] = [];
  for (const match of lower.matchAll(WORD)) {
    const word = match[0].replace(/['’](s|t|ll|re|ve|d|m)$/, '');
    if (word.length < 2 && !/\d/.test(word)) continue;
    if (STOP_WORDS.has(word)) continue;
    terms.push(stemmer(americanSpelling(word)));
  }
  return terms;
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
