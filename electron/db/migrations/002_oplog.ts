// Schema 2: the operation log. Every edit made through the API is one `oplog` entry; triggers on the user tables
// record each row it inserted, updated or deleted (with the row as it was) in `oplog_changes`, so the main process
// can undo and redo any edit from the project file alone — never from data the renderer sends back.
// Entries carry a stable uuid, an author and a time so that a team server can later replay them.
import { oplogTriggers } from './oplogTriggers.js';

/** The user tables and their columns at schema 2 (a later migration that changes columns recreates the triggers). */
export const LOGGED_TABLES_V2: Record<string, string[]> = {
  collections: ['id', 'name', 'created_at'],
  documents: [
    'id',
    'title',
    'outlet',
    'author',
    'published_at',
    'url',
    'format',
    'text',
    'content_hash',
    'source_name',
    'notes',
    'pages',
    'collection_id',
    'imported_at',
    'updated_at',
  ],
  highlights: [
    'id',
    'document_id',
    'start_offset',
    'end_offset',
    'exact',
    'prefix',
    'suffix',
    'color',
    'orphaned',
    'created_at',
    'updated_at',
  ],
  tags: ['id', 'name', 'color', 'description', 'parent_id', 'created_at'],
  highlight_tags: ['highlight_id', 'tag_id', 'position'],
  notes: ['id', 'highlight_id', 'document_id', 'content', 'text', 'created_at', 'updated_at'],
  memos: ['id', 'title', 'content', 'created_at', 'updated_at'],
};

export const migration002 = `
CREATE TABLE oplog (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  author TEXT NOT NULL,
  operation TEXT NOT NULL,
  label TEXT NOT NULL,
  coalesce_key TEXT,
  state TEXT NOT NULL CHECK (state IN ('done', 'undone')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX oplog_state ON oplog(state, id);

CREATE TABLE oplog_changes (
  op_id INTEGER NOT NULL REFERENCES oplog(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  tbl TEXT NOT NULL,
  row_key TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('insert', 'update', 'delete')),
  before TEXT,
  after TEXT,
  PRIMARY KEY (op_id, seq)
) WITHOUT ROWID;

-- The edit being recorded right now (at most one row; empty when nothing is being recorded, e.g. during undo).
CREATE TABLE oplog_current (
  only INTEGER PRIMARY KEY CHECK (only = 1),
  op_id INTEGER NOT NULL
);

CREATE INDEX documents_imported ON documents(imported_at, id);
CREATE INDEX tags_parent ON tags(parent_id);
${Object.entries(LOGGED_TABLES_V2)
  .map(([table, columns]) => oplogTriggers(table, columns))
  .join('\n')}
`;
