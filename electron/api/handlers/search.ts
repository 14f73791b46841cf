import type { Workspace } from '../../project/workspace.js';
import type { HandlerGroup } from '../types.js';
import { pending } from './pending.js';

export function searchHandlers(_ws: Workspace): HandlerGroup<'search.query'> {
  return {
    'search.query': pending('search.query'),
  };
}
