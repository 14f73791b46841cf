import type { HistoryEntry, HistoryStep } from '../../../shared/types.js';
import type { Db } from '../../db/connection.js';
import { firstUndone, lastDone, readChanges, redoNext, undoLast, type OpEntry } from '../../db/oplog.js';
import type { Workspace } from '../../project/workspace.js';
import type { HandlerGroup } from '../types.js';

export function historyHandlers(ws: Workspace): HandlerGroup<'history.state' | 'history.undo' | 'history.redo'> {
  const db = () => ws.project.db;
  return {
    'history.state': () => state(db()),
    'history.undo': () => step(db(), undoLast(db())),
    'history.redo': () => step(db(), redoNext(db())),
  };
}

function state(db: Db) {
  return { undo: entryOf(lastDone(db)), redo: entryOf(firstUndone(db)) };
}

function step(db: Db, entry: OpEntry | undefined): HistoryStep {
  return { ...state(db), entry: entryOf(entry), documentId: entry ? documentOf(db, entry.id) : null };
}

function entryOf(entry: OpEntry | undefined): HistoryEntry | null {
  if (!entry) return null;
  const { updatedAt: _updatedAt, ...rest } = entry;
  return rest;
}

/** The document an edit was made in, if it was made in one, so the UI can show where undo acted. */
function documentOf(db: Db, opId: number): number | null {
  for (const change of readChanges(db, opId)) {
    const row = change.after ?? change.before;
    if (change.tbl === 'highlights' && typeof row?.document_id === 'number') return row.document_id;
    if (change.tbl === 'documents' && typeof change.rowKey[0] === 'number') return change.rowKey[0];
  }
  return null;
}
