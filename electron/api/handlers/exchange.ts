import path from 'node:path';
import { GlossError } from '../../../shared/api.js';
import type { Coder } from '../../../shared/types.js';
import { getCoder, listCoders, renameCoder } from '../../db/coders.js';
import { recordEdit } from '../../db/oplog.js';
import { ExchangeError } from '../../exchange/errors.js';
import { exportCodebook, exportProject } from '../../exchange/exportProject.js';
import { importQdc, importQdpx } from '../../exchange/importExchange.js';
import type { Workspace } from '../../project/workspace.js';
import { found, invalid } from '../errors.js';
import { quoted } from '../labels.js';
import type { HandlerGroup } from '../types.js';

type ExchangeOps =
  | 'exchange.importProject'
  | 'exchange.importCodebook'
  | 'exchange.exportProject'
  | 'exchange.exportCodebook'
  | 'coders.list'
  | 'coders.rename';

/** A refusal of the file becomes invalid_argument with its message; anything else stays internal. */
async function refusing<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ExchangeError) throw invalid(error.message);
    throw error;
  }
}

function projectName(ws: Workspace): string {
  return path.basename(ws.project.path).replace(/\.[^.]+$/, '') || 'Gloss project';
}

export function exchangeHandlers(ws: Workspace): HandlerGroup<ExchangeOps> {
  const db = () => ws.project.db;
  return {
    'exchange.importProject': ({ fileName, base64 }) =>
      refusing(() => importQdpx(db(), fileName, Buffer.from(base64, 'base64'))),
    'exchange.importCodebook': ({ fileName, base64 }) =>
      refusing(() => importQdc(db(), fileName, Buffer.from(base64, 'base64'))),
    'exchange.exportProject': ({ collectionId }) => refusing(() => exportProject(db(), projectName(ws), collectionId)),
    'exchange.exportCodebook': () => refusing(() => exportCodebook(db(), projectName(ws))),
    'coders.list': () => listCoders(db()),
    'coders.rename': ({ id, name }): Coder => {
      const d = db();
      const coder = found(getCoder(d, id), 'coder', id);
      recordEdit(d, { operation: 'coders.rename', label: `Rename coder ${quoted(coder.name)}` }, () =>
        renameCoder(d, id, name),
      );
      return (
        getCoder(d, id) ??
        (() => {
          throw new GlossError('internal', 'The coder vanished while being renamed.');
        })()
      );
    },
  };
}
