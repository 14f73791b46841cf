// Schema 3: leaner full-text indexes that also find words in Chinese, Japanese and vowelled Arabic.
//
// - No prefix indexes (prefix='2 3' tripled the index: 29 MB of 92 MB at 10,000 reports); FTS5 answers prefix
//   queries from the main index by scanning the range of matching terms.
// - Contentless tables with contentless_delete: snippets are built in JS from the rows, so FTS5 never needs to read
//   content back, and a row is removed by rowid alone.
// - search_title / search_text: the text to index when it differs from what is shown (CJK bigrams, Arabic without
//   harakat; see electron/search/searchText.ts), NULL otherwise. Triggers index COALESCE(derived, shown), so the
//   index stays in step with rows however they are written, including rows re-inserted by undo.
import { searchTextFor } from '../../search/searchText.js';
import type { Db } from '../connection.js';
import { LOGGED_TABLES_V2 } from './002_oplog.js';
import { dropOplogTriggers, oplogTriggers } from './oplogTriggers.js';

/** Logged tables whose columns this migration changes, with their columns from schema 3 on. */
export const LOGGED_TABLES_V3: Record<string, string[]> = {
  ...LOGGED_TABLES_V2,
  documents: [...LOGGED_TABLES_V2.documents, 'search_title', 'search_text'],
  highlights: [...LOGGED_TABLES_V2.highlights, 'search_text'],
  notes: [...LOGGED_TABLES_V2.notes, 'search_text'],
};

// The operation log must restore the new columns too (undo re-inserts whole rows).
const oplogTriggersV3 = ['documents', 'highlights', 'notes']
  .map(
    (table) => `${dropOplogTriggers(table, LOGGED_TABLES_V2[table])}\n${oplogTriggers(table, LOGGED_TABLES_V3[table])}`,
  )
  .join('\n');

const ftsOptions = "content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'";

export const migration003 = `
ALTER TABLE documents ADD COLUMN search_title TEXT;
ALTER TABLE documents ADD COLUMN search_text TEXT;
ALTER TABLE highlights ADD COLUMN search_text TEXT;
ALTER TABLE notes ADD COLUMN search_text TEXT;

DROP TRIGGER documents_fts_insert;
DROP TRIGGER documents_fts_delete;
DROP TRIGGER documents_fts_update;
DROP TRIGGER highlights_fts_insert;
DROP TRIGGER highlights_fts_delete;
DROP TRIGGER highlights_fts_update;
DROP TRIGGER notes_fts_insert;
DROP TRIGGER notes_fts_delete;
DROP TRIGGER notes_fts_update;
DROP TABLE documents_fts;
DROP TABLE highlights_fts;
DROP TABLE notes_fts;

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, ${ftsOptions});
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text)
    VALUES (new.id, COALESCE(new.search_title, new.title), COALESCE(new.search_text, new.text));
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  DELETE FROM documents_fts WHERE rowid = old.id;
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text, search_title, search_text ON documents BEGIN
  DELETE FROM documents_fts WHERE rowid = old.id;
  INSERT INTO documents_fts(rowid, title, text)
    VALUES (new.id, COALESCE(new.search_title, new.title), COALESCE(new.search_text, new.text));
END;

CREATE VIRTUAL TABLE highlights_fts USING fts5(exact, ${ftsOptions});
CREATE TRIGGER highlights_fts_insert AFTER INSERT ON highlights BEGIN
  INSERT INTO highlights_fts(rowid, exact) VALUES (new.id, COALESCE(new.search_text, new.exact));
END;
CREATE TRIGGER highlights_fts_delete AFTER DELETE ON highlights BEGIN
  DELETE FROM highlights_fts WHERE rowid = old.id;
END;
CREATE TRIGGER highlights_fts_update AFTER UPDATE OF exact, search_text ON highlights BEGIN
  DELETE FROM highlights_fts WHERE rowid = old.id;
  INSERT INTO highlights_fts(rowid, exact) VALUES (new.id, COALESCE(new.search_text, new.exact));
END;

CREATE VIRTUAL TABLE notes_fts USING fts5(text, ${ftsOptions});
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts(rowid, text) VALUES (new.id, COALESCE(new.search_text, new.text));
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
  DELETE FROM notes_fts WHERE rowid = old.id;
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF text, search_text ON notes BEGIN
  DELETE FROM notes_fts WHERE rowid = old.id;
  INSERT INTO notes_fts(rowid, text) VALUES (new.id, COALESCE(new.search_text, new.text));
END;

INSERT INTO documents_fts(rowid, title, text) SELECT id, title, text FROM documents;
INSERT INTO highlights_fts(rowid, exact) SELECT id, exact FROM highlights;
INSERT INTO notes_fts(rowid, text) SELECT id, text FROM notes;
${oplogTriggersV3}
`;

/** Fills the derived columns of existing rows; the update triggers re-index exactly those rows. */
export function fillSearchText(db: Db): void {
  fillColumn(db, 'documents', 'title', 'search_title');
  fillColumn(db, 'documents', 'text', 'search_text');
  fillColumn(db, 'highlights', 'exact', 'search_text');
  fillColumn(db, 'notes', 'text', 'search_text');
}

function fillColumn(db: Db, table: string, source: string, target: string): void {
  const derived: [string, number][] = [];
  const rows = db.prepare(`SELECT id, ${source} AS value FROM ${table}`).iterate() as Iterable<{
    id: number;
    value: string;
  }>;
  for (const row of rows) {
    const value = searchTextFor(row.value);
    if (value !== null) derived.push([value, row.id]);
  }
  const update = db.prepare(`UPDATE ${table} SET ${target} = ? WHERE id = ?`);
  for (const [value, id] of derived) update.run(value, id);
}
