// Schema 14: entity mentions stored smaller (0.36× the text they were read from, mostly indexes). The table is kept
// in document order (WITHOUT ROWID, keyed by document and id), so the by-document index goes, and a mention keeps its
// length, not its end offset. Ids stay ids the API and the operation log know, drawn from a sequence that never gives
// out an id again (as AUTOINCREMENT did: a deleted mention an undo puts back keeps its own). Logged changes of
// mentions already in the operation log are rewritten to the new key and columns, so they still undo.
import { dropOplogTriggers, oplogTriggers } from './oplogTriggers.js';
import { LOGGED_TABLES_V11 } from './011_entities.js';

export const LOGGED_MENTION_COLUMNS_V14 = ['document_id', 'id', 'entity_id', 'start_offset', 'length'];

const withLength = (json: string) =>
  `CASE WHEN ${json} IS NULL THEN NULL ELSE json_remove(json_set(${json}, '$.length',
    json_extract(${json}, '$.end_offset') - json_extract(${json}, '$.start_offset')), '$.end_offset') END`;

export const migration014 = `
${dropOplogTriggers('entity_mentions', LOGGED_TABLES_V11.entity_mentions)}
CREATE TABLE entity_mention_sequence (
  only INTEGER PRIMARY KEY CHECK (only = 1),
  last_id INTEGER NOT NULL
);
INSERT INTO entity_mention_sequence (only, last_id) VALUES (1, MAX(
  COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'entity_mentions'), 0),
  COALESCE((SELECT MAX(id) FROM entity_mentions), 0)));
CREATE TABLE entity_mentions_v14 (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  start_offset INTEGER NOT NULL,
  length INTEGER NOT NULL,
  PRIMARY KEY (document_id, id)
) WITHOUT ROWID;
INSERT INTO entity_mentions_v14 (document_id, id, entity_id, start_offset, length)
  SELECT document_id, id, entity_id, start_offset, end_offset - start_offset FROM entity_mentions;
DROP TABLE entity_mentions;
ALTER TABLE entity_mentions_v14 RENAME TO entity_mentions;
CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id, document_id);
UPDATE oplog_changes SET
  row_key = json_array(json_extract(COALESCE(before, after), '$.document_id'), json_extract(row_key, '$[0]')),
  before = ${withLength('before')},
  after = ${withLength('after')}
WHERE tbl = 'entity_mentions';
${oplogTriggers('entity_mentions', LOGGED_MENTION_COLUMNS_V14)}
`;
