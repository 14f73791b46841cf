import type { Workspace } from '../../project/workspace.js';
import type { HandlerGroup } from '../types.js';
import { pending } from './pending.js';

export function highlightHandlers(_ws: Workspace): HandlerGroup<'highlights.list' | 'highlights.create' | 'highlights.update' | 'highlights.delete' | 'highlights.restore'> {
  return {
    'highlights.list': pending('highlights.list'),
    'highlights.create': pending('highlights.create'),
    'highlights.update': pending('highlights.update'),
    'highlights.delete': pending('highlights.delete'),
    'highlights.restore': pending('highlights.restore'),
  };
}
