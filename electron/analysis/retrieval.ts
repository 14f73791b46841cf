// Retrieval: coded segments selected by tags combined left to right with AND / OR / NOT / NEAR, then restricted by
// document attributes, collections, documents, coder and coding date.
//
// - T        the passages carrying T (or, with includeChildren, any tag under T)
// - x OR T   the passages of x and those of T
// - x AND T  the passages of x that carry T or overlap a passage carrying T (in the same document)
// - x NOT T  the passages of x that x AND T would drop
// - x NEAR T within N paragraphs: the passages of x with a passage of T at most N paragraphs away (0: same paragraph)
import type { RetrievalQuery, RetrievalResult, RetrievalTerm, SegmentContext } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import {
  documentTexts,
  restrictSegments,
  segmentPositions,
  segmentRows,
  segmentsWithTags,
  type SegmentPosition,
} from '../db/segments.js';
import { descendantIds } from '../db/tags.js';
import {
  paragraphBreaks,
  paragraphOf,
  paragraphsAfter,
  paragraphsBefore,
  sentencesAfter,
  sentencesBefore,
} from './paragraphs.js';

type SegmentSet = Map<number, SegmentPosition>;

/** The ids of every passage the query selects, in document then reading order. */
export function retrieveIds(db: Db, query: RetrievalQuery): number[] {
  return retrieveIdsWithDocuments(db, query)[0];
}

/** The ids, and how many documents they are in. */
function retrieveIdsWithDocuments(db: Db, query: RetrievalQuery): [number[], number] {
  let current: SegmentSet = new Map();
  query.terms.forEach((term, i) => {
    const tagged = termSegments(db, term, query.includeChildren ?? false);
    current = i === 0 ? tagged : combine(db, current, term, tagged);
  });
  const ids = restrictSegments(db, [...current.keys()], query);
  return [ids, new Set(ids.map((id) => current.get(id)!.documentId)).size];
}

export function retrieve(db: Db, query: RetrievalQuery, limit: number): RetrievalResult {
  const [ids, documentCount] = retrieveIdsWithDocuments(db, query);
  return { total: ids.length, ids, segments: segmentRows(db, ids.slice(0, limit)), documentCount };
}

function termSegments(db: Db, term: RetrievalTerm, includeChildren: boolean): SegmentSet {
  const tagIds = includeChildren ? descendantIds(db, term.tagId) : [term.tagId];
  return new Map(segmentsWithTags(db, tagIds).map((s) => [s.id, s]));
}

function combine(db: Db, current: SegmentSet, term: RetrievalTerm, tagged: SegmentSet): SegmentSet {
  switch (term.operator ?? 'and') {
    case 'or':
      return new Map([...current, ...tagged]);
    case 'and':
      return keep(current, overlapping(tagged, true));
    case 'not':
      return keep(current, overlapping(tagged, false));
    case 'near':
      return keep(current, near(db, current, tagged, term.distance ?? 1));
  }
}

function keep(set: SegmentSet, test: (s: SegmentPosition) => boolean): SegmentSet {
  return new Map([...set].filter(([, s]) => test(s)));
}

/** Per document: intervals sorted by start, with the running maximum of their ends (to test overlap in log time). */
interface IntervalIndex {
  starts: number[];
  maxEnds: number[];
}

function indexIntervals(items: { documentId: number; start: number; end: number }[]): Map<number, IntervalIndex> {
  const byDocument = new Map<number, { start: number; end: number }[]>();
  for (const item of items) {
    let list = byDocument.get(item.documentId);
    if (!list) byDocument.set(item.documentId, (list = []));
    list.push(item);
  }
  const index = new Map<number, IntervalIndex>();
  for (const [documentId, list] of byDocument) {
    list.sort((a, b) => a.start - b.start);
    let max = -Infinity;
    index.set(documentId, {
      starts: list.map((x) => x.start),
      maxEnds: list.map((x) => (max = Math.max(max, x.end))),
    });
  }
  return index;
}

/** Whether some interval of the index starts before `end` (strictly, or at it when `closed`) and ends after `start`. */
function intersects(index: IntervalIndex | undefined, start: number, end: number, closed: boolean): boolean {
  if (!index) return false;
  let lo = 0;
  let hi = index.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (closed ? index.starts[mid] <= end : index.starts[mid] < end) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && (closed ? index.maxEnds[lo - 1] >= start : index.maxEnds[lo - 1] > start);
}

/** A test: does the passage carry the term, or overlap a placed passage that does (`wanted`), or not (`!wanted`). */
function overlapping(tagged: SegmentSet, wanted: boolean): (s: SegmentPosition) => boolean {
  const index = indexIntervals([...tagged.values()].filter((t) => !t.orphaned));
  return (s) => {
    const hit = tagged.has(s.id) || (!s.orphaned && intersects(index.get(s.documentId), s.start, s.end, false));
    return hit === wanted;
  };
}

/** Paragraph spans [first, last] of placed passages, in documents both sides share. */
function near(db: Db, current: SegmentSet, tagged: SegmentSet, distance: number): (s: SegmentPosition) => boolean {
  const placed = (set: SegmentSet) => [...set.values()].filter((s) => !s.orphaned);
  const taggedDocuments = new Set(placed(tagged).map((t) => t.documentId));
  const shared = [...new Set(placed(current).map((s) => s.documentId))].filter((d) => taggedDocuments.has(d));
  const breaks = new Map([...documentTexts(db, shared)].map(([id, text]) => [id, paragraphBreaks(text)]));
  const span = (s: SegmentPosition) => {
    const b = breaks.get(s.documentId)!;
    return { first: paragraphOf(b, s.start), last: paragraphOf(b, Math.max(s.start, s.end - 1)) };
  };
  const index = indexIntervals(
    placed(tagged)
      .filter((t) => breaks.has(t.documentId))
      .map((t) => {
        const p = span(t);
        return { documentId: t.documentId, start: p.first, end: p.last };
      }),
  );
  return (s) => {
    if (tagged.has(s.id)) return true;
    if (s.orphaned || !breaks.has(s.documentId)) return false;
    const p = span(s);
    return intersects(index.get(s.documentId), p.first - distance, p.last + distance, true);
  };
}

/** Sentences or paragraphs either side of each passage (orphans: their stored context). */
export function segmentContexts(
  db: Db,
  highlightIds: number[],
  unit: 'sentence' | 'paragraph',
  count: number,
): SegmentContext[] {
  const positions = segmentPositions(db, highlightIds);
  const texts = documentTexts(db, [...new Set(positions.map((p) => p.documentId))]);
  const byId = new Map(positions.map((p) => [p.id, p]));
  return highlightIds.flatMap((id) => {
    const p = byId.get(id);
    const text = p && texts.get(p.documentId);
    if (!p || text === undefined || p.orphaned) return [];
    if (unit === 'paragraph') {
      const breaks = paragraphBreaks(text);
      return [
        {
          highlightId: id,
          before: paragraphsBefore(text, breaks, p.start, count),
          after: paragraphsAfter(text, breaks, p.end, count),
        },
      ];
    }
    const passage = text.slice(p.start, p.end);
    return [
      {
        highlightId: id,
        before: sentencesBefore(text, p.start, count),
        after: sentencesAfter(text, p.end, passage, count),
      },
    ];
  });
}
