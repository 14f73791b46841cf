// What one document names and dates, computed in a worker thread (entities/worker.ts), never on the backend's.
// People, organisations and places come from compromise's lexicon and tag set over runs of capitalised words
// (entities/words.ts; wink-nlp's English model has no person, place or organisation recogniser); dates from
// chrono-node, resolved against the document's publication date.
import * as chrono from 'chrono-node';
import type { DatePrecision, EntityKind } from '../../shared/types.js';
import { sentenceSpans, type SentenceSpan } from '../corroboration/text.js';
import { fold, isOrganisationWord, isPlaceAlias, nameMention, type NamedMention } from './aliases.js';
import { lexicon, wordsOf, type Word } from './words.js';

export interface FoundMention extends NamedMention {
  /** start/end are offsets into the document. */
  surname?: string;
}

export interface FoundDate {
  /** The sentence that carries the date: the event's passage. */
  sentenceStart: number;
  sentenceEnd: number;
  /** The date's own words ("on Thursday"). */
  start: number;
  end: number;
  /** ISO day the date resolves to (the first day of a week, month or year), or null without a reference. */
  day: string | null;
  precision: DatePrecision;
  relative: boolean;
}

export interface Extraction {
  mentions: FoundMention[];
  dates: FoundDate[];
}

export function extractDocument(text: string, publishedAt: string | null): Extraction {
  const found: FoundMention[] = [];
  const unknown: Span[] = [];
  const sentences = sentenceSpans(text);
  for (const sentence of sentences) {
    for (const span of capitalisedRuns(wordsOf(text, sentence.start, sentence.end))) {
      for (const part of span.kind === 'place' ? splitCompound(text, span) : [span]) {
        if (part.kind === undefined) unknown.push(part);
        else found.push(...mentionOf(text, part.kind, part));
      }
    }
  }
  const mentions = [...found, ...surnamesOfKnownPeople(text, found, unknown)].sort((a, b) => a.start - b.start);
  return { mentions, dates: datesIn(text, sentences, publishedAt) };
}

interface Span {
  kind: EntityKind | undefined;
  start: number;
  end: number;
}

function mentionOf(text: string, kind: EntityKind, span: Span): FoundMention[] {
  const words = text.slice(span.start, span.end);
  const named = nameMention(kind, words);
  if (!named) return [];
  // The words as written, not the key: "United States" is no pronoun, though its key is "us".
  const written = words.slice(named.start, named.end);
  if (isCommonWord(fold(written)) && !/^\p{Lu}[\p{Lu}.]+$/u.test(written)) return [];
  return [{ ...named, start: span.start + named.start, end: span.start + named.end }];
}

const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'Honorific'];
const PLACE_TAGS = ['Place', 'Country', 'City', 'Region'];
const NAME_TAGS = /Name|Place|City|Country|Region|Organization|Honorific|Person|Demonym/;

/**
 * Runs of capitalised words, each classed by the tags compromise's lexicon and first tagging pass give its words
 * (entities/words.ts): a person's name anywhere makes a person ("Secretary of State Marco Rubio"), an organisation's
 * word an organisation ("US State Department"), else a place.
 */
function capitalisedRuns(words: Word[]): Span[] {
  const spans: Span[] = [];
  const titleCase = isTitleCase(words);
  let run: Word[] = [];
  const flush = () => {
    // Capitalised common words start sentences ("The", "While"): not part of a name.
    while (run.length && isCommonWord(bare(run[0].lower)) && !isName(run[0]) && !isAcronym(run[0])) run = run.slice(1);
    const kind = kindOf(run);
    const name = kind === 'person' ? personPart(run) : kind === 'place' ? placePart(run) : run;
    if (name.length) spans.push({ kind, start: name[0].start, end: name[name.length - 1].end });
    run = [];
  };
  for (const word of words) {
    const capital = word.capital;
    // A headline in title case ("Diplomats Meet in Istanbul"): its common words are not names.
    const common = titleCase && isCommonWord(bare(word.lower)) && !isName(word) && !isAcronym(word);
    if (capital && !common && (run.length === 0 || word.joined)) run.push(word);
    else {
      flush();
      if (capital && !common) run.push(word);
    }
  }
  flush();
  return spans;
}

/** "US" is no pronoun. */
const isAcronym = (word: Word) => /^\p{Lu}[\p{Lu}.]+$/u.test(word.text);

const bare = (lower: string) => lower.replace(/['’]s$/, '');

function isTitleCase(words: Word[]): boolean {
  let long = 0;
  let capitalised = 0;
  for (const w of words) {
    if (w.text.length <= 3 || !/^\p{L}/u.test(w.text)) continue;
    long += 1;
    if (w.capital) capitalised += 1;
  }
  return long >= 4 && capitalised >= long * 0.7;
}

/** From the first word that can be a name: "Ukraine’s President Volodymyr Zelensky" → Volodymyr Zelensky. */
function personPart(run: Word[]): Word[] {
  const first = run.findIndex((w) => isPersonWord(w) || lexicon[bare(w.lower)] === undefined);
  return first === -1 ? [] : run.slice(first);
}

/** Up to the first word that is no place, or a possessive: "US Secretary" → US, "Russia’s Washington" → Russia. */
function placePart(run: Word[]): Word[] {
  const words: Word[] = [];
  for (const w of run) {
    if (!PLACE_TAGS.some((t) => w.tags.has(t)) && !isPlaceAlias(bare(w.lower))) break;
    words.push(w);
    if (/['’]s$/.test(w.text)) break;
  }
  return words;
}

function lexiconTags(word: string): (string | undefined)[] {
  const tag = lexicon[bare(word.toLowerCase())];
  return Array.isArray(tag) ? tag : [tag];
}

function isFirstName(word: string): boolean {
  return lexiconTags(word).some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName');
}

/** Tagged a person, or a name in the lexicon (the first pass may re-tag "Trump" in "Trump administration"). */
function isPersonWord(word: Word): boolean {
  return (
    PERSON_TAGS.some((t) => word.tags.has(t)) || isFirstName(word.text) || lexiconTags(word.text).includes('LastName')
  );
}

function isName(word: Word): boolean {
  return [...word.tags].some((t) => NAME_TAGS.test(t) || t === 'ProperNoun');
}

function kindOf(run: Word[]): EntityKind | undefined {
  if (run.length === 0) return undefined;
  if (isPlaceAlias(run.map((w) => bare(w.lower)).join(' '))) return 'place';
  const has = (tags: string[]) => run.some((w) => tags.some((t) => w.tags.has(t)));
  if (run.length === 1 && (run[0].tags.has('Demonym') || lexiconTags(run[0].text).includes('Demonym')))
    return undefined;
  const person = run.some(isPersonWord);
  if (has(['Organization']) && !person) return 'organisation';
  if (run.length > 1 && isOrganisationWord(run[run.length - 1].lower)) return 'organisation';
  if (person) return 'person';
  if (has(PLACE_TAGS)) return 'place';
  return undefined;
}

/** "US-Russia relations" names two places. */
function splitCompound(text: string, span: Span): Span[] {
  const parts: Span[] = [];
  let start = span.start;
  for (const m of text.slice(span.start, span.end).matchAll(/[-–—]/g)) {
    parts.push({ ...span, start, end: span.start + m.index });
    start = span.start + m.index + 1;
  }
  parts.push({ ...span, start });
  return parts;
}

/** A lone word the lexicon knows as something other than a name ("Will", "Low"). */
function isCommonWord(key: string): boolean {
  if (key.includes(' ')) return false;
  const tag = lexicon[key];
  if (tag === undefined) return false;
  return !(Array.isArray(tag) ? tag : [tag]).some((t) => NAME_TAGS.test(t));
}

/** "Trump" alone, unknown to the lexicon, in a report that also says "Donald Trump". */
function surnamesOfKnownPeople(text: string, found: FoundMention[], unknown: Span[]): FoundMention[] {
  const surnames = new Map<string, FoundMention>();
  for (const m of found) {
    const words = m.key.split(' ');
    if (m.kind === 'person' && words.length > 1) surnames.set(words[words.length - 1], m);
  }
  return unknown.flatMap((span) => {
    const named = nameMention('person', text.slice(span.start, span.end));
    if (!named || named.key.includes(' ') || !surnames.has(named.key)) return [];
    return [{ ...named, start: span.start + named.start, end: span.start + named.end }];
  });
}

// chrono reads a sentence in about 0.1 ms; most sentences are passed over unread. A date needs letters chrono reads
// as one (ANY_DATE_WORD), and a word chrono can anchor it on: a number, a month or weekday, "yesterday", "ago", or a
// week, month or year counted or pointed at ("last week", "in two weeks", "the month before"); a bare "week" or
// "month", as in "a week of talks", is none.
const ANY_DATE_WORD = /\d|day|week|month|year|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ago|tomorrow|tonight/i;
const COUNT = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|couple of)';
const DATE_ANCHOR = new RegExp(
  [
    '\\d',
    '\\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b',
    '\\b(?:sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)\\b|\\w+day\\b|\\bago\\b|tonight|weekend',
    `\\b(?:this|last|next|past|coming|previous|in|a|an|the|for|${COUNT})\\s+(?:${COUNT}\\s+)?(?:days?|weeks?|months?|years?)\\b`,
  ].join('|'),
  'i',
);
/** "May" the month, not "may" the verb (which chrono never reads as a date without a number beside it). */
const MAY = /\bMay\b/;

function datesIn(text: string, sentences: SentenceSpan[], publishedAt: string | null): FoundDate[] {
  const reference = publishedAt ? referenceOf(publishedAt) : undefined;
  const dates: FoundDate[] = [];
  for (const sentence of sentences) {
    const words = text.slice(sentence.start, sentence.end);
    if (!ANY_DATE_WORD.test(words) || !(DATE_ANCHOR.test(words) || MAY.test(words))) continue;
    for (const result of chrono.parse(words, reference?.instant ?? new Date(2000, 0, 1, 12))) {
      const date = resolvedDate(result, reference);
      if (!date) continue;
      dates.push({
        sentenceStart: sentence.start,
        sentenceEnd: sentence.end,
        start: sentence.start + result.index,
        end: sentence.start + result.index + result.text.length,
        ...date,
      });
    }
  }
  return dates;
}

/** The publication day, and noon of it in local time: chrono reckons in local time, so "on Thursday" and "February
 * 27" land on their calendar day in any time zone (noon UTC is the next day east of UTC+12). */
interface Reference {
  day: string;
  instant: Date;
}

function referenceOf(iso: string): Reference | undefined {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y) return undefined;
  return { day: isoDay(y, m || 1, d || 1), instant: new Date(y, (m || 1) - 1, d || 1, 12) };
}

const isoDay = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const RELATIVE_WORDS =
  /\b(this|last|next|past|coming|ago|yesterday|today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/;

type ChronoResult = ReturnType<typeof chrono.parse>[number];

function resolvedDate(
  result: ChronoResult,
  reference: Reference | undefined,
): Pick<FoundDate, 'day' | 'precision' | 'relative'> | undefined {
  const c = result.start;
  const phrase = result.text.toLowerCase();
  // A clock time alone ("at 10 am") or a bare number is no event date.
  if (!c.isCertain('day') && !c.isCertain('month') && !c.isCertain('year') && !c.isCertain('weekday')) {
    if (!/week|month|year|ago|yesterday|today|tomorrow|tonight/.test(phrase)) return undefined;
  }
  // Dates counted from another event ("six days later", "three years after"), spans ahead and "now" are not
  // dates of the sentence's event.
  if (/\b(later|after|before|earlier|within|since|until|now)\b|next \w+ (days|weeks|months|years)/.test(phrase))
    return undefined;
  // chrono counts the year of "last year" or "this month" as known: it is known only from the reference.
  const relative = !c.isCertain('year') || RELATIVE_WORDS.test(phrase);
  const precision = precisionOf(result, phrase);
  if (relative && !reference) return { day: null, precision, relative };
  const week = /\b(this|last|next) week\b/.exec(phrase);
  if (week && reference) {
    const shift = { this: 0, last: -7, next: 7 }[week[1] as 'this' | 'last' | 'next'];
    return { day: mondayOf(addDays(reference.day, shift)), precision, relative };
  }
  // The calendar day chrono found (a month and day without a year: in the year that puts it nearest the
  // publication day), not the UTC day of its instant.
  const iso = isoDay(c.get('year')!, c.get('month')!, c.get('day')!);
  const day = precision === 'month' ? `${iso.slice(0, 7)}-01` : precision === 'year' ? `${iso.slice(0, 4)}-01-01` : iso;
  return { day: precision === 'week' ? mondayOf(iso) : day, precision, relative };
}

function precisionOf(result: ChronoResult, phrase: string): DatePrecision {
  const c = result.start;
  if (/week/.test(phrase) && !c.isCertain('weekday')) return 'week';
  if (c.isCertain('day') || c.isCertain('weekday') || /yesterday|today|tomorrow|tonight|days? ago/.test(phrase))
    return 'day';
  if (c.isCertain('month') || /month/.test(phrase)) return 'month';
  return 'year';
}

function mondayOf(iso: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}
