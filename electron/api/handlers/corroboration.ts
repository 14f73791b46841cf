// Corroboration: who else reports a passage, a document's sentences, the corpus's claims. Reads only (the sentence
// index is derived data, brought up to date as needed), answered by the project's corroboration worker.
import type { ClaimsReport, Corroboration, CorroborationCount, SentenceCorroboration } from '../../../shared/types.js';
import { corroborationQueries } from '../../corroboration/queries.js';
import { getCollection } from '../../db/collections.js';
import { getDocumentText } from '../../db/documents.js';
import { getHighlight } from '../../db/highlights.js';
import type { Workspace } from '../../project/workspace.js';
import { found, invalid } from '../errors.js';
import type { HandlerGroup } from '../types.js';

type CorroborationOps =
  'corroboration.forPassage' | 'corroboration.counts' | 'corroboration.forDocument' | 'corroboration.claims';

export function corroborationHandlers(ws: Workspace): HandlerGroup<CorroborationOps> {
  const queries = () => corroborationQueries(ws.project.db);
  const span = async (documentId: number, start: number, end: number) =>
    found(
      await queries().run<Corroboration | undefined>({ kind: 'span', documentId, start, end }),
      'document',
      documentId,
    );
  return {
    'corroboration.forPassage': (args) => {
      const db = ws.project.db;
      if ('highlightId' in args) {
        const h = found(getHighlight(db, args.highlightId), 'highlight', args.highlightId);
        return span(h.documentId, h.start, h.end);
      }
      const length = found(getDocumentText(db, args.documentId), 'document', args.documentId).length;
      if (args.end > length) throw invalid(`end ${args.end} is past the end of the document (${length} characters).`);
      return span(args.documentId, args.start, args.end);
    },
    'corroboration.counts': ({ highlightIds }) => queries().run<CorroborationCount[]>({ kind: 'counts', highlightIds }),
    'corroboration.forDocument': async ({ documentId }) =>
      found(
        await queries().run<SentenceCorroboration[] | undefined>({ kind: 'document', documentId }),
        'document',
        documentId,
      ),
    'corroboration.claims': ({ collectionId }) => {
      if (collectionId !== undefined) found(getCollection(ws.project.db, collectionId), 'collection', collectionId);
      return queries().run<ClaimsReport>({ kind: 'claims', collectionId });
    },
  };
}
