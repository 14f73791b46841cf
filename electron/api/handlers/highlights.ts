import type { Highlight } from '../../../shared/types.js';
import { describeAnchor } from '../../anchoring/anchor.js';
import { ensureDefaultCoder } from '../../db/coders.js';
import type { Db } from '../../db/connection.js';
import { getDocumentText } from '../../db/documents.js';
import {
  deleteHighlight,
  getHighlight,
  insertHighlight,
  listHighlights,
  moveHighlight,
  setHighlightColor,
  setHighlightTags,
} from '../../db/highlights.js';
import { noteForHighlight } from '../../db/notes.js';
import { currentAuthor, recordEdit } from '../../db/oplog.js';
import { existingTagIds } from '../../db/tags.js';
import type { Workspace } from '../../project/workspace.js';
import { found, invalid, notFound } from '../errors.js';
import { quoted } from '../labels.js';
import type { HandlerGroup } from '../types.js';

type HighlightOps = 'highlights.list' | 'highlights.create' | 'highlights.update' | 'highlights.delete';

export function highlightHandlers(ws: Workspace): HandlerGroup<HighlightOps> {
  const db = () => ws.project.db;
  return {
    'highlights.list': ({ documentId }) => listHighlights(db(), documentId),
    'highlights.create': ({ documentId, start, end, color, tagIds }) => {
      const d = db();
      const text = found(getDocumentText(d, documentId), 'document', documentId);
      const anchor = checkedAnchor(text, start, end, 'highlights.create');
      return recordEdit(d, { operation: 'highlights.create', label: `Highlight ${quoted(anchor.exact)}` }, () => {
        const coderId = ensureDefaultCoder(d, currentAuthor());
        const id = insertHighlight(d, { documentId, color: color ?? null, coderId, ...anchor });
        if (tagIds?.length) setHighlightTags(d, id, checkedTags(d, tagIds));
        return getHighlight(d, id)!;
      });
    },
    'highlights.update': ({ id, color, tagIds, start, end }) => {
      const d = db();
      const highlight = found(getHighlight(d, id), 'highlight', id);
      return recordEdit(
        d,
        { operation: 'highlights.update', label: updateLabel(highlight, { color, tagIds, start }) },
        () => {
          if (color !== undefined) setHighlightColor(d, id, color);
          if (tagIds !== undefined) setHighlightTags(d, id, checkedTags(d, tagIds));
          if (start !== undefined && end !== undefined) {
            const text = getDocumentText(d, highlight.documentId) ?? '';
            moveHighlight(d, id, checkedAnchor(text, start, end, 'highlights.update'));
          }
          return getHighlight(d, id)!;
        },
      );
    },
    'highlights.delete': ({ id }) => {
      const d = db();
      const highlight = found(getHighlight(d, id), 'highlight', id);
      return recordEdit(
        d,
        { operation: 'highlights.delete', label: `Delete highlight ${quoted(highlight.exact)}` },
        () => {
          const note = noteForHighlight(d, id) ?? null;
          deleteHighlight(d, id);
          return { highlight, note };
        },
      );
    },
  };
}

function checkedAnchor(text: string, start: number, end: number, op: string) {
  if (end > text.length)
    throw invalid(`${op}: end ${end} is past the end of the document (${text.length} characters).`);
  if (!text.slice(start, end).trim()) throw invalid(`${op}: the selection contains no text.`);
  return describeAnchor(text, start, end);
}

function updateLabel(h: Highlight, change: { color?: unknown; tagIds?: unknown; start?: unknown }): string {
  const what = change.start !== undefined ? 'Move' : change.tagIds !== undefined ? 'Tag' : 'Recolour';
  return `${what} ${quoted(h.exact)}`;
}

function checkedTags(db: Db, tagIds: number[]): number[] {
  const unique = [...new Set(tagIds)];
  const existing = existingTagIds(db, unique);
  const missing = unique.filter((id) => !existing.includes(id));
  if (missing.length) throw notFound('tag', missing[0]);
  return unique;
}
