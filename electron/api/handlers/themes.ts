import type { Workspace } from '../../project/workspace.js';
import type { HandlerGroup } from '../types.js';
import { pending } from './pending.js';

export function themeHandlers(_ws: Workspace): HandlerGroup<'themes.passages' | 'themes.matrix'> {
  return {
    'themes.passages': pending('themes.passages'),
    'themes.matrix': pending('themes.matrix'),
  };
}
