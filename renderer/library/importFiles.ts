// Batch import, file by file through the API: progress after each file, cancellable between files,
// and one bad file never stops the others.
import type { GlossClient } from '../../shared/client';
import type { ImportResult } from '../../shared/types';

export interface ImportProgress {
  total: number;
  done: number;
  current: string | null;
  results: ImportResult[];
  cancelled: boolean;
  finished: boolean;
}

export const SUPPORTED = /\.(txt|text|md|markdown|html?|pdf|docx)$/i;

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Files go to the main process in chunks: progress after each, and a chunk is one transaction and one undo step. */
const CHUNK_FILES = 50;
const CHUNK_BYTES = 12 * 1024 * 1024;

export interface ImportSignal {
  cancelled: boolean;
  /** The chunk being read now, so Cancel can stop it in the main process too. */
  importId?: string;
}

export async function importBatch(
  client: GlossClient,
  files: File[],
  options: { allowDuplicate?: boolean; signal: ImportSignal },
  onProgress: (p: ImportProgress) => void,
): Promise<ImportProgress> {
  const progress: ImportProgress = {
    total: files.length,
    done: 0,
    current: null,
    results: [],
    cancelled: false,
    finished: false,
  };
  for (const chunk of chunks(files)) {
    if (options.signal.cancelled) {
      progress.cancelled = true;
      break;
    }
    progress.current = chunk.length === 1 ? chunk[0].name : `${chunk[0].name} and ${chunk.length - 1} more`;
    onProgress({ ...progress });
    progress.results.push(...(await importChunk(client, chunk, options.allowDuplicate ?? false, options.signal)));
    progress.done += chunk.length;
  }
  progress.cancelled ||= options.signal.cancelled;
  progress.current = null;
  progress.finished = true;
  onProgress({ ...progress });
  return progress;
}

function chunks(files: File[]): File[][] {
  const out: File[][] = [];
  let current: File[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length && (current.length === CHUNK_FILES || bytes + file.size > CHUNK_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length) out.push(current);
  return out;
}

async function importChunk(
  client: GlossClient,
  files: File[],
  allowDuplicate: boolean,
  signal: ImportSignal,
): Promise<ImportResult[]> {
  const names = files.map((f) => f.webkitRelativePath || f.name);
  signal.importId = crypto.randomUUID();
  try {
    const payload = await Promise.all(
      files.map(async (file, i) => ({ fileName: names[i], base64: await fileToBase64(file) })),
    );
    return await client['documents.importBatch']({ files: payload, allowDuplicate, importId: signal.importId });
  } catch (error) {
    return names.map((fileName) => ({
      fileName,
      status: 'failed' as const,
      document: null,
      message: `${fileName}: ${(error as Error).message}`,
      warnings: [],
    }));
  } finally {
    signal.importId = undefined;
  }
}

/** Stops the import: no further chunk is sent, and the chunk being read is ended in the main process. */
export function cancelImport(client: GlossClient, signal: ImportSignal): void {
  signal.cancelled = true;
  if (signal.importId) void client['documents.cancelImport']({ importId: signal.importId }).catch(() => undefined);
}
