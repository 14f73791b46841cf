import { deleteDocument, getDocument, getDocumentSummary, listDocuments, updateDocument } from '../../db/documents.js';
import { reanchorDocument } from '../../anchoring/reanchorDocument.js';
import { ImportError } from '../../import/extractors.js';
import { extractForReimport, importFile } from '../../import/importer.js';
import type { Workspace } from '../../project/workspace.js';
import { found, invalid, notFound } from '../errors.js';
import type { HandlerGroup } from '../types.js';

type DocumentOps = 'documents.list' | 'documents.get' | 'documents.update' | 'documents.delete' | 'documents.import' | 'documents.reimport';

export function documentHandlers(ws: Workspace): HandlerGroup<DocumentOps> {
  return {
    'documents.list': (args) => listDocuments(ws.project.db, args),
    'documents.get': ({ id }) => found(getDocument(ws.project.db, id), 'document', id),
    'documents.update': ({ id, patch }) => {
      const db = ws.project.db;
      const updated = db.transaction(() => updateDocument(db, id, patch))();
      if (!updated) throw notFound('document', id);
      return getDocumentSummary(db, id)!;
    },
    'documents.delete': ({ id }) => {
      const db = ws.project.db;
      if (!db.transaction(() => deleteDocument(db, id))()) throw notFound('document', id);
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
      const report = reanchorDocument(db, id, extracted.text, extracted.pages);
      return { document: getDocumentSummary(db, id)!, ...report };
    },
    'documents.import': ({ fileName, base64, allowDuplicate, collectionId }) =>
      importFile(ws.project.db, { fileName, bytes: Buffer.from(base64, 'base64'), allowDuplicate, collectionId }),
  };
}
