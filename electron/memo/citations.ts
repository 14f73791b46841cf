// Citations: what a memo's citation node shows and exports — the passage as it is now, with its source.
import { pageAt } from '../../shared/pages.js';
import type { CitationSource } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { getDocument } from '../db/documents.js';
import { getHighlights } from '../db/highlights.js';
import { regionsOf } from '../db/regions.js';
import { corroborationQueries } from '../corroboration/queries.js';
import { corroborationCounts } from '../corroboration/service.js';

/** Citations beyond this many are resolved without their corroboration (each costs a query of the sentence index). */
export const CORROBORATED_CITATIONS = 200;

export function resolveCitations(db: Db, highlightIds: number[]): CitationSource[] {
  const highlights = getHighlights(db, highlightIds);
  const regions = regionsOf(db, highlightIds);
  // Never a whole index build on the backend's thread: a project missing many documents is caught up in the
  // background, and its citations say what is indexed so far.
  corroborationQueries(db).prepareIndex();
  const corroboration = new Map(
    corroborationCounts(db, highlightIds.slice(0, CORROBORATED_CITATIONS)).map((c) => [c.highlightId, c]),
  );
  const documents = new Map<number, ReturnType<typeof getDocument>>();
  return highlightIds.map((highlightId) => {
    const h = highlights.get(highlightId);
    if (!h) return missing(highlightId);
    if (!documents.has(h.documentId)) documents.set(h.documentId, getDocument(db, h.documentId));
    const doc = documents.get(h.documentId)!;
    const region = regions.get(highlightId) ?? null;
    return {
      highlightId,
      exists: true,
      exact: h.exact,
      start: h.start,
      end: h.end,
      documentId: h.documentId,
      documentTitle: doc?.title ?? null,
      outlet: doc?.outlet ?? null,
      author: doc?.author ?? null,
      publishedAt: doc?.publishedAt ?? null,
      url: doc?.url ?? null,
      // A region is cited by its own page, whatever text anchors it.
      page: region?.page ?? pageAt(doc?.pages, h.start),
      pageEnd: region?.page ?? pageAt(doc?.pages, Math.max(h.start, h.end - 1)),
      region,
      reliability: doc?.reliability ?? null,
      credibility: h.credibility ?? null,
      corroboration: corroboration.get(highlightId) ?? null,
    };
  });
}

function missing(highlightId: number): CitationSource {
  return {
    highlightId,
    exists: false,
    exact: null,
    start: null,
    end: null,
    documentId: null,
    documentTitle: null,
    outlet: null,
    author: null,
    publishedAt: null,
    url: null,
    page: null,
    pageEnd: null,
    region: null,
    reliability: null,
    credibility: null,
  };
}

export interface CitedRange {
  documentId: number;
  start: number;
  end: number;
}

export const rangeKey = (r: CitedRange) => `${r.documentId}:${r.start}:${r.end}`;

/** Citations of a text range (a claim sentence) rather than a passage: the range as the document's text is now. */
export function resolveRanges(db: Db, ranges: CitedRange[]): Map<string, CitationSource> {
  const resolved = new Map<string, CitationSource>();
  const documents = new Map<number, ReturnType<typeof getDocument>>();
  for (const r of ranges) {
    if (!documents.has(r.documentId)) documents.set(r.documentId, getDocument(db, r.documentId));
    const doc = documents.get(r.documentId);
    if (!doc || r.end > doc.text.length || r.start >= r.end) continue;
    resolved.set(rangeKey(r), {
      highlightId: 0,
      exists: true,
      exact: doc.text.slice(r.start, r.end),
      start: r.start,
      end: r.end,
      documentId: doc.id,
      documentTitle: doc.title,
      outlet: doc.outlet,
      author: doc.author,
      publishedAt: doc.publishedAt,
      url: doc.url,
      page: pageAt(doc.pages, r.start),
      pageEnd: pageAt(doc.pages, Math.max(r.start, r.end - 1)),
      region: null,
      reliability: doc.reliability ?? null,
      credibility: null,
    });
  }
  return resolved;
}
