import type { Workspace } from '../../project/workspace.js';
import type { HandlerGroup } from '../types.js';
import { pending } from './pending.js';

export function memoHandlers(_ws: Workspace): HandlerGroup<'memos.list' | 'memos.get' | 'memos.create' | 'memos.update' | 'memos.delete' | 'memos.draftFromTags' | 'citations.resolve'> {
  return {
    'memos.list': pending('memos.list'),
    'memos.get': pending('memos.get'),
    'memos.create': pending('memos.create'),
    'memos.update': pending('memos.update'),
    'memos.delete': pending('memos.delete'),
    'memos.draftFromTags': pending('memos.draftFromTags'),
    'citations.resolve': pending('citations.resolve'),
  };
}
