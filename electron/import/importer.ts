// Imports one file into a project: detect format, extract text, refuse bad input with a clear reason.
import { MAX_IMPORT_FILE_BYTES } from '../../shared/api.js';
import type { ImportResult, PageStart } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { findDocumentByHash, getDocumentSummary, insertDocument } from '../db/documents.js';
import { recordEdit } from '../db/oplog.js';
import { ImportError, baseName, extractors, formatOf } from './extractors.js';
import { contentHash } from './text.js';

export interface ImportRequest {
  fileName: string;
  bytes: Buffer;
  allowDuplicate?: boolean;
  collectionId?: number | null;
  /** Metadata that overrides what the extractor found (seeds, tests). */
  outlet?: string | null;
}

/** Extracts a file's text for re-import, or explains why it cannot be read. */
export async function extractForReimport(fileName: string, bytes: Buffer): Promise<{ text: string; pages: PageStart[] | null }> {
  const format = formatOf(fileName);
  if (!format) throw new ImportError(`${fileName}: this kind of file is not supported.`);
  if (bytes.length > MAX_IMPORT_FILE_BYTES) throw new ImportError(`${fileName} is larger than ${MAX_IMPORT_FILE_BYTES / 1048576} MB.`);
  const extracted = await extractors[format](bytes, fileName);
  if (!extracted.text.trim()) throw new ImportError(`${fileName} contains no readable text.`);
  return { text: extracted.text, pages: extracted.pages ?? null };
}

export async function importFile(db: Db, request: ImportRequest): Promise<ImportResult> {
  const fileName = baseNameWithExtension(request.fileName);
  const failed = (message: string): ImportResult => ({ fileName, status: 'failed', document: null, message, warnings: [] });
  if (request.bytes.length > MAX_IMPORT_FILE_BYTES) {
    return failed(`${fileName} is ${(request.bytes.length / 1048576).toFixed(1)} MB; Gloss imports files up to ${MAX_IMPORT_FILE_BYTES / 1048576} MB.`);
  }
  if (request.bytes.length === 0) return failed(`${fileName} is empty.`);
  const format = formatOf(fileName);
  const extract = format ? extractors[format] : undefined;
  if (!format || !extract) {
    return failed(`${fileName}: this kind of file is not supported. Gloss imports .txt, .md, .html, .pdf and .docx.`);
  }
  let extracted;
  try {
    extracted = await extract(request.bytes, fileName);
  } catch (error) {
    const reason = error instanceof ImportError ? error.message : `${fileName} could not be read: ${(error as Error).message}`;
    return failed(reason);
  }
  if (!extracted.text.trim()) return failed(`${fileName} contains no readable text.`);
  const hash = contentHash(extracted.text);
  const existing = findDocumentByHash(db, hash);
  if (existing && !request.allowDuplicate) {
    return {
      fileName, status: 'duplicate', document: existing, warnings: extracted.warnings ?? [],
      message: `${fileName} has the same text as “${existing.title}”, already in the project.`,
    };
  }
  const id = recordEdit(db, { operation: 'documents.import', label: `Import ${fileName}` }, () => insertDocument(db, {
    title: extracted.title || baseName(fileName), outlet: request.outlet ?? extracted.outlet ?? null,
    author: extracted.author ?? null, publishedAt: extracted.publishedAt ?? null, url: extracted.url ?? null,
    format, text: extracted.text, contentHash: hash, sourceName: fileName, pages: extracted.pages ?? null,
    collectionId: request.collectionId ?? null,
  }));
  return { fileName, status: 'imported', document: getDocumentSummary(db, id)!, message: null, warnings: extracted.warnings ?? [] };
}

function baseNameWithExtension(name: string): string {
  return name.replace(/^.*[\\/]/, '') || name;
}
