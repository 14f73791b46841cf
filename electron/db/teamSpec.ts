// Which columns of which tables travel to the team server, and which of them point at other synced rows (sent as
// guids, translated to local ids on arrival). Shared by migration 013's triggers and the sync queries.
import type { SyncedTable } from '../../shared/team.js';

export interface SyncSpec {
  key: string[];
  columns: string[];
  refs: Record<string, SyncedTable>;
  /**
   * Columns added after the first servers: a new row from a desktop that does not send them yet is inserted without
   * them (any other missing column means the operation is a change to a row this copy never had).
   */
  addedLater?: string[];
  /** Columns a row cannot be inserted without (a reference that cannot be resolved skips the row). */
  required: string[];
  /**
   * Columns that name a row uniquely here (a UNIQUE constraint): a row from another member with the same values is the
   * same thing (the attribute "Region", the grade of one document), so it takes over the local row instead of
   * being refused.
   */
  sameWhen?: string[];
  /** Columns holding a memo's JSON, whose citation nodes point at passages and documents by local id. */
  citations?: string[];
  /** Columns of bytes: base64 on the wire. */
  binary?: string[];
  /** JSON columns holding local ids of other synced rows, at these paths ('*': every item of an array). */
  jsonIds?: Record<string, { path: string[]; table: SyncedTable }[]>;
}

const sideIds = (side: string) => [
  { path: [side, '*', 'highlightId'], table: 'highlights' as const },
  { path: [side, '*', 'tagIds', '*'], table: 'tags' as const },
];

export const SYNC_SPEC: Record<SyncedTable, SyncSpec> = {
  coders: { key: ['id'], columns: ['name'], refs: {}, required: [] },
  collections: { key: ['id'], columns: ['name'], refs: {}, required: [], sameWhen: ['name'] },
  // A PDF's bytes, named by their SHA-256: the same file on two machines is one row.
  original_files: {
    key: ['content_hash'],
    columns: ['content_hash', 'bytes'],
    refs: {},
    required: ['content_hash', 'bytes'],
    sameWhen: ['content_hash'],
    binary: ['bytes'],
  },
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
      'collection_id',
    ],
    refs: { collection_id: 'collections' },
    required: [],
    addedLater: ['collection_id'],
  },
  document_structure: {
    key: ['document_id'],
    columns: ['document_id', 'blocks'],
    refs: { document_id: 'documents' },
    required: ['document_id'],
    sameWhen: ['document_id'],
  },
  document_originals: {
    key: ['document_id'],
    columns: ['document_id', 'content_hash', 'media_type'],
    refs: { document_id: 'documents', content_hash: 'original_files' },
    required: ['document_id', 'content_hash'],
    sameWhen: ['document_id'],
  },
  tags: {
    key: ['id'],
    columns: ['name', 'color', 'description', 'parent_id', 'codable'],
    refs: { parent_id: 'tags' },
    required: [],
  },
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
    refs: { document_id: 'documents', coder_id: 'coders' },
    required: ['document_id'],
  },
  highlight_regions: {
    key: ['highlight_id'],
    columns: ['highlight_id', 'page', 'first_x', 'first_y', 'second_x', 'second_y', 'image_hash'],
    refs: { highlight_id: 'highlights', image_hash: 'original_files' },
    required: ['highlight_id'],
    sameWhen: ['highlight_id'],
  },
  highlight_tags: {
    key: ['highlight_id', 'tag_id'],
    columns: ['highlight_id', 'tag_id', 'position', 'coder_id'],
    refs: { highlight_id: 'highlights', tag_id: 'tags', coder_id: 'coders' },
    required: ['highlight_id', 'tag_id'],
  },
  notes: {
    key: ['id'],
    columns: ['highlight_id', 'document_id', 'content', 'text'],
    refs: { highlight_id: 'highlights', document_id: 'documents' },
    required: [],
  },
  attribute_definitions: {
    key: ['id'],
    columns: ['name', 'type', 'choices', 'position'],
    refs: {},
    required: [],
    sameWhen: ['name'],
  },
  document_attributes: {
    key: ['id'],
    columns: ['document_id', 'name', 'type', 'value'],
    refs: { document_id: 'documents' },
    required: ['document_id'],
    sameWhen: ['document_id', 'name'],
  },
  document_grades: {
    key: ['id'],
    columns: ['document_id', 'reliability'],
    refs: { document_id: 'documents' },
    required: ['document_id'],
    sameWhen: ['document_id'],
  },
  highlight_grades: {
    key: ['id'],
    columns: ['highlight_id', 'credibility'],
    refs: { highlight_id: 'highlights' },
    required: ['highlight_id'],
    sameWhen: ['highlight_id'],
  },
  memos: {
    key: ['id'],
    columns: ['title', 'content', 'document_id', 'tag_id', 'highlight_id'],
    refs: { document_id: 'documents', tag_id: 'tags', highlight_id: 'highlights' },
    required: [],
    citations: ['content'],
  },
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
    refs: { document_id: 'documents', coder_a: 'coders', coder_b: 'coders', decided_by: 'coders' },
    required: ['document_id'],
    jsonIds: {
      tag_ids: [{ path: ['*'], table: 'tags' }],
      sides: [...sideIds('a'), ...sideIds('b')],
      result: [{ path: ['*', 'tagIds', '*'], table: 'tags' }],
    },
  },
};
