// The text the FTS index sees, when it must differ from what the analyst reads.
//
// unicode61 splits words at spaces and punctuation. Chinese and Japanese have neither between words, so a whole
// sentence becomes one token and no word in it can be found. We index each CJK run as overlapping character
// bigrams (美国大使馆 → 美国 国大 大使 使馆 馆) and turn a CJK query into the phrase of its bigrams (大使馆 →
// "大使 使馆"), which matches exactly where the query occurs as a substring. Bigrams rather than a dictionary
// segmenter (Intl.Segmenter): a segmenter can cut the same word differently in a sentence and in a two-word query,
// and its dictionary changes with the ICU shipped by Node/Electron, which would silently desynchronise an index
// written by one version from queries parsed by the next. Bigrams are context-free and stable.
//
// unicode61 also treats Arabic vowel marks (harakat, tanwin) and tatweel as separators, so أيضًا is indexed as
// أيض + ا and a query typed without marks misses it. They are dropped from the indexed text and from queries.
//
// Texts needing neither get no derived text at all (NULL column), so they cost nothing extra.

export const CJK_LETTERS = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}\\u30FC';
const CJK_RUN = new RegExp(`[${CJK_LETTERS}]+`, 'gu');
const CJK_CHAR = new RegExp(`[${CJK_LETTERS}]`, 'u');
// The classes hold combining marks on purpose: each mark is matched (and dropped) on its own.
// eslint-disable-next-line no-misleading-character-class
const ARABIC_MARKS = /[\u0610-\u061A\u0640\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED]/g;
// eslint-disable-next-line no-misleading-character-class
const ARABIC_MARK = new RegExp(ARABIC_MARKS.source, 'u');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function isCjk(char: string): boolean {
  return CJK_CHAR.test(char);
}

/** The text to index instead of `text`, or null when unicode61 handles `text` as it is. */
export function searchTextFor(text: string): string | null {
  if (!CJK_CHAR.test(text) && !ARABIC_MARK.test(text)) return null;
  return text.replace(ARABIC_MARKS, '').replace(CJK_RUN, (run) => ` ${runTokens(run, true).join(' ')} `);
}

/**
 * A query term as an FTS5 phrase over the same tokens the index holds. A CJK run that ends the term drops its
 * trailing single character (the text may go on after it), and a lone final character becomes a prefix.
 */
export function ftsPhrase(term: string, prefix: boolean): string {
  const text = term.replace(ARABIC_MARKS, '');
  let phrase = '';
  let from = 0;
  let endsWithLoneChar = false;
  for (const match of text.matchAll(CJK_RUN)) {
    const end = match.index + match[0].length;
    const endsTerm = !LETTER_OR_DIGIT.test(text.slice(end));
    phrase += `${text.slice(from, match.index)} ${runTokens(match[0], !endsTerm).join(' ')} `;
    endsWithLoneChar = endsTerm && [...match[0]].length === 1;
    from = end;
  }
  phrase = `${phrase}${text.slice(from)}`.replace(/\s+/g, ' ').trim();
  return `"${phrase}"${prefix || endsWithLoneChar ? '*' : ''}`;
}

/** Overlapping bigrams of a CJK run, with its last character alone when `withTail` (or when it is one long). */
function runTokens(run: string, withTail: boolean): string[] {
  const chars = [...run];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
  if (withTail || chars.length === 1) tokens.push(chars[chars.length - 1]);
  return tokens;
}
