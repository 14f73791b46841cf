// The sentence index: every document's sentences with their terms. Built at import (the terms are computed in the
// extraction workers, beside the text), and brought up to date before each query for documents written another way
// (REFI-QDA import, re-import, undo and redo of a deletion), which the index notices by their content hash.
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
  /** Computed already (at import, in a worker), or computed here from the text. */
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
 * Documents just imported, their sentences computed by the workers, waiting to be written: an import returns as
 * soon as its documents are in, and their sentences follow in small transactions while the backend is idle (or at
 * once, before the next corroboration query).
 */
const pending = new WeakMap<Db, DocumentToIndex[]>();
const DRAIN_BATCH = 200;

export function queueForIndex(db: Db, documents: DocumentToIndex[]): void {
  const queue = pending.get(db);
  if (queue) {
    queue.push(...documents);
    return;
  }
  pending.set(db, [...documents]);
  setImmediate(() => drainSome(db));
}

function drainSome(db: Db): void {
  const queue = pending.get(db);
  if (!queue?.length || !db.open) {
    pending.delete(db);
    return;
  }
  writeIndexed(db, queue.splice(0, DRAIN_BATCH));
  setImmediate(() => drainSome(db));
}

/** Writes what the import workers computed and is still queued: a query must not miss just-imported documents. */
export function flushQueuedForIndex(db: Db): void {
  const queue = pending.get(db);
  if (queue?.length) writeIndexed(db, queue.splice(0));
}

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
  flushQueuedForIndex(db);
  let indexed = 0;
  for (;;) {
    const pending = unindexedDocuments(db, CATCH_UP_BATCH);
    if (pending.length === 0) return indexed;
    db.transaction(() => indexDocuments(db, pending))();
    indexed += pending.length;
  }
}
