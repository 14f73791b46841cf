// Imports files into a project: cheap checks here, reading in the extraction workers (pool.ts), then one
// synchronous, transactional write per batch of extracted files. Bad input is refused with a clear reason.
import { MAX_IMPORT_FILE_BYTES } from '../../shared/api.js';
import { blocksOnParagraphs } from '../../shared/structure.js';
import type { DocumentBlock, ImportResult, PageStart } from '../../shared/types.js';
import { noteImported } from '../entities/service.js';
import type { Db } from '../db/connection.js';
import { documentWriter, getDocumentSummary, type NewDocument } from '../db/documents.js';
import { structureWriter } from '../db/documentStructure.js';
import { recordEdit } from '../db/oplog.js';
import { keepOriginalPdf } from '../db/originals.js';
import { ImportError } from './errors.js';
import { baseName, formatOf, type ExtractedFile } from './extractors.js';
import { extractionPool, type ExtractionPool } from './pool.js';
import type { FileOutcome } from './protocol.js';

export interface ImportRequest {
  fileName: string;
  bytes: Buffer;
  allowDuplicate?: boolean;
  collectionId?: number | null;
  /** Metadata that overrides what the extractor found (seeds, tests). */
  outlet?: string | null;
  title?: string;
  publishedAt?: string | null;
  url?: string | null;
  /** The file name to keep; null keeps none (the seeds' file names mean nothing to an analyst). */
  sourceName?: string | null;
}

/** A file read successfully and ready to be written. */
export interface ExtractedImport {
  fileName: string;
  request: ImportRequest;
  extracted: ExtractedFile;
}

export interface ImportOptions {
  pool?: ExtractionPool;
  /** Aborting ends the workers reading this import's files; files not yet written are reported as cancelled. */
  signal?: AbortSignal;
  /** Writes a batch of extracted files; defaults to writeImports (callers wrap it, e.g. to record an edit). */
  write?: (items: ExtractedImport[]) => ImportResult[];
}

/** Small text files travel to a worker together: one message per file would cost more than reading them. */
const BATCHABLE_BYTES = 256 * 1024;
const BATCH_MAX_FILES = 100;
const BATCH_MAX_BYTES = 8 * 1024 * 1024;
const WRITE_MAX_DOCUMENTS = 1000;
/**
 * Batches read ahead of the one being written, per worker: enough to keep every worker busy, few enough that texts
 * are written soon after they arrive. Reading everything at once held every text until its turn to be written.
 */
const READ_AHEAD_PER_WORKER = 2;
const WRITE_MAX_CHARS = 16 * 1024 * 1024;

export async function importFile(db: Db, request: ImportRequest, options: ImportOptions = {}): Promise<ImportResult> {
  return (await importFiles(db, [request], options))[0];
}

/** Imports many files; one result per file, in order. Writes what has been read in as few transactions as it can. */
export async function importFiles(
  db: Db,
  requests: ImportRequest[],
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  const pool = options.pool ?? extractionPool();
  const results: ImportResult[] = new Array(requests.length);
  const readable: number[] = [];
  requests.forEach((request, index) => {
    const refusal = refuseBeforeReading(request);
    if (refusal) results[index] = refusal;
    else readable.push(index);
  });
  const batches = groupIntoBatches(readable, requests);
  const readAhead = pool.size * READ_AHEAD_PER_WORKER;
  const reading: ReturnType<typeof trackSettled<FileOutcome[]>>[] = [];
  const startReading = (n: number) => {
    if (n >= batches.length) return;
    const files = batches[n].map((i) => ({ fileName: displayName(requests[i].fileName), bytes: requests[i].bytes }));
    reading[n] = trackSettled(pool.extract(files, options.signal));
  };
  for (let n = 0; n < readAhead; n++) startReading(n);
  const writes = new WriteBuffer(options.write ?? ((items) => writeImports(db, items)), results, options.signal);
  for (const [n, batch] of batches.entries()) {
    const outcomes = await reading[n].take();
    startReading(n + readAhead);
    batch.forEach((index, k) => {
      const read = readOutcome(requests[index], outcomes[k]);
      if ('status' in read) results[index] = read;
      else writes.add(index, read);
    });
    // Write now if the next batch is not read yet (or the buffer is full); otherwise keep collecting.
    if (writes.full || !reading[n + 1]?.settled) writes.flush();
  }
  writes.flush();
  return results;
}

/**
 * Extracted files waiting to be written. Large transactions are cheaper per document (each commit writes out every
 * page it changed), but one transaction holds the backend's thread, so a write is capped.
 */
class WriteBuffer {
  private items: { index: number; item: ExtractedImport }[] = [];
  private chars = 0;

  constructor(
    private readonly write: (items: ExtractedImport[]) => ImportResult[],
    private readonly results: ImportResult[],
    private readonly signal?: AbortSignal,
  ) {}

  add(index: number, item: ExtractedImport): void {
    this.items.push({ index, item });
    this.chars += item.extracted.text.length;
  }

  get full(): boolean {
    return this.items.length >= WRITE_MAX_DOCUMENTS || this.chars >= WRITE_MAX_CHARS;
  }

  flush(): void {
    const items = this.items;
    this.items = [];
    this.chars = 0;
    if (items.length === 0) return;
    if (this.signal?.aborted) {
      for (const { index, item } of items) this.results[index] = failed(item.fileName, cancelledMessage(item.fileName));
      return;
    }
    const written = this.write(items.map((i) => i.item));
    items.forEach(({ index }, k) => {
      this.results[index] = written[k];
    });
  }
}

/** A read under way: whether it has finished, and its outcomes, handed over once (then no longer kept here). */
function trackSettled<T>(promise: Promise<T>): { settled: boolean; take(): Promise<T> } {
  let held: Promise<T> | null = promise;
  const tracked = {
    settled: false,
    take() {
      const taken = held!;
      held = null;
      return taken;
    },
  };
  void promise.then(() => {
    tracked.settled = true;
  });
  return tracked;
}

/** The database half of an import: synchronous, one transaction, one result per item. */
export function writeImports(db: Db, items: ExtractedImport[]): ImportResult[] {
  // One undoable edit per write: "Import report.pdf", or "Import 250 files" for a batch.
  const label = items.length === 1 ? `Import ${items[0].fileName}` : `Import ${items.length} files`;
  const results = recordEdit(db, { operation: 'documents.import', label }, () => writeAll(db, items));
  if (results.some((r) => r.status === 'imported')) noteImported(db);
  return results;
}

/** Where a duplicate's text already is: a document in the project, or the k-th new one of this write. */
type Original = { existingId: number } | { newIndex: number };

/** Finds the duplicates first, then inserts the new documents together (see documentWriter), then their extras. */
function writeAll(db: Db, items: ExtractedImport[]): ImportResult[] {
  const writer = documentWriter(db);
  const newItems: ExtractedImport[] = [];
  const firstNewByHash = new Map<string, number>();
  const originals = items.map((item): Original | null => {
    const hash = item.extracted.contentHash;
    if (!item.request.allowDuplicate) {
      const existingId = writer.findIdByHash(hash);
      if (existingId !== undefined) return { existingId };
      const newIndex = firstNewByHash.get(hash);
      if (newIndex !== undefined) return { newIndex };
    }
    if (!firstNewByHash.has(hash)) firstNewByHash.set(hash, newItems.length);
    newItems.push(item);
    return null;
  });
  const summaries = writer.insertAll(newItems.map(newDocument));
  const structure = structureWriter(db);
  newItems.forEach((item, k) => writeExtras(db, structure, item, summaries[k].id));
  let next = 0;
  return items.map((item, i) => {
    const { fileName } = item;
    const warnings = item.extracted.warnings ?? [];
    const original = originals[i];
    if (!original) return { fileName, status: 'imported', document: summaries[next++], message: null, warnings };
    const existing =
      'existingId' in original ? getDocumentSummary(db, original.existingId)! : summaries[original.newIndex];
    const message = `${fileName} has the same text as “${existing.title}”, already in the project.`;
    return { fileName, status: 'duplicate', document: existing, warnings, message };
  });
}

function newDocument({ fileName, request, extracted }: ExtractedImport): NewDocument {
  return {
    title: request.title || extracted.title || baseName(fileName),
    outlet: request.outlet ?? extracted.outlet ?? null,
    author: extracted.author ?? null,
    publishedAt: request.publishedAt ?? extracted.publishedAt ?? null,
    url: request.url ?? extracted.url ?? null,
    format: extracted.format,
    text: extracted.text,
    contentHash: extracted.contentHash,
    sourceName: request.sourceName === undefined ? fileName : request.sourceName,
    pages: extracted.pages ?? null,
    collectionId: request.collectionId ?? null,
  };
}

/** What a new document keeps beside its row: the original PDF, and the structure of its text. */
function writeExtras(db: Db, structure: ReturnType<typeof structureWriter>, item: ExtractedImport, id: number): void {
  const { request, extracted } = item;
  if (extracted.format === 'pdf') keepOriginalPdf(db, id, request.bytes);
  if (extracted.blocks?.length) structure.write(id, blocksOnParagraphs(extracted.text, extracted.blocks));
}

/** Extracts a file's text for re-import, or explains (as an ImportError) why it cannot be read. */
export async function extractForReimport(
  fileName: string,
  bytes: Buffer,
  options: Pick<ImportOptions, 'pool' | 'signal'> = {},
): Promise<{ text: string; pages: PageStart[] | null; blocks: DocumentBlock[] }> {
  const name = displayName(fileName);
  const refusal = refuseBeforeReading({ fileName, bytes });
  if (refusal) throw new ImportError(refusal.message!);
  const [outcome] = await (options.pool ?? extractionPool()).extract([{ fileName: name, bytes }], options.signal);
  if (!outcome.ok) throw new ImportError(outcome.message);
  if (!outcome.extracted.text.trim()) throw new ImportError(`${name} contains no readable text.`);
  const { text, pages, blocks } = outcome.extracted;
  return { text, pages: pages ?? null, blocks: blocksOnParagraphs(text, blocks ?? []) };
}

function refuseBeforeReading(request: Pick<ImportRequest, 'fileName' | 'bytes'>): ImportResult | null {
  const fileName = displayName(request.fileName);
  const size = request.bytes.length;
  if (size > MAX_IMPORT_FILE_BYTES) {
    const limit = MAX_IMPORT_FILE_BYTES / 1048576;
    return failed(fileName, `${fileName} is ${(size / 1048576).toFixed(1)} MB; Gloss imports files up to ${limit} MB.`);
  }
  if (size === 0) return failed(fileName, `${fileName} is empty.`);
  if (!formatOf(fileName)) {
    const supported = 'Gloss imports .txt, .md, .html, .pdf and .docx.';
    return failed(fileName, `${fileName}: this kind of file is not supported. ${supported}`);
  }
  return null;
}

function readOutcome(request: ImportRequest, outcome: FileOutcome): ExtractedImport | ImportResult {
  const fileName = displayName(request.fileName);
  if (!outcome.ok) return failed(fileName, outcome.message);
  if (!outcome.extracted.text.trim()) return failed(fileName, `${fileName} contains no readable text.`);
  return { fileName, request, extracted: outcome.extracted };
}

/** Indexes of files to read, grouped so small text files share a worker message and others go alone. */
function groupIntoBatches(indexes: number[], requests: ImportRequest[]): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let currentBytes = 0;
  const flush = () => {
    if (current.length) batches.push(current);
    current = [];
    currentBytes = 0;
  };
  for (const index of indexes) {
    const { fileName, bytes } = requests[index];
    const format = formatOf(fileName);
    if ((format !== 'txt' && format !== 'md') || bytes.length > BATCHABLE_BYTES) {
      flush();
      batches.push([index]);
      continue;
    }
    if (current.length === BATCH_MAX_FILES || currentBytes + bytes.length > BATCH_MAX_BYTES) flush();
    current.push(index);
    currentBytes += bytes.length;
  }
  flush();
  return batches;
}

function cancelledMessage(fileName: string): string {
  return `${fileName}: the import was cancelled.`;
}

function failed(fileName: string, message: string): ImportResult {
  return { fileName, status: 'failed', document: null, message, warnings: [] };
}

function displayName(name: string): string {
  return name.replace(/^.*[\\/]/, '') || name;
}
