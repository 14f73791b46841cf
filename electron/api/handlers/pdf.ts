// PDF pages: the original bytes of an imported PDF, which the renderer's page view draws with pdf.js.
import { getDocumentSummary } from '../../db/documents.js';
import { getOriginalPdf } from '../../db/originals.js';
import type { Workspace } from '../../project/workspace.js';
import { found } from '../errors.js';
import type { HandlerGroup } from '../types.js';

export function pdfHandlers(ws: Workspace): HandlerGroup<'documents.originalPdf'> {
  return {
    'documents.originalPdf': ({ id }) => {
      found(getDocumentSummary(ws.project.db, id), 'document', id);
      const bytes = getOriginalPdf(ws.project.db, id);
      return bytes ? { base64: bytes.toString('base64') } : null;
    },
  };
}
