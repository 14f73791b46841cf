// What one document names and dates, computed in a worker thread (entities/worker.ts), never on the backend's.
// People, organisations and places come from compromise's tagger (wink-nlp's English model has no person, place or
// organisation recogniser); dates from chrono-node, resolved against the document's publication date.
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import type { DatePrecision, EntityKind } from '../../shared/types.js';
import { sentenceSpans } from '../corroboration/text.js';
import { nameMention, onlyTitles, type NamedMention } from './aliases.js';

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

/** Paragraphs longer than this are read in pieces (compromise's cost grows faster than the text). */
const MAX_CHUNK = 20_000;

// Names compromise's lexicon lacks that news about Russia and Turkey uses all the time.
nlp.addWords({
  türkiye: 'Country',
  turkiye: 'Country',
  kremlin: 'Organization',
  lavrov: 'LastName',
  peskov: 'LastName',
  ryabkov: 'LastName',
  zelenskyy: 'LastName',
  zelenskiy: 'LastName',
  zelensky: 'LastName',
});

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;

export function extractDocument(text: string, publishedAt: string | null): Extraction {
  const mentions: FoundMention[] = [];
  for (const chunk of chunksOf(text)) mentions.push(...mentionsIn(text.slice(chunk.start, chunk.end), chunk.start));
  return { mentions, dates: datesIn(text, publishedAt) };
}

function chunksOf(text: string): { start: number; end: number }[] {
  const chunks: { start: number; end: number }[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > MAX_CHUNK) {
      const cut = text.lastIndexOf('. ', start + MAX_CHUNK);
      end = cut > start ? cut + 1 : start + MAX_CHUNK;
    }
    if (/\S/.test(text.slice(start, end))) chunks.push({ start, end });
    start = end + 1;
  }
  return chunks;
}

interface Tagged {
  kind: EntityKind;
  start: number;
  end: number;
}

function mentionsIn(paragraph: string, base: number): FoundMention[] {
  const doc = nlp(paragraph);
  const tagged: Tagged[] = [
    ...spansOf(doc.people(), 'person'),
    ...spansOf(doc.organizations(), 'organisation'),
    ...spansOf(doc.places(), 'place').flatMap((s) => splitCompound(paragraph, s)),
  ];
  extendFirstNames(paragraph, tagged);
  joinSurnames(paragraph, tagged);
  const found: FoundMention[] = [];
  for (const t of tagged.filter((t) => t.end > t.start).sort((a, b) => a.start - b.start)) {
    const named = nameMention(t.kind, paragraph.slice(t.start, t.end));
    if (!named || isCommonWord(named.key)) continue;
    const previous = found[found.length - 1];
    if (previous && previous.end > base + t.start) continue;
    found.push({ ...named, start: base + t.start + named.start, end: base + t.start + named.end });
  }
  return found;
}

interface CompromiseView {
  json(options: object): { offset?: { start: number; length: number } }[];
}

function spansOf(view: CompromiseView, kind: EntityKind): Tagged[] {
  return view
    .json({ offset: true, terms: false, text: false })
    .flatMap((m) => (m.offset ? [{ kind, start: m.offset.start, end: m.offset.start + m.offset.length }] : []));
}

/** "US-Russia relations" names two places. */
function splitCompound(text: string, span: Tagged): Tagged[] {
  const parts: Tagged[] = [];
  let start = span.start;
  for (const m of text.slice(span.start, span.end).matchAll(/[-–—]/g)) {
    parts.push({ ...span, start, end: span.start + m.index });
    start = span.start + m.index + 1;
  }
  parts.push({ ...span, start });
  return parts;
}

/** "Secretary of State Marco Rubio": the tagger may leave the first name out; a known first name just before joins. */
function extendFirstNames(text: string, tagged: Tagged[]): void {
  for (const person of tagged.filter((t) => t.kind === 'person')) {
    const before = /(\p{Lu}\p{Ll}+)\s$/u.exec(text.slice(Math.max(0, person.start - 30), person.start));
    if (!before || !isFirstName(before[1])) continue;
    const start = person.start - before[0].length;
    for (const other of tagged) {
      if (other === person || other.end <= start || other.start >= person.start) continue;
      other.end = start;
      if (onlyTitles(text.slice(other.start, other.end))) other.end = other.start;
    }
    person.start = start;
  }
}

const NAME_TAGS = /Name|Place|City|Country|Region|Organization|Honorific|Person|Demonym/;

/** A lone word the lexicon knows as something other than a name ("Will", "Low"). */
function isCommonWord(key: string): boolean {
  if (key.includes(' ')) return false;
  const tag = lexicon[key];
  if (tag === undefined) return false;
  return !(Array.isArray(tag) ? tag : [tag]).some((t) => NAME_TAGS.test(t));
}

/** "Donald Trump’s stance": the tagger may end a person at the first name; a capitalised word right after joins. */
function joinSurnames(text: string, tagged: Tagged[]): void {
  for (const person of tagged.filter((t) => t.kind === 'person')) {
    const words = text.slice(person.start, person.end).trim().split(/\s+/);
    if (!isFirstName(words[words.length - 1])) continue;
    const surname = /^ (\p{Lu}[\p{Ll}-]+)(?:['’]s)?\b/u.exec(text.slice(person.end, person.end + 40));
    if (!surname || isCommonWord(surname[1].toLowerCase())) continue;
    const end = person.end + 1 + surname[1].length;
    for (const other of tagged) if (other !== person && other.start < end && other.end > person.end) other.start = Math.min(other.end, end + 1);
    person.end = end;
  }
}

function isFirstName(word: string): boolean {
  const tag = lexicon[word.toLowerCase()];
  const tags = Array.isArray(tag) ? tag : [tag];
  return tags.some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName');
}

function datesIn(text: string, publishedAt: string | null): FoundDate[] {
  const reference = publishedAt ? referenceDate(publishedAt) : undefined;
  const dates: FoundDate[] = [];
  for (const sentence of sentenceSpans(text)) {
    const words = text.slice(sentence.start, sentence.end);
    if (!/\d|day|week|month|year|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ago|tomorrow|tonight/i.test(words))
      continue;
    for (const result of chrono.parse(words, reference ?? new Date(Date.UTC(2000, 0, 1)))) {
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

/** Noon UTC of the publication day, so "on Thursday" lands on the same calendar day in any time zone. */
function referenceDate(iso: string): Date | undefined {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y) return undefined;
  return new Date(Date.UTC(y, (m || 1) - 1, d || 1, 12));
}

type ChronoResult = ReturnType<typeof chrono.parse>[number];

function resolvedDate(
  result: ChronoResult,
  reference: Date | undefined,
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
  const relative = !c.isCertain('year');
  const precision = precisionOf(result, phrase);
  if (relative && !reference) return { day: null, precision, relative };
  const date = c.date();
  const week = /\b(this|last|next) week\b/.exec(phrase);
  if (week && reference) {
    const shift = { this: 0, last: -7, next: 7 }[week[1] as 'this' | 'last' | 'next'];
    return { day: mondayOf(new Date(reference.getTime() + shift * 86_400_000).toISOString().slice(0, 10)), precision, relative };
  }
  const iso = date.toISOString().slice(0, 10);
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
