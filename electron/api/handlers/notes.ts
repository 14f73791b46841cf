import { getDocumentSummary } from '../../db/documents.js';
import { getHighlight } from '../../db/highlights.js';
import { deleteNote, getNote, listNotes, noteForDocument, noteForHighlight, saveNote } from '../../db/notes.js';
import { recordEdit } from '../../db/oplog.js';
import type { Workspace } from '../../project/workspace.js';
import { found, notFound } from '../errors.js';
import type { HandlerGroup } from '../types.js';

type NoteOps = 'notes.list' | 'notes.forHighlight' | 'notes.forDocument' | 'notes.save' | 'notes.delete';

export function noteHandlers(ws: Workspace): HandlerGroup<NoteOps> {
  const db = () => ws.project.db;
  return {
    'notes.list': ({ documentId }) => listNotes(db(), documentId),
    'notes.forHighlight': ({ highlightId }) => noteForHighlight(db(), highlightId) ?? null,
    'notes.forDocument': ({ documentId }) => noteForDocument(db(), documentId) ?? null,
    'notes.save': ({ highlightId, documentId, content, text }) => {
      const d = db();
      const ownerDocument =
        highlightId !== undefined
          ? found(getHighlight(d, highlightId), 'highlight', highlightId).documentId
          : found(getDocumentSummary(d, documentId!), 'document', documentId!).id;
      // A burst of typing in one note is one undo step.
      const coalesceKey =
        highlightId !== undefined ? `note:highlight:${highlightId}` : `note:document:${ownerDocument}`;
      const label = highlightId !== undefined ? 'Edit note on a passage' : 'Edit note on a document';
      return recordEdit(d, { operation: 'notes.save', label, coalesceKey }, () => {
        const id = saveNote(d, { highlightId: highlightId ?? null, documentId: ownerDocument, content, text });
        return getNote(d, id)!;
      });
    },
    'notes.delete': ({ id }) => {
      const d = db();
      if (!recordEdit(d, { operation: 'notes.delete', label: 'Delete note' }, () => deleteNote(d, id)))
        throw notFound('note', id);
      return { deleted: true };
    },
  };
}
