import type { Workspace } from '../../project/workspace.js';
import type { HandlerGroup } from '../types.js';
import { pending } from './pending.js';

export function tagHandlers(_ws: Workspace): HandlerGroup<'tags.list' | 'tags.create' | 'tags.update' | 'tags.merge' | 'tags.delete'> {
  return {
    'tags.list': pending('tags.list'),
    'tags.create': pending('tags.create'),
    'tags.update': pending('tags.update'),
    'tags.merge': pending('tags.merge'),
    'tags.delete': pending('tags.delete'),
  };
}
