// From pdf.js's text layer to the canonical text: each character of each text-layer span gets the offset of the
// same character in the document's text, or -1 where the import dropped it (a running header, a page number, a
// line-end hyphen). Matching ignores everything but letters and digits, so spacing and joined hyphens agree.

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** How far ahead in the page's text a span may match: far enough to skip a dropped header, not to jump pages. */
const WINDOW = 600;

/** Offsets into `text` for each character of each span, for the spans of one page whose text is text[start, end). */
export function mapSpans(text: string, start: number, end: number, spans: readonly string[]): Int32Array[] {
  const { keys, offsets } = wordChars(text.slice(start, end), start);
  let cursor = 0;
  return spans.map((span) => {
    const map = new Int32Array(span.length).fill(-1);
    const own = wordChars(span, 0);
    if (own.keys.length === 0) return map;
    const found = keys.indexOf(own.keys, cursor);
    const slack = own.keys.length < 3 ? 2 : WINDOW;
    if (found === -1 || found - cursor > slack) return map;
    for (let i = 0; i < own.keys.length; i++) map[own.offsets[i]] = offsets[found + i];
    // Spaces and punctuation map where the text has the same character right after the previous one.
    for (let i = 1; i < span.length; i++) {
      if (map[i] === -1 && map[i - 1] !== -1 && text[map[i - 1] + 1] === span[i]) map[i] = map[i - 1] + 1;
    }
    cursor = found + own.keys.length;
    return map;
  });
}

/** The letters and digits of a string, lower-cased, with where each came from. */
function wordChars(s: string, base: number): { keys: string; offsets: number[] } {
  let keys = '';
  const offsets: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (!WORD_CHAR.test(s[i])) continue;
    keys += s[i].toLowerCase();
    offsets.push(base + i);
  }
  return { keys, offsets };
}

/** The canonical [start, end) covered by characters [from, to) of the mapped spans, or null if none map. */
export function offsetsOf(
  maps: { map: Int32Array; from: number; to: number }[],
): { start: number; end: number } | null {
  let start = Infinity;
  let end = -Infinity;
  for (const { map, from, to } of maps) {
    for (let i = Math.max(0, from); i < Math.min(to, map.length); i++) {
      if (map[i] === -1) continue;
      start = Math.min(start, map[i]);
      end = Math.max(end, map[i] + 1);
    }
  }
  return start < end ? { start, end } : null;
}

/**
 * Runs of a span's characters whose offsets fall in [start, end): where to draw a highlight on the page. A space
 * or punctuation mark (unmapped) between two characters inside the passage is inside too.
 */
export function charRuns(map: Int32Array, start: number, end: number): [number, number][] {
  const inRange = (v: number) => v >= start && v < end;
  const before = new Int32Array(map.length);
  let last = -1;
  for (let i = 0; i < map.length; i++) before[i] = last = map[i] !== -1 ? map[i] : last;
  const runs: [number, number][] = [];
  let open = -1;
  let next = -1;
  const inside = new Array<boolean>(map.length);
  for (let i = map.length - 1; i >= 0; i--) {
    if (map[i] !== -1) next = map[i];
    inside[i] =
      map[i] !== -1 ? inRange(map[i]) : before[i] !== -1 && next !== -1 && inRange(before[i]) && inRange(next);
  }
  for (let i = 0; i <= map.length; i++) {
    if (i < map.length && inside[i]) {
      if (open === -1) open = i;
    } else if (open !== -1) {
      runs.push([open, i]);
      open = -1;
    }
  }
  return runs;
}
