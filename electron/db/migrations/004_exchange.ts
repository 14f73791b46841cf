// Schema 4: REFI-QDA exchange. Coders (who made a passage), document attributes (REFI variables, stored per
// document), and the GUIDs of imported entities, so that an import followed by an export keeps them and another
// tool can merge by GUID. Every new table is logged like the others; highlights and their codings gain a coder.
import { LOGGED_TABLES_V2 } from './002_oplog.js';
import { LOGGED_TABLES_V3 } from './003_search.js';
import { dropOplogTriggers, oplogTriggers } from './oplogTriggers.js';

const now = "(strftime('%Y-%m-%dT%H:%M:%fZ','now'))";

export const LOGGED_TABLES_V4: Record<string, string[]> = {
  tags: [...LOGGED_TABLES_V2.tags, 'codable'],
  highlights: [...LOGGED_TABLES_V3.highlights, 'coder_id'],
  highlight_tags: [...LOGGED_TABLES_V2.highlight_tags, 'coder_id'],
  coders: ['id', 'name', 'created_at'],
  document_attributes: ['id', 'document_id', 'name', 'type', 'value'],
  exchange_guids: ['kind', 'local_key', 'guid'],
};

/** Which exchange_guids kind names the rows of each table, so a deleted row's GUID goes with it. */
const GUID_KINDS: Record<string, string> = {
  documents: 'source',
  highlights: 'selection',
  tags: 'code',
  notes: 'note',
  memos: 'memo',
  collections: 'set',
  coders: 'user',
};

function forgetGuidOnDelete(table: string, kind: string): string {
  const codings =
    table === 'highlights' ? `DELETE FROM exchange_guids WHERE kind = 'coding' AND local_key LIKE old.id || ':%';` : '';
  return `
CREATE TRIGGER exchange_guids_forget_${table} AFTER DELETE ON ${table} BEGIN
  DELETE FROM exchange_guids WHERE kind = '${kind}' AND local_key = CAST(old.id AS TEXT);
  ${codings}
END;`;
}

export const migration004 = `
CREATE TABLE coders (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT ${now}
);

-- A REFI-QDA code's isCodable: a grouping code that passages are not meant to carry.
ALTER TABLE tags ADD COLUMN codable INTEGER NOT NULL DEFAULT 1 CHECK (codable IN (0, 1));

ALTER TABLE highlights ADD COLUMN coder_id INTEGER REFERENCES coders(id) ON DELETE SET NULL;
CREATE INDEX highlights_coder ON highlights(coder_id);
-- Who applied each code to a passage (a REFI-QDA coding's creatingUser); null means the passage's coder.
ALTER TABLE highlight_tags ADD COLUMN coder_id INTEGER REFERENCES coders(id) ON DELETE SET NULL;

CREATE TABLE document_attributes (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime')),
  value TEXT NOT NULL,
  UNIQUE (document_id, name)
);

CREATE TABLE exchange_guids (
  kind TEXT NOT NULL,
  local_key TEXT NOT NULL,
  guid TEXT NOT NULL,
  PRIMARY KEY (kind, local_key)
) WITHOUT ROWID;
CREATE INDEX exchange_guids_guid ON exchange_guids(guid);

${dropOplogTriggers('highlights', LOGGED_TABLES_V3.highlights)}
${dropOplogTriggers('highlight_tags', LOGGED_TABLES_V2.highlight_tags)}
${dropOplogTriggers('tags', LOGGED_TABLES_V2.tags)}
${Object.entries(LOGGED_TABLES_V4)
  .map(([table, columns]) => oplogTriggers(table, columns))
  .join('\n')}
${Object.entries(GUID_KINDS)
  .map(([table, kind]) => forgetGuidOnDelete(table, kind))
  .join('\n')}
`;
