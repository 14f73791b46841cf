// A sentence's words, and for each capitalised one the tags compromise's lexicon and first tagging pass give it,
// taken from compromise's own model (its lexicon, multi-word entries, tag set, organisation and place words) without
// running its tokenizer and tagger over every word of the text: those cost about 20 µs a word and held entity
// reading to about 100 documents a second on one core, while names are only in capitalised words. What compromise
// tags from neighbours and suffixes (verbs, nouns) never made a name here, so it is left out.
import nlp from 'compromise';

export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** compromise's tags, for capitalised words only (names start with a capital). */
  tags: Set<string>;
  /** Only a space between it and the word before: no punctuation. */
  joined: boolean;
  /** Starts with a capital letter. */
  capital: boolean;
}

// Names compromise's lexicon lacks that news about Russia and Turkey uses all the time.
nlp.addWords({
  türkiye: 'Country',
  turkiye: 'Country',
  kremlin: 'Organization',
  macron: 'LastName',
  lavrov: 'LastName',
  peskov: 'LastName',
  ryabkov: 'LastName',
  zelenskyy: 'LastName',
  zelenskiy: 'LastName',
  zelensky: 'LastName',
  trump: 'LastName',
  biden: 'LastName',
});

type LexiconTag = string | string[] | undefined;
interface TagInfo {
  parents?: string[];
  not?: string[];
}
const model = nlp.model() as unknown as {
  one: {
    lexicon: Record<string, LexiconTag>;
    _multiCache: Record<string, number>;
    tagSet: Record<string, TagInfo | undefined>;
    prefixes: Record<string, unknown>;
    suffixes: Record<string, unknown>;
  };
  two: { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> };
};
export const lexicon = model.one.lexicon;
const { tagSet, _multiCache: multiWords, prefixes, suffixes } = model.one;
const { orgWords, placeWords } = model.two;

const WORD = /\S+/g;
const DASH = /[-–—]/;
const CAPITAL = /^\p{Lu}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The words of text[from, to), split and trimmed of punctuation as compromise's tokenizer does. */
export function wordsOf(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  const sentence = text.slice(from, to);
  let punctuated = true;
  for (const match of sentence.matchAll(WORD)) {
    let at = from + match.index;
    for (const piece of DASH.test(match[0]) ? hyphenParts(match[0]) : [match[0]]) {
      const pre = leadingPunctuation(piece);
      const end = wordEnd(piece, pre);
      if (end > pre) {
        const word = pre === 0 && end === piece.length ? piece : piece.slice(pre, end);
        const start = at + pre;
        const capital = isCapital(word);
        words.push({
          text: word,
          lower: word.toLowerCase(),
          start,
          end: start + word.length,
          tags: NO_TAGS,
          joined: !punctuated && pre === 0,
          capital,
        });
      }
      punctuated = end === pre || end < piece.length;
      at += piece.length;
    }
  }
  tagCapitalised(words);
  return words;
}

const NO_TAGS: Set<string> = new Set();

function isCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAPITAL.test(word);
}

function isLetterOrDigit(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_DIGIT.test(c);
}

function leadingPunctuation(piece: string): number {
  let start = 0;
  while (start < piece.length && !isLetterOrDigit(piece[start])) start += 1;
  return start;
}

/** Trailing punctuation off; the dots of "U.S." and the apostrophe of "Flanders'" stay. */
function wordEnd(piece: string, start: number): number {
  let end = piece.length;
  if (start === end || isLetterOrDigit(piece[end - 1])) return end;
  const acronym = piece.includes('.') && /^[a-z]\.([a-z]\.)+/i.test(piece.slice(start));
  while (end > start && !isLetterOrDigit(piece[end - 1])) {
    const c = piece[end - 1];
    if ((c === '.' && acronym) || (c === "'" && /[sn]'$/.test(piece.slice(start, end)))) break;
    end -= 1;
  }
  return end;
}

/** compromise splits "US-Russia" in two, not "re-do", "X-ray" or "Putin-like". */
function hyphenParts(token: string): string[] {
  const parts = token.split(/[-–—]/);
  if (parts.length <= 1) return [token];
  if (parts[0].length === 1 && /[a-z]/i.test(parts[0])) return [token];
  if (Object.hasOwn(prefixes, parts[0])) return [token];
  if (Object.hasOwn(suffixes, parts[1].trim().replace(/[.?!]$/, ''))) return [token];
  const split =
    /^([a-z\u00C0-\u00FF`"'/]+)[-–—]([a-z0-9\u00C0-\u00FF].*)/i.test(token) ||
    // Beyond compromise: "U.S.-Russia" is two names too.
    /^(\p{Lu}\.)+[-–—]\p{Lu}/u.test(token) ||
    /^[('"]?([0-9]{1,4})[-–—]([a-z\u00C0-\u00FF`"'/-]+[)'"]?$)/i.test(token);
  if (!split) return [token];
  const pieces: string[] = [];
  let at = 0;
  for (const part of parts) {
    // Each piece keeps the dash after it, as its trailing punctuation.
    const end = Math.min(token.length, at + part.length + 1);
    pieces.push(token.slice(at, end));
    at = end;
  }
  return pieces;
}

/** compromise's normal form, by which its lexicon is keyed: lower case, no accents, no possessive. */
export function lexiconKey(lower: string): string {
  if (/^[a-z]*$/.test(lower)) return lower;
  const plain = /[^\x20-\x7e]/.test(lower) ? lower.normalize('NFKD').replace(/\p{M}+/gu, '') : lower;
  return plain.replace(/['’]s$/, '').replace(/[’‘]/g, "'");
}

function tagCapitalised(words: Word[]): void {
  const keys = words.map((w) => lexiconKey(w.lower));
  for (let i = 0; i < words.length; i += 1) {
    if (!words[i].capital) continue;
    words[i].tags = new Set();
    const span = multiWordAt(keys, i);
    if (span > 1) {
      const tag = lexicon[keys.slice(i, i + span).join(' ')];
      for (let k = i; k < i + span; k += 1) if (words[k].capital) tagWord(words[k], tag);
      i += span - 1;
      continue;
    }
    tagWord(words[i], lexicon[keys[i]]);
    tagAcronym(words[i], keys[i]);
  }
  for (let i = 0; i < words.length; i += 1) {
    if (orgWords[keys[i]] === true) tagOrganisation(words, i);
    if (placeWords[keys[i]] === true) tagPlace(words, i);
  }
}

/** Words in a multi-word lexicon entry starting at i ("Saudi Arabia"), or 0. */
function multiWordAt(keys: string[], i: number): number {
  const longest = multiWords[keys[i]];
  if (longest === undefined) return 0;
  for (let n = Math.min(longest, keys.length - i); n > 1; n -= 1)
    if (Object.hasOwn(lexicon, keys.slice(i, i + n).join(' '))) return n;
  return 0;
}

function tagWord(word: Word, tag: LexiconTag): void {
  if (tag === undefined) return;
  for (const t of Array.isArray(tag) ? tag : [tag]) addTag(word, t);
}

/** As compromise's setTag: a tag brings its parents and drops the tags it excludes. */
function addTag(word: Word, tag: string): void {
  if (word.tags === NO_TAGS) word.tags = new Set();
  if (word.tags.has(tag)) return;
  const info = tagSet[tag];
  for (const excluded of info?.not ?? []) word.tags.delete(excluded);
  for (const parent of info?.parents ?? []) word.tags.add(parent);
  word.tags.add(tag);
}

const ACRONYM_PLACES = new Set(['la', 'ny', 'us', 'dc', 'gb', 'uk']);

/** compromise's acronym pass: "NATO" unknown to the lexicon, "US" a place, "U.S." an acronym. */
function tagAcronym(word: Word, key: string): void {
  // Beyond compromise: "US's" is the acronym too.
  const text = word.text.replace(/['’]s$/, '');
  if (/^[A-Z-]+$/.test(text)) {
    if (ACRONYM_PLACES.has(key)) return retag(word, ['Acronym', 'Noun', 'Place']);
    if (text.length > 5 || text === 'I' || text === 'A' || Object.hasOwn(lexicon, key)) return;
    if (/[A-Z]{2,}$/.test(text) || /^[A-Z]$/.test(text)) retag(word, ['Acronym', 'Noun']);
    return;
  }
  if (!/^([A-Z]\.){2}[A-Z]?/i.test(text)) return;
  for (const t of ['Acronym', 'Noun']) addTag(word, t);
  // Beyond compromise: "U.S." is a place as "US" is.
  if (ACRONYM_PLACES.has(key.replace(/\./g, ''))) addTag(word, 'Place');
}

function retag(word: Word, tags: string[]): void {
  word.tags = new Set();
  for (const t of tags) addTag(word, t);
}

const isTitleCase = (text: string) => /^\p{Lu}[\p{Ll}'’]/u.test(text);

/** "Johnson LLC", "US State Department": an organisation's word makes the capitalised words before it one. */
function tagOrganisation(words: Word[], i: number): void {
  const isOrg = (k: number) => {
    const tags = words[k].tags;
    if (tags.has('FirstName') || tags.has('Place')) return false;
    if (tags.has('ProperNoun') || tags.has('Organization') || tags.has('Acronym')) return true;
    return isTitleCase(words[k].text) && (k > 0 || tags.has('Singular'));
  };
  if (i === 0 || !isOrg(i - 1)) return;
  if (words[i].capital) addTag(words[i], 'Organization');
  for (let k = i - 1; k >= 0 && isOrg(k); k -= 1) addTag(words[k], 'Organization');
}

/** "Wawel Castle", "Gulf of Finland": a place's word makes the capitalised words beside it one. */
function tagPlace(words: Word[], i: number): void {
  const isPlace = (k: number) => {
    const w = words[k];
    if (w.tags.has('Organization') || w.tags.has('Possessive') || /'s$/.test(w.lower)) return false;
    if (w.tags.has('ProperNoun') || w.tags.has('Place')) return true;
    return isTitleCase(w.text) && (k > 0 || w.tags.has('Singular'));
  };
  const tagged = (from: number, to: number) => {
    for (let k = from; k <= to; k += 1) if (words[k].capital) addTag(words[k], 'Place');
  };
  for (let n = i - 1; n >= 0; n -= 1) {
    if (PLACE_CONTINUATIONS.has(words[n].lower)) continue;
    if (!isPlace(n)) break;
    tagged(n, i);
  }
  if (PLACE_NOT_BEFORE.has(words[i].lower)) return;
  for (let n = i + 1; n < words.length; n += 1) {
    if (isPlace(n)) return tagged(i, n);
    if (words[n].lower !== 'of' && !PLACE_CONTINUATIONS.has(words[n].lower)) return;
  }
}

// compromise's own lists (3rd-pass/04-placeWords.js), which it does not export.
const PLACE_CONTINUATIONS = new Set(
  `athletic city community eastern federal financial great historic historical local memorial municipal national
  northern provincial southern state western spring pine sunset view oak maple spruce cedar willow`.split(/\s+/),
);
const PLACE_NOT_BEFORE = new Set(['center', 'centre', 'way', 'range', 'bar', 'bridge', 'field', 'pit']);
