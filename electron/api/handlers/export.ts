import type { Workspace } from '../../project/workspace.js';
import type { HandlerGroup } from '../types.js';
import { pending } from './pending.js';

/** What export needs from its host: Electron's printToPDF, or headless Chromium in browser mode. */
export interface ExportServices {
  htmlToPdf?: (html: string) => Promise<Buffer>;
}

export function exportHandlers(_ws: Workspace, _services?: ExportServices): HandlerGroup<'export.memo' | 'export.annotations'> {
  return {
    'export.memo': pending('export.memo'),
    'export.annotations': pending('export.annotations'),
  };
}
