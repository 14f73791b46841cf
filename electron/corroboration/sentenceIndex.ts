// The sentence index: every document's claim sentences with their terms. Not built at import: it would halve the
// import rate and more than double what a project file holds for a project that never asks who else reports what.
// It is brought up to date on the first corroboration query and before each later one (corroboration/queries.ts),
// noticing documents added, re-imported, deleted or brought back by undo through their content hash.
import type { Db } from '../db/connection.js';
import { currentHashes, sentenceWriter, unindexedDocuments, type IndexedSentence } from '../db/sentences.js';
import { isClaim, sentenceSpans, termsOf } from './text.js';

/** What the index stores for a text: its sentences that make a claim, with their terms. Pure: runs in a worker. */
export function sentencesForIndex(text: string): IndexedSentence[] {
  return sentenceSpans(text).flatMap(({ start, end }) => {
    const sentence = text.slice(start, end);
    return isClaim(sentence) ? [{ start, end, terms: termsOf(sentence).join(' ') }] : [];
  });
}

export interface DocumentToIndex {
  id: number;
  contentHash: string;
  /** Computed already (by the corroboration worker), or computed here from the text. */
  sentences?: IndexedSentence[];
  text?: string;
}

/** Writes the documents' sentences; the caller holds the transaction. */
export function indexDocuments(db: Db, documents: DocumentToIndex[]): void {
  const write = writerFor(db);
  for (const doc of documents) write(doc.id, doc.contentHash, doc.sentences ?? sentencesForIndex(doc.text ?? ''));
}

const writers = new WeakMap<Db, ReturnType<typeof sentenceWriter>>();

function writerFor(db: Db): ReturnType<typeof sentenceWriter> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = sentenceWriter(db)));
  return writer;
}

const CATCH_UP_BATCH = 500;

/**
 * Writes computed sentences of documents that still exist with the text they were read with (an undo may have
 * removed them since), in one transaction.
 */
export function writeIndexed(db: Db, documents: DocumentToIndex[]): void {
  db.transaction(() => {
    const current = currentHashes(
      db,
      documents.map((d) => d.id),
    );
    indexDocuments(
      db,
      documents.filter((d) => current.get(d.id) === d.contentHash),
    );
  })();
}

/**
 * Indexes every document that is not indexed at its current text; returns how many it indexed. A read-only
 * connection (the corroboration worker's) leaves that to the backend (queries.ts) and reads the index as it is.
 */
export function ensureIndexed(db: Db): number {
  if (db.readonly) return 0;
  let indexed = 0;
  for (;;) {
    const pending = unindexedDocuments(db, CATCH_UP_BATCH);
    if (pending.length === 0) return indexed;
    db.transaction(() => indexDocuments(db, pending))();
    indexed += pending.length;
  }
}
