import type { ExportedFile } from '../../../shared/types.js';
import { buildMatrix } from '../../analysis/matrix.js';
import { retrieve, segmentContexts } from '../../analysis/retrieval.js';
import { draftFromRetrieval, matrixTable, retrievalTable, tagPaths } from '../../analysis/tables.js';
import { getMemo, insertMemo } from '../../db/memos.js';
import { recordEdit } from '../../db/oplog.js';
import { segmentRows } from '../../db/segments.js';
import { listTags } from '../../db/tags.js';
import { tableToCsv, tableToXlsx, type Table } from '../../export/table.js';
import type { Workspace } from '../../project/workspace.js';
import { quoted } from '../labels.js';
import type { HandlerGroup } from '../types.js';

type AnalysisOps =
  | 'retrieval.query'
  | 'retrieval.segments'
  | 'retrieval.context'
  | 'retrieval.export'
  | 'retrieval.draftMemo'
  | 'analysis.matrix'
  | 'analysis.exportMatrix';

/** Rows sent with a result (a first screen and more); the list asks for the others as it scrolls. */
const DEFAULT_LIMIT = 200;

export function analysisHandlers(ws: Workspace): HandlerGroup<AnalysisOps> {
  const db = () => ws.project.db;
  return {
    'retrieval.query': ({ query, limit }) => retrieve(db(), query, limit ?? DEFAULT_LIMIT),
    'retrieval.segments': ({ highlightIds }) => segmentRows(db(), highlightIds),
    'retrieval.context': ({ highlightIds, unit, count }) => segmentContexts(db(), highlightIds, unit, count),
    'retrieval.export': ({ query, format }) => exportTable(retrievalTable(db(), query), 'retrieval', format),
    'retrieval.draftMemo': ({ query, title }) => {
      const d = db();
      return recordEdit(d, { operation: 'retrieval.draftMemo', label: `Draft memo ${quoted(title)}` }, () =>
        getMemo(d, insertMemo(d, title, draftFromRetrieval(d, title, query)))!,
      );
    },
    'analysis.matrix': (request) => buildMatrix(db(), request),
    'analysis.exportMatrix': ({ format, ...request }) =>
      exportTable(matrixTable(buildMatrix(db(), request), tagPaths(listTags(db()))), 'matrix', format),
  };
}

async function exportTable(table: Table, name: string, format: 'csv' | 'xlsx'): Promise<ExportedFile> {
  if (format === 'csv')
    return { fileName: `${name}.csv`, mimeType: 'text/csv', base64: Buffer.from(tableToCsv(table)).toString('base64') };
  return {
    fileName: `${name}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await tableToXlsx(table)).toString('base64'),
  };
}
