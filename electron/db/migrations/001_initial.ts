// Schema 1: documents, highlights, tags, notes, memos, collections, and FTS5 indexes kept in step by triggers.
const now = "(strftime('%Y-%m-%dT%H:%M:%fZ','now'))";

export const migration001 = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE collections (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at TEXT NOT NULL DEFAULT ${now}
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  outlet TEXT,
  author TEXT,
  published_at TEXT,
  url TEXT,
  format TEXT NOT NULL CHECK (format IN ('txt','md','html','pdf','docx')),
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  source_name TEXT,
  notes TEXT NOT NULL DEFAULT '',
  pages TEXT,
  collection_id INTEGER REFERENCES collections(id) ON DELETE SET NULL,
  imported_at TEXT NOT NULL DEFAULT ${now},
  updated_at TEXT NOT NULL DEFAULT ${now}
);
CREATE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_collection ON documents(collection_id);

CREATE TABLE highlights (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL CHECK (end_offset >= start_offset),
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  color TEXT,
  orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0,1)),
  created_at TEXT NOT NULL DEFAULT ${now},
  updated_at TEXT NOT NULL DEFAULT ${now}
);
CREATE INDEX highlights_document ON highlights(document_id, start_offset);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  color TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  parent_id INTEGER REFERENCES tags(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT ${now}
);

CREATE TABLE highlight_tags (
  highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (highlight_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX highlight_tags_tag ON highlight_tags(tag_id, highlight_id);

CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  highlight_id INTEGER REFERENCES highlights(id) ON DELETE CASCADE,
  document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
  content TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT ${now},
  updated_at TEXT NOT NULL DEFAULT ${now}
);
CREATE UNIQUE INDEX notes_one_per_highlight ON notes(highlight_id) WHERE highlight_id IS NOT NULL;
CREATE UNIQUE INDEX notes_one_per_document ON notes(document_id) WHERE highlight_id IS NULL;
CREATE INDEX notes_document ON notes(document_id);

CREATE TABLE memos (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT ${now},
  updated_at TEXT NOT NULL DEFAULT ${now}
);

-- Full-text search: external-content FTS5 tables over the rows above, kept in step by triggers.
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content='documents', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE VIRTUAL TABLE highlights_fts USING fts5(
  exact, content='highlights', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
CREATE TRIGGER highlights_fts_insert AFTER INSERT ON highlights BEGIN
  INSERT INTO highlights_fts(rowid, exact) VALUES (new.id, new.exact);
END;
CREATE TRIGGER highlights_fts_delete AFTER DELETE ON highlights BEGIN
  INSERT INTO highlights_fts(highlights_fts, rowid, exact) VALUES ('delete', old.id, old.exact);
END;
CREATE TRIGGER highlights_fts_update AFTER UPDATE OF exact ON highlights BEGIN
  INSERT INTO highlights_fts(highlights_fts, rowid, exact) VALUES ('delete', old.id, old.exact);
  INSERT INTO highlights_fts(rowid, exact) VALUES (new.id, new.exact);
END;

CREATE VIRTUAL TABLE notes_fts USING fts5(
  text, content='notes', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF text ON notes BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO notes_fts(rowid, text) VALUES (new.id, new.text);
END;
`;
