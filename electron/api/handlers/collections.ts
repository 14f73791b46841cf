import type { Workspace } from '../../project/workspace.js';
import type { HandlerGroup } from '../types.js';
import { pending } from './pending.js';

export function collectionHandlers(_ws: Workspace): HandlerGroup<'collections.list' | 'collections.create' | 'collections.rename' | 'collections.delete'> {
  return {
    'collections.list': pending('collections.list'),
    'collections.create': pending('collections.create'),
    'collections.rename': pending('collections.rename'),
    'collections.delete': pending('collections.delete'),
  };
}
