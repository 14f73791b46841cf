import {
  deleteDocument,
  documentPage,
  getDocument,
  getDocumentSummary,
  listDocuments,
  listOutlets,
  updateDocument,
} from '../../db/documents.js';
import { recordEdit } from '../../db/oplog.js';
import { reanchorDocument } from '../../anchoring/reanchorDocument.js';
import { keepOriginalPdf } from '../../db/originals.js';
import { formatOf, ImportError } from '../../import/extractors.js';
import { extractForReimport, importFile, importFiles } from '../../import/importer.js';
import type { Workspace } from '../../project/workspace.js';
import { found, invalid } from '../errors.js';
import { quoted } from '../labels.js';
import type { HandlerGroup } from '../types.js';

type DocumentOps =
  | 'documents.list'
  | 'documents.page'
  | 'documents.outlets'
  | 'documents.get'
  | 'documents.update'
  | 'documents.delete'
  | 'documents.import'
  | 'documents.reimport'
  | 'documents.cancelImport'
  | 'documents.importBatch';

export function documentHandlers(ws: Workspace): HandlerGroup<DocumentOps> {
  const imports = new RunningImports();
  return {
    'documents.list': (args) => listDocuments(ws.project.db, args),
    'documents.page': ({ offset, limit, ...filters }) =>
      documentPage(ws.project.db, filters, offset ?? 0, limit ?? 100),
    'documents.outlets': () => listOutlets(ws.project.db),
    'documents.get': ({ id }) => found(getDocument(ws.project.db, id), 'document', id),
    'documents.update': ({ id, patch }) => {
      const db = ws.project.db;
      const doc = found(getDocumentSummary(db, id), 'document', id);
      recordEdit(db, { operation: 'documents.update', label: `Edit details of ${quoted(doc.title)}` }, () =>
        updateDocument(db, id, patch),
      );
      return getDocumentSummary(db, id)!;
    },
    'documents.delete': ({ id }) => {
      const db = ws.project.db;
      const doc = found(getDocumentSummary(db, id), 'document', id);
      recordEdit(db, { operation: 'documents.delete', label: `Delete ${quoted(doc.title)}` }, () =>
        deleteDocument(db, id),
      );
      return { deleted: true };
    },
    'documents.reimport': async ({ id, fileName, base64, importId }) => {
      found(getDocumentSummary(ws.project.db, id), 'document', id);
      let extracted;
      const bytes = Buffer.from(base64, 'base64');
      try {
        extracted = await imports.run(importId, (signal) => extractForReimport(fileName, bytes, { signal }));
      } catch (error) {
        throw invalid(
          error instanceof ImportError ? error.message : `${fileName} could not be read: ${(error as Error).message}`,
        );
      }
      const db = ws.project.db;
      const report = recordEdit(db, { operation: 'documents.reimport', label: `Re-import ${fileName}` }, () => {
        const report = reanchorDocument(db, id, extracted.text, extracted.pages, extracted.blocks);
        if (formatOf(fileName) === 'pdf') keepOriginalPdf(db, id, bytes);
        return report;
      });
      return { document: getDocumentSummary(db, id)!, ...report };
    },
    'documents.import': ({ fileName, base64, allowDuplicate, collectionId, importId }) => {
      const request = { fileName, bytes: Buffer.from(base64, 'base64'), allowDuplicate, collectionId };
      return imports.run(importId, (signal) => importFile(ws.project.db, request, { signal }));
    },
    'documents.importBatch': ({ files, allowDuplicate, collectionId, importId }) =>
      imports.run(importId, (signal) =>
        importFiles(
          ws.project.db,
          files.map(({ fileName, base64 }) => ({
            fileName,
            bytes: Buffer.from(base64, 'base64'),
            allowDuplicate,
            collectionId,
          })),
          { signal },
        ),
      ),
    'documents.cancelImport': ({ importId }) => ({ cancelled: imports.cancel(importId) }),
  };
}

/** Imports in progress by the id their caller gave them, so they can be cancelled. */
class RunningImports {
  private readonly running = new Map<string, AbortController>();

  async run<T>(importId: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    if (importId !== undefined) {
      if (this.running.has(importId)) throw invalid(`An import with id ${importId} is already running.`);
      this.running.set(importId, controller);
    }
    try {
      return await work(controller.signal);
    } finally {
      if (importId !== undefined) this.running.delete(importId);
    }
  }

  cancel(importId: string): boolean {
    const controller = this.running.get(importId);
    controller?.abort();
    return controller !== undefined;
  }
}
