// Attribute values from a spreadsheet: a CSV whose first column names the document (by file name or title) and
// whose other columns are attributes. Read and checked completely first; the caller writes it in one edit.
import { parse } from 'csv-parse/sync';
import type { AttributeCsvReport, AttributeCsvRow, AttributeDefinition } from '../../shared/types.js';
import { GlossError } from '../../shared/errors.js';
import { checkValue } from './attributeValues.js';

export const MAX_CSV_ROWS = 100_000;
export const MAX_CSV_COLUMNS = 200;

const FILE_HEADERS = new Set(['file', 'file name', 'filename', 'source', 'source file']);
const TITLE_HEADERS = new Set(['title', 'document', 'document title']);

export interface CsvContext {
  /** Definitions by lower-cased name. */
  definitions: Map<string, AttributeDefinition>;
  /** Documents by lower-cased key (file name or title, as the key column says). */
  documents(by: 'file' | 'title'): Map<string, { id: number; title: string }[]>;
}

/** Reads and checks the whole CSV; nothing is written here. */
export function planAttributeCsv(csv: string, ctx: CsvContext): AttributeCsvReport {
  const records = readRecords(csv);
  const [header, ...body] = records;
  if (!header || header.length < 2)
    throw new GlossError(
      'invalid_argument',
      'The CSV needs a header row: a file name or title column, then attributes.',
    );
  const keyHeader = header[0].trim().toLowerCase();
  const keyColumn = FILE_HEADERS.has(keyHeader) ? 'file' : TITLE_HEADERS.has(keyHeader) ? 'title' : null;
  if (!keyColumn)
    throw new GlossError(
      'invalid_argument',
      `The first column of the CSV is “${header[0]}”; name it “file” (matched to file names) or “title”.`,
    );
  const columns = header.slice(1).map((c) => c.trim());
  checkColumns(columns);
  const newAttributes = columns.filter((c) => !ctx.definitions.has(c.toLowerCase()));
  const documents = ctx.documents(keyColumn);
  const rows = body.map((record, i) => checkRow(record, i + 2, columns, documents, ctx.definitions));
  claimDuplicates(rows);
  return { keyColumn, columns, newAttributes, rows, written: 0, applied: false };
}

function readRecords(csv: string): string[][] {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, to: MAX_CSV_ROWS + 2 });
  } catch (error) {
    throw new GlossError('invalid_argument', `The CSV could not be read: ${(error as Error).message}`);
  }
  if (records.length > MAX_CSV_ROWS + 1)
    throw new GlossError('too_large', `The CSV has more than ${MAX_CSV_ROWS.toLocaleString('en')} rows.`);
  return records;
}

function checkColumns(columns: string[]): void {
  if (columns.length > MAX_CSV_COLUMNS)
    throw new GlossError('too_large', `The CSV has more than ${MAX_CSV_COLUMNS} attribute columns.`);
  const seen = new Set<string>();
  for (const column of columns) {
    if (!column) throw new GlossError('invalid_argument', 'Every column of the CSV header needs a name.');
    if (column.length > 200)
      throw new GlossError('invalid_argument', `The column name “${column.slice(0, 40)}…” is too long.`);
    if (seen.has(column.toLowerCase()))
      throw new GlossError('invalid_argument', `The CSV has two columns named “${column}”.`);
    seen.add(column.toLowerCase());
  }
}

function checkRow(
  record: string[],
  line: number,
  columns: string[],
  documents: Map<string, { id: number; title: string }[]>,
  definitions: Map<string, AttributeDefinition>,
): AttributeCsvRow {
  const key = (record[0] ?? '').trim();
  const row: AttributeCsvRow = { line, key, documentId: null, documentTitle: null, values: {}, errors: [] };
  const matches = documents.get(key.toLowerCase()) ?? [];
  if (matches.length === 1) {
    row.documentId = matches[0].id;
    row.documentTitle = matches[0].title;
  } else {
    const message =
      matches.length === 0
        ? `No document is called “${key}”.`
        : `${matches.length} documents are called “${key}”; use the file name instead.`;
    row.errors.push({ line, column: null, message });
  }
  if (record.length > columns.length + 1)
    row.errors.push({
      line,
      column: null,
      message: `This row has ${record.length} cells; the header has ${columns.length + 1}.`,
    });
  columns.forEach((column, i) => {
    const raw = (record[i + 1] ?? '').trim();
    if (raw === '') return; // an empty cell leaves the value as it is
    const definition = definitions.get(column.toLowerCase());
    const checked = definition ? checkValue(definition, raw) : { ok: true as const, value: raw };
    if (checked.ok) row.values[definition?.name ?? column] = checked.value;
    else row.errors.push({ line, column, message: checked.message });
  });
  return row;
}

/** Two rows for the same document would leave the outcome to their order: both are errors. */
function claimDuplicates(rows: AttributeCsvRow[]): void {
  const firstLine = new Map<number, number>();
  for (const row of rows) {
    if (row.documentId === null) continue;
    const first = firstLine.get(row.documentId);
    if (first === undefined) firstLine.set(row.documentId, row.line);
    else row.errors.push({ line: row.line, column: null, message: `Line ${first} already sets this document.` });
  }
}
