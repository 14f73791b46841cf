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
