// Schema 10: what a memo is about. A memo is about the project (no subject), a document, a tag (a code memo) or a
// passage, named by one nullable column each; a deleted subject leaves the memo (the analyst's writing is never lost
// with it) as a project memo, through ON DELETE SET NULL, which the oplog records so undo restores the link.
import { dropOplogTriggers, oplogTriggers } from './oplogTriggers.js';

const OLD_COLUMNS = ['id', 'title', 'content', 'created_at', 'updated_at'];

export const LOGGED_TABLES_V10: Record<string, string[]> = {
  memos: [...OLD_COLUMNS, 'document_id', 'tag_id', 'highlight_id'],
};

export const migration010 = `
ALTER TABLE memos ADD COLUMN document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL;
ALTER TABLE memos ADD COLUMN tag_id INTEGER REFERENCES tags(id) ON DELETE SET NULL;
ALTER TABLE memos ADD COLUMN highlight_id INTEGER REFERENCES highlights(id) ON DELETE SET NULL;
CREATE INDEX memos_document ON memos(document_id) WHERE document_id IS NOT NULL;
CREATE INDEX memos_tag ON memos(tag_id) WHERE tag_id IS NOT NULL;
CREATE INDEX memos_highlight ON memos(highlight_id) WHERE highlight_id IS NOT NULL;
${dropOplogTriggers('memos', OLD_COLUMNS)}
${oplogTriggers('memos', LOGGED_TABLES_V10.memos)}
`;
