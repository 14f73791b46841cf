import {
  deleteCollection,
  getCollection,
  insertCollection,
  listCollections,
  renameCollection,
} from '../../db/collections.js';
import { recordEdit } from '../../db/oplog.js';
import type { Workspace } from '../../project/workspace.js';
import { found, notFound } from '../errors.js';
import { quoted } from '../labels.js';
import type { HandlerGroup } from '../types.js';

export function collectionHandlers(
  ws: Workspace,
): HandlerGroup<'collections.list' | 'collections.create' | 'collections.rename' | 'collections.delete'> {
  const db = () => ws.project.db;
  return {
    'collections.list': () => listCollections(db()),
    'collections.create': ({ name }) => {
      const d = db();
      return recordEdit(d, { operation: 'collections.create', label: `New collection ${quoted(name)}` }, () =>
        getCollection(d, insertCollection(d, name))!,
      );
    },
    'collections.rename': ({ id, name }) => {
      const d = db();
      return recordEdit(d, { operation: 'collections.rename', label: `Rename collection to ${quoted(name)}` }, () => {
        if (!renameCollection(d, id, name)) throw notFound('collection', id);
        return getCollection(d, id)!;
      });
    },
    'collections.delete': ({ id }) => {
      const d = db();
      const collection = found(getCollection(d, id), 'collection', id);
      recordEdit(d, { operation: 'collections.delete', label: `Delete collection ${quoted(collection.name)}` }, () =>
        deleteCollection(d, id),
      );
      return { deleted: true };
    },
  };
}
