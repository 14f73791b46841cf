import { deleteCollection, getCollection, insertCollection, listCollections, renameCollection } from '../../db/collections.js';
import type { Workspace } from '../../project/workspace.js';
import { notFound } from '../errors.js';
import type { HandlerGroup } from '../types.js';

export function collectionHandlers(ws: Workspace): HandlerGroup<'collections.list' | 'collections.create' | 'collections.rename' | 'collections.delete'> {
  const db = () => ws.project.db;
  return {
    'collections.list': () => listCollections(db()),
    'collections.create': ({ name }) => { const d = db(); return d.transaction(() => getCollection(d, insertCollection(d, name))!)(); },
    'collections.rename': ({ id, name }) => {
      const d = db();
      return d.transaction(() => {
        if (!renameCollection(d, id, name)) throw notFound('collection', id);
        return getCollection(d, id)!;
      })();
    },
    'collections.delete': ({ id }) => {
      const d = db();
      if (!d.transaction(() => deleteCollection(d, id))()) throw notFound('collection', id);
      return { deleted: true };
    },
  };
}
