// The extraction worker: reads files sent by pool.ts and posts back their text, one answer per batch.
// Everything expensive or attacker-shaped (unzipping, parsing HTML, PDF, Markdown) happens here, off the
// backend's thread, under the heap cap and the clock the pool sets.
import { parentPort } from 'node:worker_threads';
import { ImportError } from './errors.js';
import { extractFile } from './extractors.js';
import type { ExtractionRequest, ExtractionReply, FileOutcome } from './protocol.js';

parentPort!.on('message', async (request: ExtractionRequest) => {
  const outcomes: FileOutcome[] = [];
  for (const file of request.files) outcomes.push(await extractOne(file.fileName, file.bytes, request));
  const reply: ExtractionReply = { jobId: request.jobId, outcomes };
  parentPort!.postMessage(reply);
});

async function extractOne(fileName: string, bytes: Uint8Array, request: ExtractionRequest): Promise<FileOutcome> {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const extracted = await extractFile(fileName, buffer, request.limits);
    return { ok: true, extracted };
  } catch (error) {
    return { ok: false, message: describeFailure(error, fileName, request.limits.maxNestingDepth) };
  }
}

function describeFailure(error: unknown, fileName: string, maxDepth: number): string {
  if (error instanceof ImportError) return error.message;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return `${fileName}: the document nests too deeply to read (the limit is ${maxDepth} levels).`;
  }
  return `${fileName} could not be read: ${(error as Error)?.message ?? String(error)}`;
}
