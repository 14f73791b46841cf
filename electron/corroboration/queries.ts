// Corroboration queries run in a worker (queryWorker.ts) on a read-only connection of their own, one worker per
// open project: ranking a passage's candidates can take tens of milliseconds each, and a margin asks for dozens of
// passages at once, which on the backend's thread would hold up every save and read behind them.
//
// The sentence index must be current for answers to be complete. Before a query, a few documents missing from it
// (a few files just imported, an undone deletion) are indexed at once; many (a large import, a project from before
// the index existed) are caught up in the background — the worker computes their sentences batch by batch, this
// thread writes them — and queries answer from what is indexed so far in the meantime.
import type { Worker } from 'node:worker_threads';
import { openOptionsOf, type Db, type OpenOptions } from '../db/connection.js';
import { journalMark } from '../db/oplog.js';
import { unindexedDocumentIds } from '../db/sentences.js';
import { startWorker, workerModule } from '../workerThread.js';
import type { QueryKind, QueryReply, QueryRequest } from './queryProtocol.js';
import { ensureIndexed, writeIndexed, type DocumentToIndex } from './sentenceIndex.js';

/** Missing documents indexed before the query, on this thread; past this, in the background. */
const INDEX_AT_ONCE = 50;
const BACKGROUND_BATCH = 100;

interface Waiting {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

export class CorroborationQueries {
  private worker?: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private indexCheckedAt = -1;
  private catchingUp = false;
  private closed = false;

  constructor(private readonly db: Db) {}

  async run<T>(query: QueryKind): Promise<T> {
    this.prepareIndex();
    return (await this.send(query)) as T;
  }

  /** Whether documents are still being added to the index in the background. */
  get indexing(): boolean {
    return this.catchingUp;
  }

  close(): void {
    this.closed = true;
    void this.worker?.terminate();
    this.worker = undefined;
    for (const w of this.waiting.values()) w.reject(new Error('The project was closed.'));
    this.waiting.clear();
  }

  /** Indexes a few missing documents now, or starts catching many up in the background. */
  prepareIndex(): void {
    const mark = journalMark(this.db);
    if (this.catchingUp || mark === this.indexCheckedAt) return;
    const missing = unindexedDocumentIds(this.db, INDEX_AT_ONCE + 1).length;
    if (missing <= INDEX_AT_ONCE) {
      if (missing > 0) ensureIndexed(this.db);
      this.indexCheckedAt = mark;
      return;
    }
    this.catchingUp = true;
    void this.catchUp();
  }

  private async catchUp(): Promise<void> {
    try {
      for (;;) {
        const batch = (await this.send({ kind: 'missing', limit: BACKGROUND_BATCH })) as DocumentToIndex[];
        if (this.closed || batch.length === 0) break;
        writeIndexed(this.db, batch);
      }
    } catch {
      // The project closed (or the worker failed): the next query starts over.
    } finally {
      this.catchingUp = false;
    }
  }

  private send(query: QueryKind): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('The project was closed.'));
    const id = this.nextId++;
    const worker = this.ensureWorker();
    worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...query } satisfies QueryRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnQueryWorker({ file: this.db.name, options: openOptionsOf(this.db) });
    worker.on('message', (reply: QueryReply) => this.settle(reply));
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', () => this.fail(worker, new Error('The corroboration worker stopped.')));
    this.worker = worker;
    return worker;
  }

  private settle(reply: QueryReply): void {
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker?.unref();
    if (!waiting) return;
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(new Error(reply.message));
  }

  /** A failed worker fails the queries it held; the next query starts a new one. */
  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }
}

const WORKER_FILE = workerModule('queryWorker', import.meta.url);

function spawnQueryWorker(workerData: { file: string; options: OpenOptions }): Worker {
  return startWorker(WORKER_FILE, { workerData });
}

const perDatabase = new WeakMap<Db, CorroborationQueries>();

/** The open project's corroboration queries (its worker starts on the first one). */
export function corroborationQueries(db: Db): CorroborationQueries {
  let queries = perDatabase.get(db);
  if (!queries) perDatabase.set(db, (queries = new CorroborationQueries(db)));
  return queries;
}

/** Ends the project's corroboration worker, if it has one; called as the project closes. */
export function closeCorroborationQueries(db: Db): void {
  perDatabase.get(db)?.close();
  perDatabase.delete(db);
}
