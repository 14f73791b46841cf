import {
  deleteDocument, documentPage, documentSummaries, getDocument, getDocumentSummary, listDocuments, listOutlets,
  updateDocument,
} from '../../db/documents.js';
import { recordEdit } from '../../db/oplog.js';
import { reanchorDocument } from '../../anchoring/reanchorDocument.js';
import { ImportError } from '../../import/extractors.js';
import { extractForReimport, importFile } from '../../import/importer.js';
import type { Workspace } from '../../project/workspace.js';
import { found, invalid } from '../errors.js';
import { quoted } from '../labels.js';
import type { HandlerGroup } from '../types.js';

type DocumentOps = 'documents.list' | 'documents.page' | 'documents.summaries' | 'documents.outlets' | 'documents.get'
  | 'documents.update' | 'documents.delete' | 'documents.import' | 'documents.reimport';

export function documentHandlers(ws: Workspace): HandlerGroup<DocumentOps> {
  return {
    'documents.list': (args) => listDocuments(ws.project.db, args),
    'documents.page': ({ offset, limit, ...filters }) => documentPage(ws.project.db, filters, offset ?? 0, limit ?? 100),
    'documents.summaries': ({ ids }) => documentSummaries(ws.project.db, ids),
    'documents.outlets': () => listOutlets(ws.project.db),
    'documents.get': ({ id }) => found(getDocument(ws.project.db, id), 'document', id),
    'documents.update': ({ id, patch }) => {
      const db = ws.project.db;
      const doc = found(getDocumentSummary(db, id), 'document', id);
      recordEdit(db, { operation: 'documents.update', label: `Edit details of ${quoted(doc.title)}` },
        () => updateDocument(db, id, patch));
      return getDocumentSummary(db, id)!;
    },
    'documents.delete': ({ id }) => {
      const db = ws.project.db;
      const doc = found(getDocumentSummary(db, id), 'document', id);
      recordEdit(db, { operation: 'documents.delete', label: `Delete ${quoted(doc.title)}` }, () => deleteDocument(db, id));
      return { deleted: true };
    },
    'documents.reimport': async ({ id, fileName, base64 }) => {
      const db = ws.project.db;
      found(getDocumentSummary(db, id), 'document', id);
      let extracted;
      try {
        extracted = await extractForReimport(fileName, Buffer.from(base64, 'base64'));
      } catch (error) {
        throw invalid(error instanceof ImportError ? error.message : `${fileName} could not be read: ${(error as Error).message}`);
      }
      const report = recordEdit(db, { operation: 'documents.reimport', label: `Re-import ${fileName}` },
        () => reanchorDocument(db, id, extracted.text, extracted.pages));
      return { document: getDocumentSummary(db, id)!, ...report };
    },
    'documents.import': ({ fileName, base64, allowDuplicate, collectionId }) =>
      importFile(ws.project.db, { fileName, bytes: Buffer.from(base64, 'base64'), allowDuplicate, collectionId }),
  };
}
