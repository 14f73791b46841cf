// Schema 9: source grading (the Admiralty scale) and the sentence index behind corroboration.
// Grades live in tables of their own rather than as columns of documents/highlights, so those tables' triggers stay
// as they are; both are logged, so setting or clearing a grade is an undoable edit.
import { oplogTriggers } from './oplogTriggers.js';

export const LOGGED_TABLES_V9: Record<string, string[]> = {
  document_grades: ['id', 'document_id', 'reliability'],
  highlight_grades: ['id', 'highlight_id', 'credibility'],
};

export const migration009 = `
-- A source's reliability, A (completely reliable) to F (cannot be judged).
CREATE TABLE document_grades (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
  reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F'))
);

-- A passage's credibility, 1 (confirmed by other sources) to 6 (cannot be judged).
CREATE TABLE highlight_grades (
  id INTEGER PRIMARY KEY,
  highlight_id INTEGER NOT NULL UNIQUE REFERENCES highlights(id) ON DELETE CASCADE,
  credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6)
);

-- The sentence index behind corroboration: derived from documents' text, so not logged (an undone or redone edit
-- leaves documents unindexed or stale, and they are indexed again before the next query; see corroboration/index.ts).
CREATE TABLE sentence_documents (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL
);
CREATE TABLE sentences (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  -- Stemmed terms, space-separated (corroboration/text.ts).
  terms TEXT NOT NULL
);
CREATE INDEX sentences_document ON sentences(document_id, start_offset);
CREATE VIRTUAL TABLE sentences_fts USING fts5(terms, content='', contentless_delete=1, detail=none);
CREATE VIRTUAL TABLE sentences_vocab USING fts5vocab(sentences_fts, 'row');
-- Rows enter the FTS index from db/sentences.ts (a trigger per row costs five times as much); they leave it by
-- trigger, so a cascade from a deleted document takes them out.
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  DELETE FROM sentences_fts WHERE rowid = old.id;
END;

${Object.entries(LOGGED_TABLES_V9)
  .map(([table, columns]) => oplogTriggers(table, columns))
  .join('\n')}
`;
