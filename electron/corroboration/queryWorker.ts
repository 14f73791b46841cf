// The corroboration worker: answers corroboration queries on its own read-only connection to the project file, so
// the backend's thread keeps answering the reader while a query ranks thousands of candidate sentences. It also
// computes the sentences of documents the index is missing; the backend writes them (this connection never writes).
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnlyDatabase, type OpenOptions } from '../db/connection.js';
import { unindexedDocuments } from '../db/sentences.js';
import { claimsReport } from './claims.js';
import type { QueryReply, QueryRequest } from './queryProtocol.js';
import { corroborateDocument, corroborateSpan, corroborationCounts } from './service.js';
import { sentencesForIndex } from './sentenceIndex.js';

const { file, options } = workerData as { file: string; options: OpenOptions };
const db = openReadOnlyDatabase(file, options);

function answer(request: QueryRequest): unknown {
  switch (request.kind) {
    case 'counts':
      return corroborationCounts(db, request.highlightIds);
    case 'span':
      return corroborateSpan(db, request.documentId, request.start, request.end);
    case 'document':
      return corroborateDocument(db, request.documentId);
    case 'claims':
      return claimsReport(db, { collectionId: request.collectionId });
    case 'missing':
      return unindexedDocuments(db, request.limit).map(({ id, contentHash, text }) => ({
        id,
        contentHash,
        sentences: sentencesForIndex(text),
      }));
  }
}

parentPort!.on('message', (request: QueryRequest) => {
  let reply: QueryReply;
  try {
    reply = { id: request.id, ok: true, result: answer(request) };
  } catch (error) {
    reply = { id: request.id, ok: false, message: (error as Error).message ?? String(error) };
  }
  parentPort!.postMessage(reply);
});
