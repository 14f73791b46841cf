// Every operation's handler, grouped by concern. The Handlers type makes a missing operation a compile error.
import type { Workspace } from '../project/workspace.js';
import { agreementHandlers } from './handlers/agreement.js';
import { analysisHandlers } from './handlers/analysis.js';
import { attributeHandlers } from './handlers/attributes.js';
import { collectionHandlers } from './handlers/collections.js';
import { documentHandlers } from './handlers/documents.js';
import { entityHandlers } from './handlers/entities.js';
import { exchangeHandlers } from './handlers/exchange.js';
import { exportHandlers, type ExportServices } from './handlers/export.js';
import { corroborationHandlers } from './handlers/corroboration.js';
import { gradeHandlers } from './handlers/grades.js';
import { highlightHandlers } from './handlers/highlights.js';
import { historyHandlers } from './handlers/history.js';
import { memoHandlers } from './handlers/memos.js';
import { noteHandlers } from './handlers/notes.js';
import { pdfHandlers } from './handlers/pdf.js';
import { projectHandlers } from './handlers/project.js';
import { searchHandlers } from './handlers/search.js';
import { tagHandlers } from './handlers/tags.js';
import { teamHandlers } from './handlers/team.js';
import { themeHandlers } from './handlers/themes.js';
import type { Handlers } from './types.js';

export interface HandlerServices {
  export?: ExportServices;
}

export function createHandlers(ws: Workspace, services: HandlerServices = {}): Handlers {
  return {
    ...projectHandlers(ws),
    ...documentHandlers(ws),
    ...collectionHandlers(ws),
    ...highlightHandlers(ws),
    ...tagHandlers(ws),
    ...themeHandlers(ws),
    ...noteHandlers(ws),
    ...memoHandlers(ws),
    ...searchHandlers(ws),
    ...exportHandlers(ws, services.export),
    ...historyHandlers(ws),
    ...exchangeHandlers(ws),
    ...pdfHandlers(ws),
    ...attributeHandlers(ws),
    ...analysisHandlers(ws),
    ...gradeHandlers(ws),
    ...corroborationHandlers(ws),
    ...entityHandlers(ws),
    ...agreementHandlers(ws),
    ...teamHandlers(ws),
  };
}
