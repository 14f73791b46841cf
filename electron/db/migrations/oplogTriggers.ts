// The triggers that feed the operation log, generated from a table's columns. A migration that changes a logged
// table's columns drops and recreates them with `dropOplogTriggers` + `oplogTriggers` and the new column list.

/** Primary key columns of the logged tables (highlight_tags is keyed by both ids). */
export const LOGGED_KEYS: Record<string, string[]> = {
  highlight_tags: ['highlight_id', 'tag_id'],
  exchange_guids: ['kind', 'local_key'],
  document_originals: ['document_id'],
  document_structure: ['document_id'],
  highlight_regions: ['highlight_id'],
  entity_keys: ['key'],
  // Schema 15 on: mentions are kept in document order.
  entity_mentions: ['document_id', 'id'],
};

export function keyColumns(table: string): string[] {
  return LOGGED_KEYS[table] ?? ['id'];
}

// Document text (and its derived search form) is large: an update records it only when it changed, in a change of
// its own.
const LARGE_COLUMNS: Record<string, string[]> = {
  documents: ['text', 'search_text'],
  document_structure: ['blocks'],
};

function largeColumns(table: string, columns: string[]): string[] {
  return (LARGE_COLUMNS[table] ?? []).filter((c) => columns.includes(c));
}

function rowJson(alias: 'old' | 'new', columns: string[]): string {
  return `json_object(${columns.map((c) => `'${c}', ${alias}.${c}`).join(', ')})`;
}

function logChange(table: string, kind: string, keyAlias: 'old' | 'new', before: string, after: string): string {
  const key = `json_array(${keyColumns(table)
    .map((c) => `${keyAlias}.${c}`)
    .join(', ')})`;
  return `INSERT INTO oplog_changes (op_id, seq, tbl, row_key, kind, before, after)
    SELECT c.op_id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM oplog_changes WHERE op_id = c.op_id), '${table}', ${key},
      '${kind}', ${before}, ${after}
    FROM oplog_current c;`;
}

export function oplogTriggers(table: string, columns: string[]): string {
  const large = largeColumns(table, columns);
  const small = columns.filter((c) => !large.includes(c));
  const when = 'WHEN EXISTS (SELECT 1 FROM oplog_current)';
  const largeTriggers = large
    .map(
      (column) => `
CREATE TRIGGER oplog_${table}_update_${column} AFTER UPDATE OF ${column} ON ${table}
${when} AND old.${column} IS NOT new.${column} BEGIN
  ${logChange(table, 'update', 'new', `json_object('${column}', old.${column})`, `json_object('${column}', new.${column})`)}
END;`,
    )
    .join('');
  return `
CREATE TRIGGER oplog_${table}_insert AFTER INSERT ON ${table} ${when} BEGIN
  ${logChange(table, 'insert', 'new', 'NULL', large.length ? 'NULL' : rowJson('new', columns))}
END;
CREATE TRIGGER oplog_${table}_update AFTER UPDATE OF ${small.join(', ')} ON ${table} ${when} BEGIN
  ${logChange(table, 'update', 'new', rowJson('old', small), rowJson('new', small))}
END;
CREATE TRIGGER oplog_${table}_delete AFTER DELETE ON ${table} ${when} BEGIN
  ${logChange(table, 'delete', 'old', rowJson('old', columns), 'NULL')}
END;${largeTriggers}`;
}

export function dropOplogTriggers(table: string, columns: string[]): string {
  const large = largeColumns(table, columns);
  return ['insert', 'update', 'delete', ...large.map((c) => `update_${c}`)]
    .map((suffix) => `DROP TRIGGER IF EXISTS oplog_${table}_${suffix};`)
    .join('\n');
}
