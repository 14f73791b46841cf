import { deleteMemo, getMemo, insertMemo, listMemos, updateMemo } from '../../db/memos.js';
import { resolveCitations } from '../../memo/citations.js';
import { draftFromTags } from '../../memo/draft.js';
import type { Workspace } from '../../project/workspace.js';
import { found, notFound } from '../errors.js';
import type { HandlerGroup } from '../types.js';

type MemoOps = 'memos.list' | 'memos.get' | 'memos.create' | 'memos.update' | 'memos.delete' | 'memos.draftFromTags' | 'citations.resolve';

export function memoHandlers(ws: Workspace): HandlerGroup<MemoOps> {
  const db = () => ws.project.db;
  return {
    'memos.list': () => listMemos(db()),
    'memos.get': ({ id }) => found(getMemo(db(), id), 'memo', id),
    'memos.create': ({ title, content }) => {
      const d = db();
      return d.transaction(() => getMemo(d, insertMemo(d, title, content))!)();
    },
    'memos.update': ({ id, title, content }) => {
      const d = db();
      return d.transaction(() => {
        if (!updateMemo(d, id, { title, content })) throw notFound('memo', id);
        return getMemo(d, id)!;
      })();
    },
    'memos.delete': ({ id }) => {
      const d = db();
      if (!d.transaction(() => deleteMemo(d, id))()) throw notFound('memo', id);
      return { deleted: true };
    },
    'memos.draftFromTags': ({ title, tagIds }) => {
      const d = db();
      return d.transaction(() => getMemo(d, insertMemo(d, title, draftFromTags(d, title, tagIds)))!)();
    },
    'citations.resolve': ({ highlightIds }) => resolveCitations(db(), highlightIds),
  };
}
