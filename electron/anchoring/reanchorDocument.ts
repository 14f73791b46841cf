// Replaces a document's text (re-import of an edited file) and moves every highlight to where its passage
// now is. Passages that cannot be found are kept and marked orphaned, never dropped.
import type { DocumentBlock, PageStart } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { replaceDocumentText } from '../db/documents.js';
import { setDocumentBlocks } from '../db/documentStructure.js';
import { listHighlights, moveHighlight } from '../db/highlights.js';
import { contentHash } from '../import/text.js';
import { describeAnchor, reanchor } from './anchor.js';

export interface ReanchorReport {
  placed: number;
  orphaned: number;
}

export function reanchorDocument(
  db: Db,
  documentId: number,
  newText: string,
  pages: PageStart[] | null = null,
  blocks: DocumentBlock[] | null = null,
): ReanchorReport {
  return db.transaction(() => {
    const report = { placed: 0, orphaned: 0 };
    replaceDocumentText(db, documentId, newText, contentHash(newText), pages);
    setDocumentBlocks(db, documentId, blocks);
    for (const highlight of listHighlights(db, documentId)) {
      const placement = reanchor(highlight, newText);
      moveHighlight(db, highlight.id, placement && describeAnchor(newText, placement.start, placement.end));
      report[placement ? 'placed' : 'orphaned']++;
    }
    return report;
  })();
}
