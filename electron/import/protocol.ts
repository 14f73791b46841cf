// Messages between the import pool (backend thread) and its extraction workers.
import type { IndexedSentence } from '../db/sentences.js';
import type { ExtractedFile } from './extractors.js';
import type { ImportLimits } from './limits.js';

export interface FileToExtract {
  fileName: string;
  bytes: Uint8Array;
}

export interface ExtractionRequest {
  jobId: number;
  files: FileToExtract[];
  limits: ImportLimits;
}

/** A file read: its text and, computed beside it in the worker, its sentences for the corroboration index. */
export type FileOutcome =
  { ok: true; extracted: ExtractedFile; sentences?: IndexedSentence[] } | { ok: false; message: string };

export interface ExtractionReply {
  jobId: number;
  outcomes: FileOutcome[];
}
