// REFI-QDA positions count Unicode code points from 0, end exclusive, in the source's plain text. Gloss stores a
// source's text without BOM and with LF line endings, and indexes it in UTF-16 units (what JavaScript strings
// index). Tools do not all follow the standard: NVivo 12 writes UTF-16 units, ATLAS.ti counts CRLF as one
// character. So each source's positions are read in every plausible unit and the reading that fits the file best
// (recorded quotes first, then passages starting and ending at word boundaries) is used; the standard wins ties.

export type PositionUnit = 'code points' | 'code points (CRLF as one)' | 'UTF-16 units' | 'UTF-16 units (CRLF as one)';

export const STANDARD_UNIT: PositionUnit = 'code points';

/** A source's text as Gloss stores it: BOM removed, CRLF and lone CR as LF. */
export function storedText(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** For each unit, position → offset in the stored text (-1 where a position splits a character). */
export type PositionMaps = Map<PositionUnit, Int32Array>;

/** Maps for the `wanted` units only (the others cost nothing: writes to an empty typed array are ignored). */
export function positionMaps(raw: string, wanted: PositionUnit[]): PositionMaps {
  const t = raw.replace(/^\uFEFF/, '');
  const units: PositionUnit[] = [
    'code points',
    'code points (CRLF as one)',
    'UTF-16 units',
    'UTF-16 units (CRLF as one)',
  ];
  const maps = units.map((u) => (wanted.includes(u) ? new Int32Array(t.length + 2).fill(-1) : new Int32Array(0)));
  const counters = [0, 0, 0, 0];
  let stored = 0;
  const mark = (offset: number) =>
    counters.forEach((c, k) => {
      if (maps[k][c] === -1) maps[k][c] = offset;
    });
  for (let i = 0; i < t.length;) {
    mark(stored);
    const c = t.charCodeAt(i);
    if (c === 13 && t.charCodeAt(i + 1) === 10) {
      // Between CR and LF (where CRLF counts two) is taken as after the line break.
      maps[0][counters[0] + 1] = stored + 1;
      maps[2][counters[2] + 1] = stored + 1;
      advance(counters, [2, 1, 2, 1]);
      stored += 1;
      i += 2;
    } else if (isHighSurrogate(c) && isLowSurrogate(t.charCodeAt(i + 1))) {
      advance(counters, [1, 1, 2, 2]);
      stored += 2;
      i += 2;
    } else {
      advance(counters, [1, 1, 1, 1]);
      stored += 1;
      i += 1;
    }
  }
  mark(stored);
  return new Map(
    units
      .filter((u) => wanted.includes(u))
      .map((unit) => {
        const k = units.indexOf(unit);
        return [unit, maps[k].subarray(0, counters[k] + 1)];
      }),
  );
}

function advance(counters: number[], by: number[]): void {
  by.forEach((n, k) => {
    counters[k] += n;
  });
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export interface RawSelection {
  start: number;
  end: number;
  /** What the file recorded as the passage's text (many tools write it as the selection's name), or ''. */
  name: string;
}

/** Units worth trying for this text: UTF-16 only differs with astral characters, CRLF-as-one only with CRLF. */
function candidateUnits(raw: string): PositionUnit[] {
  const astral = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(raw);
  const crlf = raw.includes('\r\n');
  return (
    ['code points', 'code points (CRLF as one)', 'UTF-16 units', 'UTF-16 units (CRLF as one)'] as PositionUnit[]
  ).filter((u) => (astral || !u.startsWith('UTF-16')) && (crlf || !u.includes('CRLF')));
}

export interface UnitChoice {
  unit: PositionUnit | null;
  map: Int32Array | null;
}

/**
 * The unit that reads these selections best; unit null when no unit keeps every position inside the text.
 * Recorded quotes decide when the file has them. Otherwise another unit must win on clear evidence: at least
 * MIN_EVIDENCE passages that it places differently, nearly all of them on word boundaries where the standard's
 * reading mostly is not, so that a few passages starting mid-word never make Gloss second-guess a standard file.
 */
export function chooseUnit(raw: string, stored: string, selections: RawSelection[]): UnitChoice {
  if (selections.length === 0) return { unit: STANDARD_UNIT, map: new Int32Array(0) };
  const units = candidateUnits(raw);
  const maps = positionMaps(raw, units);
  const readings = units
    .map((unit) => ({ unit, map: maps.get(unit)! }))
    .filter(({ map }) => selections.every((s) => fits(map, s)))
    .map((r) => ({
      ...r,
      quotes: count(selections, (s) => quoted(stored, r.map, s)),
      aligned: alignedFlags(stored, r.map, selections),
    }));
  if (readings.length === 0) return { unit: null, map: null };
  const standard = readings.find((r) => r.unit === STANDARD_UNIT);
  const best = readings.reduce((a, b) => (b.quotes > a.quotes ? b : a));
  if (best.quotes > (standard?.quotes ?? -1)) return best;
  if (!standard) return readings.reduce((a, b) => (sum(b.aligned) > sum(a.aligned) ? b : a));
  const convincing = readings.find((r) => r !== standard && clearlyBetter(r, standard, selections));
  return convincing ?? standard;
}

const MIN_EVIDENCE = 5;

function clearlyBetter(candidate: Reading, standard: Reading, selections: RawSelection[]): boolean {
  const differing = selections
    .map((s, i) => i)
    .filter(
      (i) =>
        candidate.map[selections[i].start] !== standard.map[selections[i].start] ||
        candidate.map[selections[i].end] !== standard.map[selections[i].end],
    );
  if (differing.length < MIN_EVIDENCE) return false;
  const rate = (r: Reading) => differing.filter((i) => r.aligned[i]).length / differing.length;
  return rate(candidate) >= 0.8 && rate(standard) <= 0.5;
}

interface Reading {
  unit: PositionUnit;
  map: Int32Array;
  quotes: number;
  aligned: boolean[];
}

const count = <T>(items: T[], test: (item: T) => boolean) => items.filter(test).length;
const sum = (flags: boolean[]) => count(flags, Boolean);

function quoted(stored: string, map: Int32Array, s: RawSelection): boolean {
  return s.name.trim() !== '' && quoteMatches(stored.slice(map[s.start], map[s.end]), s.name);
}

function alignedFlags(stored: string, map: Int32Array, selections: RawSelection[]): boolean[] {
  return selections.map((s) => isBoundary(stored[map[s.start] - 1]) && isBoundary(stored[map[s.end]]));
}

function fits(map: Int32Array, s: RawSelection): boolean {
  return (
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    s.start >= 0 &&
    s.end >= s.start &&
    s.end < map.length &&
    map[s.start] >= 0 &&
    map[s.end] >= 0
  );
}

const isBoundary = (c: string | undefined) => c === undefined || /[\s\p{P}\p{S}]/u.test(c);

/** Quotes are compared with line endings, BOM and runs of white space normalised; a name may be a cut-off quote. */
export function quoteMatches(quote: string, recorded: string): boolean {
  const a = normaliseQuote(quote);
  const b = normaliseQuote(recorded).replace(/(…|\.\.\.)$/, '');
  return b.length > 0 && (a === b || a.startsWith(b));
}

function normaliseQuote(s: string): string {
  return s
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\s+/g, ' ')
    .trim();
}

/** UTF-16 offsets of `text` → code point positions, for export. */
export function codePointCounter(text: string): (offset: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
  const prefix = new Int32Array(text.length + 1);
  for (let i = 0, cp = 0; i <= text.length; i++) {
    prefix[i] = cp;
    const c = text.charCodeAt(i);
    if (!(isLowSurrogate(c) && isHighSurrogate(text.charCodeAt(i - 1)))) cp++;
  }
  return (offset) => prefix[offset];
}
