// How a mention's words become an entity: titles and possessives dropped ("President Vladimir Putin’s" → Vladimir
// Putin), spellings folded ("Türkiye", "Turkiye" → turkey; "U.S.", "United States" → us), and a key that names the
// entity whatever the wording. A lone surname ("Putin") is matched to a full name later, across the corpus
// (entities/resolve.ts), since one document may say only "Putin".
import type { EntityKind } from '../../shared/types.js';

export interface NamedMention {
  kind: EntityKind;
  /** The name as the entity index shows it: "Vladimir Putin", "Turkey". */
  name: string;
  /** Folded form that identifies the entity: "vladimir putin", "turkey". */
  key: string;
  /** Offsets of the name inside the mention's text (titles and possessives left out). */
  start: number;
  end: number;
}

/** Words that qualify a name without being part of it, dropped from the front of a person's mention. */
const TITLE_WORDS = new Set(
  `president vice prime minister ministers foreign deputy secretary state defense defence chancellor king queen
  prince princess mr mrs ms miss dr prof sen senator rep representative gov governor general gen lt col colonel
  ambassador spokesman spokeswoman spokesperson envoy special adviser advisor aide chief director head leader
  premier pope sheikh emir crown national security then former ex acting interim us uk un eu russian american
  ukrainian british turkish saudi chinese french german israeli iranian kremlin white house of the and`
    .split(/\s+/)
    .filter(Boolean),
);

/** Place names spelled several ways, folded to one key; the display name of each key. */
const PLACE_ALIASES: Record<string, string> = {
  turkiye: 'turkey',
  'republic of turkey': 'turkey',
  us: 'us',
  usa: 'us',
  'united states': 'us',
  'united states of america': 'us',
  america: 'us',
  uk: 'uk',
  britain: 'uk',
  'great britain': 'uk',
  'united kingdom': 'uk',
  'russian federation': 'russia',
  'soviet union': 'ussr',
  ussr: 'ussr',
  kiev: 'kyiv',
  'saudi arabia': 'saudi arabia',
};
const PLACE_NAMES: Record<string, string> = {
  turkey: 'Turkey',
  us: 'United States',
  uk: 'United Kingdom',
  russia: 'Russia',
  ussr: 'Soviet Union',
  kyiv: 'Kyiv',
};

/** Last words that make a name an organisation, whatever the tagger thought ("US State Department"). */
const ORGANISATION_WORDS = new Set(
  `department ministry service services council agency office committee commission bank union organization
  organisation party parliament senate congress court university army navy forces force institute fund group
  company corporation inc corp ltd news times post press agency bureau administration government duma nato`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower case, no accents, no dots or quotes, one space between words. */
export function fold(text: string): string {
  return text
    .replace(/['’]s\b/g, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[.'’‘`"“”]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Offsets of the words of a mention: letters, digits and inner dots, apostrophes and hyphens. */
function wordsOf(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}](?:[\p{L}\p{N}.'’-]*[\p{L}\p{N}])?\.?/gu)].map((m) => ({
    word: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

const POSSESSIVE = /['’]s?$/u;

// The same names come back in document after document: each wording is read once (the cache is bounded).
const CACHE_SIZE = 50_000;
const namedCache = new Map<string, NamedMention | undefined>();
const placeAliasCache = new Map<string, boolean>();

function cached<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  if (cache.size >= CACHE_SIZE) cache.clear();
  const value = compute();
  cache.set(key, value);
  return value;
}

/** The entity a mention names, or undefined when nothing but titles and punctuation is left. */
export function nameMention(kind: EntityKind, text: string): NamedMention | undefined {
  return cached(namedCache, `${kind}:${text}`, () => namedMention(kind, text));
}

function namedMention(kind: EntityKind, text: string): NamedMention | undefined {
  let words = wordsOf(text);
  if (words.length === 0) return undefined;
  const last = words[words.length - 1];
  const possessive = POSSESSIVE.exec(last.word);
  if (possessive)
    words[words.length - 1] = {
      ...last,
      word: last.word.slice(0, possessive.index),
      end: last.end - possessive[0].length,
    };
  words = words.filter((w) => w.word.length > 0);
  // A trailing full stop ends the sentence, not an abbreviation, unless the word is one ("U.S.").
  words = words.map((w) =>
    /\.$/.test(w.word) && !/\..*\.$/.test(w.word) ? { ...w, word: w.word.slice(0, -1), end: w.end - 1 } : w,
  );
  if (kind !== 'person' && words.length > 0 && fold(words[0].word) === 'the') words = words.slice(1);
  if (words.length === 0) return undefined;
  const lastFolded = fold(words[words.length - 1].word);
  if (kind !== 'organisation' && words.length > 1 && ORGANISATION_WORDS.has(lastFolded)) kind = 'organisation';
  if (kind === 'person') {
    while (words.length > 1 && isTitle(words[0].word)) words = words.slice(1);
    if (isTitle(words[0].word)) return undefined;
  }
  if (!/^\p{Lu}/u.test(words[0].word)) return undefined;
  const start = words[0].start;
  const end = words[words.length - 1].end;
  const written = text.slice(start, end).replace(/\s+/g, ' ');
  const folded = fold(written);
  if (folded.length < 2) return undefined;
  if (kind === 'organisation' && PLACE_ALIASES[folded]) kind = 'place';
  if (kind === 'place') {
    const key = PLACE_ALIASES[folded] ?? folded;
    return { kind, name: PLACE_NAMES[key] ?? written, key, start, end };
  }
  return { kind, name: written, key: kind === 'person' ? transliterated(folded) : folded, start, end };
}

/** Spellings of one transliterated name brought together: Zelenskyy, Zelenskiy, Zelensky; Sergei, Sergey. */
function transliterated(key: string): string {
  return key
    .split(' ')
    .map((word) => (word.length > 3 ? word.replace(/iye/g, 'ie').replace(/[iy]+$/, 'y') : word))
    .join(' ');
}

/** "U.S.", "Türkiye": a place whatever the tagger says. */
export function isPlaceAlias(text: string): boolean {
  return cached(placeAliasCache, text, () => PLACE_ALIASES[fold(text)] !== undefined);
}

export function isOrganisationWord(lower: string): boolean {
  return ORGANISATION_WORDS.has(lower);
}

function isTitle(word: string): boolean {
  const folded = fold(word);
  return TITLE_WORDS.has(folded) || /^(then|former|ex)-/.test(folded);
}

/** A person's surname key ("putin"), by which a lone surname elsewhere finds the full name. */
export function surnameKey(key: string): string | undefined {
  const parts = key.split(' ');
  return parts.length > 1 ? parts[parts.length - 1] : undefined;
}
