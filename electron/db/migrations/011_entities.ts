// Schema 11: entities (people, organisations, places) and dated events, read from documents in a background worker
// (entities/service.ts). What extraction writes is derived and not logged; what the analyst changes (renaming,
// merging, splitting, deleting entities, correcting a date) goes through recordEdit, and these tables' triggers log
// it, so it is undoable.
import { oplogTriggers } from './oplogTriggers.js';

export const LOGGED_TABLES_V11: Record<string, string[]> = {
  entities: ['id', 'kind', 'name'],
  entity_keys: ['key', 'entity_id'],
  entity_mentions: ['id', 'entity_id', 'document_id', 'start_offset', 'end_offset'],
  timeline_events: [
    'id',
    'document_id',
    'sentence_start',
    'sentence_end',
    'date_start',
    'date_end',
    'day',
    'precision',
    'relative',
    'corrected',
  ],
};

export const migration011 = `
-- Documents read for entities and dates, with the text and publication date they were read at.
CREATE TABLE entity_documents (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL,
  published_at TEXT
);
-- AUTOINCREMENT: reading documents again writes rows outside the log, and must never take the id of a row an undo
-- may put back.
CREATE TABLE entities (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'place')),
  name TEXT NOT NULL
);
-- Folded names ("person:vladimir putin", "person:putin", "place:turkey") and the entity each names; NULL when the
-- analyst deleted that entity, so reading more documents does not bring it back.
CREATE TABLE entity_keys (
  key TEXT PRIMARY KEY,
  entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL
) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys(entity_id);
CREATE TABLE entity_mentions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL
);
CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id, document_id);
CREATE INDEX entity_mentions_document ON entity_mentions(document_id);
-- A dated sentence: the date's words, the day it resolves to (NULL: relative, and no publication date), its
-- precision, and whether the analyst corrected it.
CREATE TABLE timeline_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  date_start INTEGER NOT NULL,
  date_end INTEGER NOT NULL,
  day TEXT,
  precision TEXT NOT NULL CHECK (precision IN ('day', 'week', 'month', 'year')),
  relative INTEGER NOT NULL,
  corrected INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX timeline_events_document ON timeline_events(document_id);

${Object.entries(LOGGED_TABLES_V11)
  .map(([table, columns]) => oplogTriggers(table, columns))
  .join('\n')}
`;
