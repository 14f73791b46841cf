// Messages between the import pool (backend thread) and its extraction workers.
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

/** A file read: its text (and structure), or why it could not be read. */
export type FileOutcome = { ok: true; extracted: ExtractedFile } | { ok: false; message: string };

export interface ExtractionReply {
  jobId: number;
  outcomes: FileOutcome[];
}
