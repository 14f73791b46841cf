// What one import may cost. A small file can unpack or parse into something enormous (a ZIP bomb in a .docx,
// a PDF stream that inflates to gigabytes, HTML nested thousands deep), so every limit is checked on what the
// file becomes, not only on its size on disk. Each refusal names the file and the limit it crossed.
import { MAX_IMPORT_FILE_BYTES } from '../../shared/api.js';

export interface ImportLimits {
  /** Inflated size of a .docx package, every entry together (declared and actual). */
  maxInflatedBytes: number;
  /** Files inside a .docx package. */
  maxZipEntries: number;
  /** How deep elements (HTML) or blocks (Markdown) may nest. */
  maxNestingDepth: number;
  /** Elements in an HTML page. */
  maxHtmlElements: number;
  maxPdfPages: number;
  /** Characters of text an import may produce. */
  maxTextChars: number;
  /** Heap of the worker reading the file. */
  memoryLimitMb: number;
  /** Wall-clock time to read one file: a base, plus a little for each megabyte of input. */
  timeLimitMs: number;
  timeLimitPerMbMs: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxInflatedBytes: MAX_IMPORT_FILE_BYTES,
  maxZipEntries: 2000,
  maxNestingDepth: 500,
  maxHtmlElements: 100_000,
  maxPdfPages: 2000,
  maxTextChars: MAX_IMPORT_FILE_BYTES,
  memoryLimitMb: 1024,
  timeLimitMs: 30_000,
  timeLimitPerMbMs: 1_000,
};

/** The wall-clock budget for reading files of these sizes together. */
export function timeLimitFor(limits: ImportLimits, byteSizes: number[]): number {
  const megabytes = byteSizes.reduce((sum, n) => sum + n, 0) / 1048576;
  return Math.round(limits.timeLimitMs + megabytes * limits.timeLimitPerMbMs);
}

export function describeBytes(bytes: number): string {
  return bytes >= 1048576 ? `${+(bytes / 1048576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function describeCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function describeSeconds(ms: number): string {
  return `${+(ms / 1000).toFixed(1)} s`;
}
