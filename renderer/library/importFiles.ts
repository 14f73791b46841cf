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

export async function importBatch(
  client: GlossClient, files: File[], options: { allowDuplicate?: boolean; signal: { cancelled: boolean } },
  onProgress: (p: ImportProgress) => void,
): Promise<ImportProgress> {
  const progress: ImportProgress = { total: files.length, done: 0, current: null, results: [], cancelled: false, finished: false };
  for (const file of files) {
    if (options.signal.cancelled) { progress.cancelled = true; break; }
    progress.current = file.name;
    onProgress({ ...progress });
    progress.results.push(await importOne(client, file, options.allowDuplicate ?? false));
    progress.done++;
  }
  progress.current = null;
  progress.finished = true;
  onProgress({ ...progress });
  return progress;
}

async function importOne(client: GlossClient, file: File, allowDuplicate: boolean): Promise<ImportResult> {
  const fileName = file.webkitRelativePath || file.name;
  try {
    return await client['documents.import']({ fileName, base64: await fileToBase64(file), allowDuplicate });
  } catch (error) {
    return { fileName, status: 'failed', document: null, message: `${fileName}: ${(error as Error).message}`, warnings: [] };
  }
}
