import { deleteMemo, getMemo, insertMemo, listMemos, updateMemo } from '../../db/memos.js';
import { resolveCitations } from '../../memo/citations.js';
import { draftFromTags } from '../../memo/draft.js';
import { memoIndex } from '../../memo/overview.js';
import { draftFromClaims, evidenceTable } from '../../memo/evidence.js';
import { getDocumentSummary } from '../../db/documents.js';
import { getTag } from '../../db/tags.js';
import { getCollection } from '../../db/collections.js';
import { getHighlights } from '../../db/highlights.js';
import { recordEdit } from '../../db/oplog.js';
import type { Workspace } from '../../project/workspace.js';
import { found } from '../errors.js';
import { quoted } from '../labels.js';
import type { HandlerGroup } from '../types.js';

type MemoOps =
  | 'memos.list'
  | 'memos.get'
  | 'memos.create'
  | 'memos.index'
  | 'memos.draftFromClaims'
  | 'memos.evidenceTable'
  | 'memos.update'
  | 'memos.delete'
  | 'memos.draftFromTags'
  | 'citations.resolve';

export function memoHandlers(ws: Workspace): HandlerGroup<MemoOps> {
  const db = () => ws.project.db;
  return {
    'memos.list': () => listMemos(db()),
    'memos.get': ({ id }) => found(getMemo(db(), id), 'memo', id),
    'memos.create': ({ title, content, documentId, tagId, highlightId }) => {
      const d = db();
      if (documentId !== undefined) found(getDocumentSummary(d, documentId), 'document', documentId);
      if (tagId !== undefined) found(getTag(d, tagId), 'tag', tagId);
      if (highlightId !== undefined) found(getHighlights(d, [highlightId]).get(highlightId), 'highlight', highlightId);
      return recordEdit(d, { operation: 'memos.create', label: `New memo ${quoted(title)}` }, () =>
        getMemo(d, insertMemo(d, title, content, { documentId, tagId, highlightId }))!,
      );
    },
    'memos.index': ({ query }) => memoIndex(db(), query),
    'memos.update': ({ id, title, content }) => {
      const d = db();
      const memo = found(getMemo(d, id), 'memo', id);
      const label =
        title !== undefined && title !== memo.title
          ? `Rename memo ${quoted(memo.title)}`
          : `Edit memo ${quoted(memo.title)}`;
      return recordEdit(d, { operation: 'memos.update', label, coalesceKey: `memo:${id}` }, () => {
        updateMemo(d, id, { title, content });
        return getMemo(d, id)!;
      });
    },
    'memos.delete': ({ id }) => {
      const d = db();
      const memo = found(getMemo(d, id), 'memo', id);
      recordEdit(d, { operation: 'memos.delete', label: `Delete memo ${quoted(memo.title)}` }, () => deleteMemo(d, id));
      return { deleted: true };
    },
    'memos.draftFromTags': ({ title, tagIds }) => {
      const d = db();
      return recordEdit(d, { operation: 'memos.draftFromTags', label: `Draft memo ${quoted(title)}` }, () =>
        getMemo(d, insertMemo(d, title, draftFromTags(d, title, tagIds)))!,
      );
    },
    'memos.draftFromClaims': ({ title, collectionId, includeSingle }) => {
      const d = db();
      if (collectionId !== undefined) found(getCollection(d, collectionId), 'collection', collectionId);
      // Clustering reads only; it runs before the edit so the transaction stays short.
      const content = draftFromClaims(d, title, { collectionId, includeSingle });
      return recordEdit(d, { operation: 'memos.draftFromClaims', label: `Draft memo ${quoted(title)}` }, () =>
        getMemo(d, insertMemo(d, title, content))!,
      );
    },
    'memos.evidenceTable': ({ collectionId, includeSingle }) => {
      if (collectionId !== undefined) found(getCollection(db(), collectionId), 'collection', collectionId);
      return evidenceTable(db(), { collectionId, includeSingle });
    },
    'citations.resolve': ({ highlightIds }) => resolveCitations(db(), highlightIds),
  };
}
