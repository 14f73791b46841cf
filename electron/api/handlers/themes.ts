import type { TagMatrix, ThemeGroup } from '../../../shared/types.js';
import { documentHeading, getDocumentText, listDocuments } from '../../db/documents.js';
import { getHighlights } from '../../db/highlights.js';
import { noteForHighlight } from '../../db/notes.js';
import { listTags } from '../../db/tags.js';
import { passagesWithTags, tagCooccurrences, tagDocumentCounts } from '../../db/themes.js';
import type { Workspace } from '../../project/workspace.js';
import type { HandlerGroup } from '../types.js';

const CONTEXT = 160;

export function themeHandlers(ws: Workspace): HandlerGroup<'themes.passages' | 'themes.matrix'> {
  const db = () => ws.project.db;
  return {
    'themes.passages': ({ tagIds, mode }) => {
      const d = db();
      const rows = passagesWithTags(d, tagIds, mode);
      const highlights = getHighlights(d, rows.map((r) => r.highlightId));
      const groups = new Map<number, ThemeGroup>();
      const texts = new Map<number, string>();
      for (const row of rows) {
        let group = groups.get(row.documentId);
        if (!group) {
          group = { document: documentHeading(d, row.documentId)!, passages: [] };
          groups.set(row.documentId, group);
          texts.set(row.documentId, getDocumentText(d, row.documentId) ?? '');
        }
        const highlight = highlights.get(row.highlightId)!;
        const text = texts.get(row.documentId)!;
        group.passages.push({
          highlight,
          before: highlight.orphaned ? highlight.prefix : text.slice(Math.max(0, highlight.start - CONTEXT), highlight.start),
          after: highlight.orphaned ? highlight.suffix : text.slice(highlight.end, highlight.end + CONTEXT),
          noteText: noteForHighlight(d, highlight.id)?.text ?? null,
        });
      }
      return [...groups.values()];
    },
    'themes.matrix': () => {
      const d = db();
      const tags = listTags(d);
      const documents = listDocuments(d, { sort: 'importedAt' }).map((doc) => ({ id: doc.id, title: doc.title }));
      const tagIndex = new Map(tags.map((t, i) => [t.id, i]));
      const docIndex = new Map(documents.map((doc, i) => [doc.id, i]));
      const matrix: TagMatrix = {
        tags, documents,
        countsByDocument: tags.map(() => documents.map(() => 0)),
        cooccurrence: tags.map(() => tags.map(() => 0)),
      };
      for (const { tagId, documentId, count } of tagDocumentCounts(d)) {
        matrix.countsByDocument[tagIndex.get(tagId)!][docIndex.get(documentId)!] = count;
      }
      for (const { a, b, count } of tagCooccurrences(d)) {
        const i = tagIndex.get(a)!;
        const j = tagIndex.get(b)!;
        matrix.cooccurrence[i][j] = count;
        matrix.cooccurrence[j][i] = count;
      }
      tags.forEach((t, i) => { matrix.cooccurrence[i][i] = t.highlightCount; });
      return matrix;
    },
  };
}
