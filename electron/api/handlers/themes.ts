import type { TagMatrix } from '../../../shared/types.js';
import { listTags } from '../../db/tags.js';
import {
  codedDocuments,
  tagCooccurrences,
  tagDocumentCounts,
  themeGroups,
  themeOutline,
  themeRows,
} from '../../db/themes.js';
import type { Workspace } from '../../project/workspace.js';
import type { HandlerGroup } from '../types.js';

export function themeHandlers(
  ws: Workspace,
): HandlerGroup<'themes.passages' | 'themes.outline' | 'themes.rows' | 'themes.matrix'> {
  const db = () => ws.project.db;
  return {
    'themes.passages': ({ tagIds, mode, ...options }) => themeGroups(db(), tagIds, mode, options),
    'themes.outline': ({ tagIds, mode, ...options }) => themeOutline(db(), tagIds, mode, options),
    'themes.rows': ({ highlightIds, documentIds }) => themeRows(db(), highlightIds, documentIds),
    'themes.matrix': () => {
      const d = db();
      const tags = listTags(d);
      const documents = codedDocuments(d);
      const tagIndex = new Map(tags.map((t, i) => [t.id, i]));
      const docIndex = new Map(documents.map((doc, i) => [doc.id, i]));
      const matrix: TagMatrix = {
        tags,
        documents,
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
      tags.forEach((t, i) => {
        matrix.cooccurrence[i][i] = t.highlightCount;
      });
      return matrix;
    },
  };
}
