// What the API asks of corroboration: a passage (a highlight, or a span of a document), badges for many passages,
// every sentence of a document.
import type { Corroboration, CorroborationCount, SentenceCorroboration } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { getDocumentText } from '../db/documents.js';
import { getHighlights } from '../db/highlights.js';
import { sentencesOfDocument } from '../db/sentences.js';
import { findCorroboration } from './match.js';
import { ensureIndexed } from './sentenceIndex.js';

/** Sentences of one document corroborated at most, on request (a 1 MB report has ~7,000). */
export const DOCUMENT_MAX_SENTENCES = 2000;

export function corroborateSpan(db: Db, documentId: number, start: number, end: number): Corroboration | undefined {
  const text = getDocumentText(db, documentId);
  if (text === undefined) return undefined;
  return findCorroboration(db, { documentId, start, end, text: text.slice(start, end) });
}

/** From the sentence index as it stands: the caller brings it up to date (queries.ts prepareIndex). */
export function corroborationCounts(db: Db, highlightIds: number[]): CorroborationCount[] {
  const highlights = getHighlights(db, highlightIds);
  return highlightIds.flatMap((highlightId) => {
    const h = highlights.get(highlightId);
    if (!h) return [];
    const found = findCorroboration(db, { ...h, text: h.exact }, { indexed: true });
    return [{ highlightId, outlets: found.outlets, copies: found.copies }];
  });
}

export function corroborateDocument(db: Db, documentId: number): SentenceCorroboration[] | undefined {
  const text = getDocumentText(db, documentId);
  if (text === undefined) return undefined;
  ensureIndexed(db);
  return sentencesOfDocument(db, documentId)
    .slice(0, DOCUMENT_MAX_SENTENCES)
    .map((s) => {
      const sentence = text.slice(s.start, s.end);
      const found = findCorroboration(
        db,
        { documentId, start: s.start, end: s.end, text: sentence },
        { indexed: true },
      );
      return { start: s.start, end: s.end, text: sentence, outlets: found.outlets, copies: found.copies };
    });
}
