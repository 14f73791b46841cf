// Schema 7: document structure. Headings, lists, quotes, tables, preformatted lines and footnotes are kept as
// spans over the canonical text (shared/types.ts DocumentBlock), so the text — and every offset, anchor, search
// index and export built on it — stays exactly as it was.
//
// One row per structured document holding its blocks as a JSON array, rather than a row per block: the reader
// always wants all of a document's blocks at once, a 1 MB report has thousands of them, and an import of 10,000
// documents would otherwise write (and log for undo) hundreds of thousands of rows. The blocks are logged like the
// document's text (a large column: an insert is captured when undone), cascade with their document, and undo
// restores them with it.
//
// Existing documents keep their text untouched (no highlight moves); plain-text subheads are recognised in them
// so a project made before this schema shows its sample report's section headings too.
import { plainTextHeadings } from '../../import/blocks.js';
import type { Db } from '../connection.js';
import { oplogTriggers } from './oplogTriggers.js';

export const LOGGED_TABLES_V5: Record<string, string[]> = {
  document_structure: ['document_id', 'blocks'],
};

export const migration007 = `
CREATE TABLE document_structure (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  blocks TEXT NOT NULL CHECK (json_valid(blocks) AND json_type(blocks) = 'array')
);
${Object.entries(LOGGED_TABLES_V5)
  .map(([table, columns]) => oplogTriggers(table, columns))
  .join('\n')}
`;

/** Finds the subheads of the documents already in the project (their text is left exactly as it is). */
export function deriveExistingStructure(db: Db): void {
  const insert = db.prepare('INSERT INTO document_structure (document_id, blocks) VALUES (?, ?)');
  const rows = db.prepare("SELECT id, text FROM documents WHERE format != 'pdf'").iterate() as Iterable<{
    id: number;
    text: string;
  }>;
  const found: [number, string][] = [];
  for (const row of rows) {
    const blocks = plainTextHeadings(row.text);
    if (blocks.length) found.push([row.id, JSON.stringify(blocks)]);
  }
  for (const [id, blocks] of found) insert.run(id, blocks);
}
