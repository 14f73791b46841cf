// Citations: what a memo's citation node shows and exports — the passage as it is now, with its source.
import type { CitationSource, PageStart } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { getDocument } from '../db/documents.js';
import { getHighlights } from '../db/highlights.js';
import { corroborationCounts } from '../corroboration/service.js';

/** Citations beyond this many are resolved without their corroboration (each costs a query of the sentence index). */
export const CORROBORATED_CITATIONS = 200;

export function resolveCitations(db: Db, highlightIds: number[]): CitationSource[] {
  const highlights = getHighlights(db, highlightIds);
  const corroboration = new Map(
    corroborationCounts(db, highlightIds.slice(0, CORROBORATED_CITATIONS)).map((c) => [c.highlightId, c]),
  );
  const documents = new Map<number, ReturnType<typeof getDocument>>();
  return highlightIds.map((highlightId) => {
    const h = highlights.get(highlightId);
    if (!h) return missing(highlightId);
    if (!documents.has(h.documentId)) documents.set(h.documentId, getDocument(db, h.documentId));
    const doc = documents.get(h.documentId)!;
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
      page: pageOf(doc?.pages ?? null, h.start),
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
    reliability: null,
    credibility: null,
  };
}

export function pageOf(pages: PageStart[] | null, offset: number): number | null {
  if (!pages?.length) return null;
  let page = pages[0].page;
  for (const p of pages) if (p.offset <= offset) page = p.page;
  return page;
}
