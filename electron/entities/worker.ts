// The worker thread that reads documents for entities and dates (entities/extract.ts), so the backend's thread
// never runs the tagger.
import { parentPort } from 'node:worker_threads';
import { extractDocument, type Extraction } from './extract.js';

export interface ReadRequest {
  documents: { id: number; text: string; publishedAt: string | null }[];
}
export interface ReadReply {
  results: ({ documentId: number } & Extraction)[];
}

parentPort?.on('message', (request: ReadRequest) => {
  const results = request.documents.map((d) => {
    try {
      return { documentId: d.id, ...extractDocument(d.text, d.publishedAt) };
    } catch {
      // A text the tagger cannot read is left without entities rather than read again and again.
      return { documentId: d.id, mentions: [], dates: [] };
    }
  });
  parentPort!.postMessage({ results } satisfies ReadReply);
});
