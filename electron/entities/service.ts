// Reading the project's documents for entities and dates in the background: one worker thread runs the tagger on
// small batches; the backend thread only reads the batch's text and writes what came back, in one short
// transaction per batch, so it keeps answering meanwhile. Nothing runs until the Entities or Timeline view first asks
// (existing projects catch up then); after that, new imports are read a moment after they land.
import type { Worker } from 'node:worker_threads';
import { startWorker as startWorkerThread, workerModule } from '../workerThread.js';
import type { ExtractionProgress } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import {
  clearDocumentReading,
  documentsToRead,
  eventWriter,
  extractionCounts,
  isCurrent,
  markRead,
  mentionWriter,
  type DocumentToRead,
} from '../db/entities.js';
import { resolveMention } from './resolve.js';
import type { ReadReply, ReadRequest } from './worker.js';

/** Documents per message to the worker: small, so each write is short. */
const BATCH = 20;
/** Quiet time after an import before reading its documents. */
const AFTER_IMPORT_MS = 1500;

const WORKER_FILE = workerModule('worker', import.meta.url);

class Reader {
  private worker: Worker | null = null;
  private running = false;
  private startedAt = 0;
  private readInRun = 0;
  private timer: NodeJS.Timeout | undefined;
  private listeners: (() => void)[] = [];

  constructor(private readonly db: Db) {}

  progress(): ExtractionProgress {
    const { done, total } = extractionCounts(this.db);
    const seconds = (Date.now() - this.startedAt) / 1000;
    return {
      done,
      total,
      running: this.running,
      docsPerSecond: this.readInRun > 0 && seconds > 0 ? Math.round((this.readInRun / seconds) * 10) / 10 : null,
    };
  }

  start(): void {
    if (this.running || !this.db.open) return;
    this.running = true;
    this.startedAt = Date.now();
    this.readInRun = 0;
    void this.loop();
  }

  soon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), AFTER_IMPORT_MS);
    this.timer.unref();
  }

  /** Resolves when nothing is left to read (tests, and the catch-up of a small project). */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.listeners.push(resolve));
  }

  close(): void {
    clearTimeout(this.timer);
    this.running = false;
    void this.worker?.terminate();
    this.worker = null;
  }

  private async loop(): Promise<void> {
    let afterId = 0;
    try {
      while (this.running && this.db.open) {
        const batch = documentsToRead(this.db, BATCH, afterId);
        if (batch.length === 0) break;
        afterId = batch[batch.length - 1].id;
        const reply = await this.read(batch);
        if (!this.running || !this.db.open) break;
        this.write(batch, reply);
        this.readInRun += batch.length;
      }
    } catch (error) {
      console.warn(`[gloss] reading entities stopped: ${(error as Error).message}`);
    } finally {
      this.running = false;
      void this.worker?.terminate();
      this.worker = null;
      for (const resolve of this.listeners.splice(0)) resolve();
    }
  }

  private read(batch: DocumentToRead[]): Promise<ReadReply> {
    const worker = (this.worker ??= startWorker());
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => {
        worker.off('message', onMessage);
        this.worker = null;
        reject(error);
      };
      const onMessage = (reply: ReadReply) => {
        worker.off('error', onError);
        resolve(reply);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
      const request: ReadRequest = {
        documents: batch.map((d) => ({ id: d.id, text: d.text, publishedAt: d.publishedAt })),
      };
      worker.postMessage(request);
    });
  }

  private write(batch: DocumentToRead[], reply: ReadReply): void {
    const byId = new Map(reply.results.map((r) => [r.documentId, r]));
    const addMention = mentionWriter(this.db);
    const addEvent = eventWriter(this.db);
    this.db.transaction(() => {
      for (const doc of batch) {
        const found = byId.get(doc.id);
        // Changed or deleted while it was being read: the next pass reads it again.
        if (!found || !isCurrent(this.db, doc)) continue;
        clearDocumentReading(this.db, doc.id);
        for (const m of found.mentions) {
          const entityId = resolveMention(this.db, m);
          if (entityId !== null) addMention({ entityId, documentId: doc.id, start: m.start, end: m.end });
        }
        for (const d of found.dates) addEvent({ documentId: doc.id, ...d });
        markRead(this.db, doc);
      }
    })();
  }
}

function startWorker(): Worker {
  const worker = startWorkerThread(WORKER_FILE);
  worker.unref();
  return worker;
}

const readers = new WeakMap<Db, Reader>();

/** The project's reader, started if anything is left to read. */
export function startReading(db: Db): ExtractionProgress {
  let reader = readers.get(db);
  if (!reader) readers.set(db, (reader = new Reader(db)));
  reader.start();
  return reader.progress();
}

export function readingProgress(db: Db): ExtractionProgress {
  return readers.get(db)?.progress() ?? { ...extractionCounts(db), running: false, docsPerSecond: null };
}

/** After an import: read the new documents shortly, if the analyst has used entities or the timeline here. */
export function noteImported(db: Db): void {
  readers.get(db)?.soon();
}

export function whenRead(db: Db): Promise<void> {
  return readers.get(db)?.idle() ?? Promise.resolve();
}

export function stopReading(db: Db): void {
  readers.get(db)?.close();
  readers.delete(db);
}
