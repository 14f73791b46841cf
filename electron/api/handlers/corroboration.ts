// Corroboration: who else reports a passage, a document's sentences, the corpus's claims. Reads only (the sentence
// index is derived data, brought up to date as needed).
import { claimsReport } from '../../corroboration/claims.js';
import { corroborateDocument, corroborateSpan, corroborationCounts } from '../../corroboration/service.js';
import { getCollection } from '../../db/collections.js';
import { getDocumentText } from '../../db/documents.js';
import { getHighlight } from '../../db/highlights.js';
import type { Workspace } from '../../project/workspace.js';
import { found, invalid } from '../errors.js';
import type { HandlerGroup } from '../types.js';

type CorroborationOps =
  'corroboration.forPassage' | 'corroboration.counts' | 'corroboration.forDocument' | 'corroboration.claims';

export function corroborationHandlers(ws: Workspace): HandlerGroup<CorroborationOps> {
  return {
    'corroboration.forPassage': (args) => {
      const db = ws.project.db;
      if ('highlightId' in args) {
        const h = found(getHighlight(db, args.highlightId), 'highlight', args.highlightId);
        return found(corroborateSpan(db, h.documentId, h.start, h.end), 'document', h.documentId);
      }
      const length = found(getDocumentText(db, args.documentId), 'document', args.documentId).length;
      if (args.end > length) throw invalid(`end ${args.end} is past the end of the document (${length} characters).`);
      return corroborateSpan(db, args.documentId, args.start, args.end)!;
    },
    'corroboration.counts': ({ highlightIds }) => corroborationCounts(ws.project.db, highlightIds),
    'corroboration.forDocument': ({ documentId }) =>
      found(corroborateDocument(ws.project.db, documentId), 'document', documentId),
    'corroboration.claims': ({ collectionId }) => {
      if (collectionId !== undefined) found(getCollection(ws.project.db, collectionId), 'collection', collectionId);
      return claimsReport(ws.project.db, { collectionId });
    },
  };
}
