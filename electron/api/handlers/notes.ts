import type { Workspace } from '../../project/workspace.js';
import type { HandlerGroup } from '../types.js';
import { pending } from './pending.js';

export function noteHandlers(_ws: Workspace): HandlerGroup<'notes.list' | 'notes.forHighlight' | 'notes.forDocument' | 'notes.save' | 'notes.delete'> {
  return {
    'notes.list': pending('notes.list'),
    'notes.forHighlight': pending('notes.forHighlight'),
    'notes.forDocument': pending('notes.forDocument'),
    'notes.save': pending('notes.save'),
    'notes.delete': pending('notes.delete'),
  };
}
