// Schema 13: a project published to (or joined from) a team server. Synced rows get a guid each, since local ids
// differ between machines; an outbox, fed by triggers while the project is linked, lists the rows changed since the
// last push (edits made offline wait there); team_field_seq remembers the server order of the last write to each
// field, so a later write wins and an earlier one arriving late is ignored (it stays in the server's log).

/** The synced tables and columns of schema 13, frozen here: later schemas change them with migrations of their own. */
export const SYNCED_V13: Record<string, { key: string[]; columns: string[] }> = {
  coders: { key: ['id'], columns: ['name'] },
  documents: {
    key: ['id'],
    columns: [
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
    ],
  },
  tags: { key: ['id'], columns: ['name', 'color', 'description', 'parent_id', 'codable'] },
  highlights: {
    key: ['id'],
    columns: [
      'document_id',
      'start_offset',
      'end_offset',
      'exact',
      'prefix',
      'suffix',
      'color',
      'orphaned',
      'coder_id',
    ],
  },
  highlight_tags: { key: ['highlight_id', 'tag_id'], columns: ['highlight_id', 'tag_id', 'position', 'coder_id'] },
  notes: { key: ['id'], columns: ['highlight_id', 'document_id', 'content', 'text'] },
};

/** Triggers that put a changed row of `table` in the outbox while the project is linked (and not applying). */
export function outboxTriggers(table: string, { key, columns }: { key: string[]; columns: string[] }): string {
  const keyOf = (alias: string) => `json_array(${key.map((k) => `${alias}.${k}`).join(', ')})`;
  const when = 'WHEN EXISTS (SELECT 1 FROM team_link) AND NOT EXISTS (SELECT 1 FROM team_applying)';
  const changed = columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');
  const changedNames = `json_array(${columns.map((c) => `CASE WHEN old.${c} IS NOT new.${c} THEN '${c}' END`).join(', ')})`;
  return `
CREATE TRIGGER team_${table}_insert AFTER INSERT ON ${table} ${when} BEGIN
  INSERT INTO team_outbox (tbl, local_key, kind, fields) VALUES ('${table}', ${keyOf('new')}, 'insert', NULL);
END;
CREATE TRIGGER team_${table}_update AFTER UPDATE ON ${table} ${when} AND (${changed}) BEGIN
  INSERT INTO team_outbox (tbl, local_key, kind, fields) VALUES ('${table}', ${keyOf('new')}, 'update', ${changedNames});
END;
CREATE TRIGGER team_${table}_delete AFTER DELETE ON ${table} ${when} BEGIN
  INSERT INTO team_outbox (tbl, local_key, kind, fields) VALUES ('${table}', ${keyOf('old')}, 'delete', NULL);
END;`;
}

export const migration013 = `
CREATE TABLE team_link (
  only INTEGER PRIMARY KEY CHECK (only = 1),
  url TEXT NOT NULL,
  token TEXT NOT NULL,
  client_id TEXT NOT NULL,
  member TEXT NOT NULL,
  members TEXT NOT NULL DEFAULT '[]',
  pulled_seq INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  last_sync_at TEXT
);
CREATE TABLE team_guids (
  tbl TEXT NOT NULL,
  local_key TEXT NOT NULL,
  guid TEXT NOT NULL,
  PRIMARY KEY (tbl, local_key),
  UNIQUE (tbl, guid)
);
CREATE TABLE team_field_seq (
  guid TEXT NOT NULL,
  field TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (guid, field)
) WITHOUT ROWID;
CREATE TABLE team_outbox (
  id INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  local_key TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('insert', 'update', 'delete')),
  -- JSON array of the changed columns (nulls for unchanged ones); NULL means every column.
  fields TEXT
);
CREATE INDEX team_outbox_row ON team_outbox(tbl, local_key);
-- A row while remote operations are applied, so they are not sent back.
CREATE TABLE team_applying (only INTEGER PRIMARY KEY CHECK (only = 1));
${Object.entries(SYNCED_V13)
  .map(([table, spec]) => outboxTriggers(table, spec))
  .join('\n')}
`;
