// Schema 15: memos, collections, attributes, grades, agreement decisions, documents' structure, PDF originals and
// region highlights travel to the team server too. The outbox gets triggers for their tables, the documents'
// triggers are rebuilt to carry the collection a document is in, and a project that is already linked sends what it
// holds of them at its next sync.
import { outboxTriggers, SYNCED_V13 } from './013_team.js';

/** The tables and columns this schema adds to team sync, frozen here (electron/db/teamSpec.ts is the live list). */
const ADDED_V15: Record<string, { key: string[]; columns: string[] }> = {
  collections: { key: ['id'], columns: ['name'] },
  original_files: { key: ['content_hash'], columns: ['content_hash', 'bytes'] },
  document_originals: { key: ['document_id'], columns: ['document_id', 'content_hash', 'media_type'] },
  highlight_regions: {
    key: ['highlight_id'],
    columns: ['highlight_id', 'page', 'first_x', 'first_y', 'second_x', 'second_y', 'image_hash'],
  },
  document_structure: { key: ['document_id'], columns: ['document_id', 'blocks'] },
  attribute_definitions: { key: ['id'], columns: ['name', 'type', 'choices', 'position'] },
  document_attributes: { key: ['id'], columns: ['document_id', 'name', 'type', 'value'] },
  document_grades: { key: ['id'], columns: ['document_id', 'reliability'] },
  highlight_grades: { key: ['id'], columns: ['highlight_id', 'credibility'] },
  memos: { key: ['id'], columns: ['title', 'content', 'document_id', 'tag_id', 'highlight_id'] },
  agreement_decisions: {
    key: ['id'],
    columns: [
      'document_id',
      'start_offset',
      'end_offset',
      'coder_a',
      'coder_b',
      'kind',
      'choice',
      'tag_ids',
      'sides',
      'result',
      'reason',
      'decided_by',
      'decided_at',
    ],
  },
};

const DOCUMENTS_V15 = { key: ['id'], columns: [...SYNCED_V13.documents!.columns, 'collection_id'] };

const linked = 'WHERE EXISTS (SELECT 1 FROM team_link)';

export const migration015 = `
DROP TRIGGER team_documents_insert;
DROP TRIGGER team_documents_update;
DROP TRIGGER team_documents_delete;
${outboxTriggers('documents', DOCUMENTS_V15)}
${Object.entries(ADDED_V15)
  .map(([table, spec]) => outboxTriggers(table, spec))
  .join('\n')}
INSERT INTO team_outbox (tbl, local_key, kind, fields)
  SELECT 'collections', json_array(id), 'insert', NULL FROM collections ${linked} ORDER BY id;
INSERT INTO team_outbox (tbl, local_key, kind, fields)
  SELECT 'original_files', json_array(content_hash), 'insert', NULL FROM original_files ${linked} ORDER BY content_hash;
INSERT INTO team_outbox (tbl, local_key, kind, fields)
  SELECT 'documents', json_array(id), 'update', json_array('collection_id') FROM documents
  ${linked} AND collection_id IS NOT NULL ORDER BY id;
INSERT INTO team_outbox (tbl, local_key, kind, fields)
  SELECT 'document_structure', json_array(document_id), 'insert', NULL FROM document_structure ${linked}
  ORDER BY document_id;
INSERT INTO team_outbox (tbl, local_key, kind, fields)
  SELECT 'document_originals', json_array(document_id), 'insert', NULL FROM document_originals ${linked}
  ORDER BY document_id;
INSERT INTO team_outbox (tbl, local_key, kind, fields)
  SELECT 'highlight_regions', json_array(highlight_id), 'insert', NULL FROM highlight_regions ${linked}
  ORDER BY highlight_id;
${[
  'attribute_definitions',
  'document_attributes',
  'document_grades',
  'highlight_grades',
  'memos',
  'agreement_decisions',
]
  .map(
    (table) => `INSERT INTO team_outbox (tbl, local_key, kind, fields)
  SELECT '${table}', json_array(id), 'insert', NULL FROM ${table} ${linked} ORDER BY id;`,
  )
  .join('\n')}
`;
