import type { Highlight } from '../../../shared/types.js';
import { describeAnchor } from '../../anchoring/anchor.js';
import type { Db } from '../../db/connection.js';
import { getDocumentText } from '../../db/documents.js';
import {
  deleteHighlight, getHighlight, insertHighlight, listHighlights, setHighlightColor, setHighlightTags,
} from '../../db/highlights.js';
import { noteForHighlight, restoreNote } from '../../db/notes.js';
import { existingTagIds } from '../../db/tags.js';
import type { Workspace } from '../../project/workspace.js';
import { conflict, found, invalid, notFound } from '../errors.js';
import type { HandlerGroup } from '../types.js';

type HighlightOps = 'highlights.list' | 'highlights.create' | 'highlights.update' | 'highlights.delete' | 'highlights.restore';

export function highlightHandlers(ws: Workspace): HandlerGroup<HighlightOps> {
  const db = () => ws.project.db;
  return {
    'highlights.list': ({ documentId }) => listHighlights(db(), documentId),
    'highlights.create': ({ documentId, start, end, color, tagIds }) => {
      const d = db();
      const text = found(getDocumentText(d, documentId), 'document', documentId);
      if (end > text.length) throw invalid(`highlights.create: end ${end} is past the end of the document (${text.length} characters).`);
      if (!text.slice(start, end).trim()) throw invalid('highlights.create: the selection contains no text.');
      return d.transaction(() => {
        const id = insertHighlight(d, { documentId, color: color ?? null, ...describeAnchor(text, start, end) });
        if (tagIds?.length) setHighlightTags(d, id, checkedTags(d, tagIds));
        return getHighlight(d, id)!;
      })();
    },
    'highlights.update': ({ id, color, tagIds }) => {
      const d = db();
      return d.transaction(() => {
        found(getHighlight(d, id), 'highlight', id);
        if (color !== undefined) setHighlightColor(d, id, color);
        if (tagIds !== undefined) setHighlightTags(d, id, checkedTags(d, tagIds));
        return getHighlight(d, id)!;
      })();
    },
    'highlights.delete': ({ id }) => {
      const d = db();
      return d.transaction(() => {
        const highlight = found(getHighlight(d, id), 'highlight', id);
        const note = noteForHighlight(d, id) ?? null;
        deleteHighlight(d, id);
        return { highlight, note };
      })();
    },
    'highlights.restore': ({ highlight, note }) => {
      const d = db();
      return d.transaction(() => restoreHighlight(d, highlight, note))();
    },
  };
}

function checkedTags(db: Db, tagIds: number[]): number[] {
  const unique = [...new Set(tagIds)];
  const existing = existingTagIds(db, unique);
  const missing = unique.filter((id) => !existing.includes(id));
  if (missing.length) throw notFound('tag', missing[0]);
  return unique;
}

function restoreHighlight(db: Db, h: Highlight, note: Parameters<typeof restoreNote>[1] | null): Highlight {
  if (getHighlight(db, h.id)) throw conflict(`highlight ${h.id} already exists.`);
  found(getDocumentText(db, h.documentId), 'document', h.documentId);
  if (note && note.highlightId !== h.id) throw invalid('highlights.restore: the note belongs to another highlight.');
  insertHighlight(db, { ...h, orphaned: h.orphaned });
  setHighlightTags(db, h.id, existingTagIds(db, h.tagIds));
  if (note) restoreNote(db, note);
  return getHighlight(db, h.id)!;
}
