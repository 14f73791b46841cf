// Import entry points: read and check everything first (a refusal writes nothing), then write in one edit.
import type { ExchangeReport } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { recordEdit } from '../db/oplog.js';
import { ImportError } from '../import/errors.js';
import { extractionPool } from '../import/pool.js';
import { readQdc, readQdpx } from './readProject.js';
import { writeImport } from './writeImport.js';

/** A source's .docx is read like any imported file: in a worker, under the import limits. */
async function docxToText(bytes: Buffer, fileName: string): Promise<string> {
  const [outcome] = await extractionPool().extract([{ fileName, bytes }]);
  if (!outcome.ok) throw new ImportError(outcome.message);
  return outcome.extracted.text;
}

export async function importQdpx(db: Db, fileName: string, bytes: Buffer): Promise<ExchangeReport> {
  const plan = await readQdpx(bytes, fileName, docxToText);
  return recordEdit(db, { operation: 'exchange.importProject', label: `Import ${fileName}` }, () =>
    writeImport(db, plan, fileName),
  );
}

export function importQdc(db: Db, fileName: string, bytes: Buffer): ExchangeReport {
  const plan = readQdc(bytes, fileName);
  return recordEdit(db, { operation: 'exchange.importCodebook', label: `Import codebook ${fileName}` }, () =>
    writeImport(db, plan, fileName),
  );
}
