import { searchAll } from '../../db/search.js';
import type { Workspace } from '../../project/workspace.js';
import { parseQuery } from '../../search/query.js';
import { invalid } from '../errors.js';
import type { HandlerGroup } from '../types.js';

export function searchHandlers(ws: Workspace): HandlerGroup<'search.query'> {
  return {
    'search.query': ({ query, ...options }) => {
      const parsed = parseQuery(query);
      if (!parsed)
        throw invalid('search.query: type a word or a "quoted phrase" to search for (operators alone find nothing).');
      return searchAll(ws.project.db, parsed, options);
    },
  };
}
