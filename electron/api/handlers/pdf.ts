// PDF pages: the original bytes of an imported PDF, which the renderer's page view draws with pdf.js, and
// region highlights (a rectangle on a page, with the image cropped from it).
import { describeAnchor } from '../../anchoring/anchor.js';
import { ensureDefaultCoder } from '../../db/coders.js';
import { getDocumentSummary, getDocumentText } from '../../db/documents.js';
import { getHighlight, insertHighlight } from '../../db/highlights.js';
import { currentAuthor, recordEdit } from '../../db/oplog.js';
import { getOriginalPdf, hasOriginalPdf } from '../../db/originals.js';
import { insertRegion, listRegions, regionsOf } from '../../db/regions.js';
import type { Workspace } from '../../project/workspace.js';
import { found, invalid } from '../errors.js';
import type { HandlerGroup } from '../types.js';

type PdfOps = 'documents.originalPdf' | 'regions.list' | 'regions.get' | 'regions.create';

export function pdfHandlers(ws: Workspace): HandlerGroup<PdfOps> {
  return {
    'documents.originalPdf': ({ id }) => {
      found(getDocumentSummary(ws.project.db, id), 'document', id);
      const bytes = getOriginalPdf(ws.project.db, id);
      return bytes ? { base64: bytes.toString('base64') } : null;
    },
    'regions.list': ({ documentId }) => {
      found(getDocumentSummary(ws.project.db, documentId), 'document', documentId);
      return listRegions(ws.project.db, documentId);
    },
    'regions.get': ({ highlightIds }) => [...regionsOf(ws.project.db, highlightIds).values()],
    'regions.create': ({ documentId, start, end, page, firstX, firstY, secondX, secondY, imageBase64 }) => {
      const db = ws.project.db;
      const doc = found(getDocumentSummary(db, documentId), 'document', documentId);
      if (!hasOriginalPdf(db, documentId)) {
        throw invalid(`regions.create: “${doc.title}” has no PDF pages to draw a region on.`);
      }
      const text = getDocumentText(db, documentId) ?? '';
      if (end > text.length) throw invalid(`regions.create: end ${end} is past the end of the document.`);
      if (!text.slice(start, end).trim()) throw invalid('regions.create: the region needs text under or near it.');
      const anchor = describeAnchor(text, start, end);
      const image = imageBase64 ? Buffer.from(imageBase64, 'base64') : null;
      return recordEdit(db, { operation: 'regions.create', label: `Highlight a region on page ${page}` }, () => {
        const coderId = ensureDefaultCoder(db, currentAuthor());
        const highlightId = insertHighlight(db, { documentId, color: null, coderId, ...anchor });
        insertRegion(db, { highlightId, page, firstX, firstY, secondX, secondY, image });
        return getHighlight(db, highlightId)!;
      });
    },
  };
}
