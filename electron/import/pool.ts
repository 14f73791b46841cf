// A small pool of extraction workers (at most one per core, reused between imports). Each job runs under a
// heap cap and a wall-clock limit; a worker that crosses either, crashes, or whose import is cancelled is
// terminated and replaced, and the backend's own thread never parses a file, so it keeps answering calls.
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker, workerModule } from '../workerThread.js';
import { DEFAULT_IMPORT_LIMITS, describeSeconds, timeLimitFor, type ImportLimits } from './limits.js';
import type { ExtractionReply, ExtractionRequest, FileOutcome, FileToExtract } from './protocol.js';

export interface PoolOptions {
  /** Workers at most; defaults to the number of cores. */
  size?: number;
  limits?: ImportLimits;
  /** An idle worker is ended after this long, giving its memory back. */
  idleMs?: number;
}

type Failure = 'time' | 'memory' | 'crash' | 'cancelled';

interface Job {
  id: number;
  files: FileToExtract[];
  signal?: AbortSignal;
  settle(outcomes: FileOutcome[]): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  retired: boolean;
  jobTimer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
}

const WORKER_FILE = workerModule('worker', import.meta.url);

export class ExtractionPool {
  readonly size: number;
  readonly limits: ImportLimits;
  private readonly idleMs: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextJobId = 1;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, Math.min(options.size ?? os.availableParallelism(), os.availableParallelism()));
    this.limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
    this.idleMs = options.idleMs ?? 30_000;
  }

  /** Reads the files in one worker; one outcome per file, in order. Never rejects. */
  extract(files: FileToExtract[], signal?: AbortSignal): Promise<FileOutcome[]> {
    if (signal?.aborted) return Promise.resolve(files.map((f) => failureOutcome(f.fileName, 'cancelled', this.limits)));
    return new Promise((resolve) => {
      const onAbort = () => this.cancel(job);
      const job: Job = {
        id: this.nextJobId++,
        files,
        signal,
        settle: (outcomes) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(outcomes);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  /** Ends every worker; jobs still running or queued are reported as cancelled. */
  close(): void {
    for (const job of this.queue.splice(0)) this.fail(job, 'cancelled');
    for (const slot of [...this.slots]) this.stop(slot, 'cancelled');
  }

  get workerCount(): number {
    return this.slots.size;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.idleSlot() ?? this.newSlot();
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private idleSlot(): Slot | undefined {
    for (const slot of this.slots) if (!slot.job) return slot;
    return undefined;
  }

  private newSlot(): Slot | undefined {
    if (this.slots.size >= this.size) return undefined;
    const slot: Slot = { worker: spawnWorker(this.limits), job: null, retired: false };
    slot.worker.on('message', (reply: ExtractionReply) => this.finish(slot, reply));
    slot.worker.on('error', (error: Error & { code?: string }) => {
      this.stop(slot, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash');
    });
    slot.worker.on('exit', () => this.stop(slot, 'crash'));
    this.slots.add(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    clearTimeout(slot.idleTimer);
    slot.worker.ref();
    const limitMs = timeLimitFor(
      this.limits,
      job.files.map((f) => f.bytes.byteLength),
    );
    slot.jobTimer = setTimeout(() => this.stop(slot, 'time', limitMs), limitMs);
    const { files, buffer } = packFiles(job.files);
    const request: ExtractionRequest = { jobId: job.id, files, limits: this.limits };
    slot.worker.postMessage(request, [buffer]);
  }

  private finish(slot: Slot, reply: ExtractionReply): void {
    const job = slot.job;
    if (slot.retired || !job || job.id !== reply.jobId) return;
    clearTimeout(slot.jobTimer);
    slot.job = null;
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => this.stop(slot, 'cancelled'), this.idleMs).unref();
    job.settle(reply.outcomes);
    this.pump();
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued !== -1) {
      this.queue.splice(queued, 1);
      this.fail(job, 'cancelled');
      return;
    }
    for (const slot of this.slots) if (slot.job === job) this.stop(slot, 'cancelled');
  }

  /** Terminates a worker (replaced on demand by pump) and reports its job, if any. */
  private stop(slot: Slot, why: Failure, limitMs?: number): void {
    if (slot.retired) return;
    slot.retired = true;
    clearTimeout(slot.jobTimer);
    clearTimeout(slot.idleTimer);
    this.slots.delete(slot);
    void slot.worker.terminate();
    if (slot.job) this.fail(slot.job, why, limitMs);
    this.pump();
  }

  /** A batch that fails as a whole is retried file by file, so one bad file cannot sink the others. */
  private fail(job: Job, why: Failure, limitMs?: number): void {
    if (why !== 'cancelled' && job.files.length > 1) {
      void Promise.all(job.files.map((f) => this.extract([f], job.signal))).then((all) => job.settle(all.flat()));
      return;
    }
    job.settle(job.files.map((f) => failureOutcome(f.fileName, why, this.limits, limitMs)));
  }
}

/**
 * A job's files copied into one buffer, which the message transfers: the caller's buffers (often slices of Node's
 * shared pool, and still needed, e.g. to keep a PDF) are never detached, and a batch of small files costs one
 * allocation instead of one each.
 */
function packFiles(files: FileToExtract[]): { files: FileToExtract[]; buffer: ArrayBuffer } {
  const buffer = new ArrayBuffer(files.reduce((n, f) => n + f.bytes.byteLength, 0));
  let offset = 0;
  const packed = files.map((f) => {
    const bytes = new Uint8Array(buffer, offset, f.bytes.byteLength);
    bytes.set(f.bytes);
    offset += f.bytes.byteLength;
    return { fileName: f.fileName, bytes };
  });
  return { files: packed, buffer };
}

function spawnWorker(limits: ImportLimits): Worker {
  return startWorker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: limits.memoryLimitMb, stackSizeMb: 4 } });
}

function failureOutcome(fileName: string, why: Failure, limits: ImportLimits, limitMs?: number): FileOutcome {
  const messages: Record<Failure, string> = {
    time: `${fileName}: reading it took longer than the ${describeSeconds(limitMs ?? limits.timeLimitMs)} time limit.`,
    memory: `${fileName}: reading it needed more than the ${limits.memoryLimitMb} MB memory limit.`,
    crash: `${fileName} could not be read: the reader stopped unexpectedly.`,
    cancelled: `${fileName}: the import was cancelled.`,
  };
  return { ok: false, message: messages[why] };
}

let shared: ExtractionPool | undefined;

/** The backend's pool, started on first use. */
export function extractionPool(): ExtractionPool {
  shared ??= new ExtractionPool();
  return shared;
}
