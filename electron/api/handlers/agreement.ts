// Team coding in one project: coders (who I am, adding one), agreement between coders, the disagreement queue.
import type { AgreementReport, Coder, ExportedFile } from '../../../shared/types.js';
import { agreementReport, disagreementQueue } from '../../agreement/compute.js';
import { draftDecisionsMemo, settleDisagreement } from '../../agreement/settle.js';
import { ensureDefaultCoder, findCoderByName, getCoder, insertCoder, setCurrentCoder } from '../../db/coders.js';
import type { Db } from '../../db/connection.js';
import { getMemo, insertMemo } from '../../db/memos.js';
import { currentAuthor, recordEdit } from '../../db/oplog.js';
import { tableToCsv, tableToXlsx, type Table } from '../../export/table.js';
import type { Workspace } from '../../project/workspace.js';
import { found, invalid } from '../errors.js';
import { quoted } from '../labels.js';
import type { HandlerGroup } from '../types.js';

type AgreementOps =
  | 'coders.create'
  | 'coders.setCurrent'
  | 'agreement.compute'
  | 'agreement.export'
  | 'agreement.queue'
  | 'agreement.settle'
  | 'agreement.draftMemo';

export function agreementHandlers(ws: Workspace): HandlerGroup<AgreementOps> {
  const db = () => ws.project.db;
  return {
    'coders.create': ({ name }): Coder => {
      const d = db();
      if (findCoderByName(d, name) !== undefined)
        throw invalid(`name: there is already a coder called ${quoted(name)}.`);
      return recordEdit(d, { operation: 'coders.create', label: `Add coder ${quoted(name)}` }, () =>
        getCoder(d, insertCoder(d, name))!,
      );
    },
    'coders.setCurrent': ({ id }): Coder => {
      const d = db();
      const coder = found(getCoder(d, id), 'coder', id);
      recordEdit(d, { operation: 'coders.setCurrent', label: `Code as ${quoted(coder.name)}` }, () =>
        setCurrentCoder(d, id),
      );
      return getCoder(d, id)!;
    },
    'agreement.compute': (request) => agreementReport(db(), request),
    'agreement.export': ({ format, ...request }) => exportTable(agreementTable(agreementReport(db(), request)), format),
    'agreement.queue': (request) => disagreementQueue(db(), request),
    'agreement.settle': (request) => {
      const d = db();
      const labels = { a: 'first side', b: 'second side', both: 'both', neither: 'neither', merged: 'merged boundary' };
      return recordEdit(
        d,
        { operation: 'agreement.settle', label: `Settle disagreement: ${labels[request.choice]}` },
        () => settleDisagreement(d, request, me(d)),
      );
    },
    'agreement.draftMemo': ({ coderA, coderB, title }) => {
      const d = db();
      found(getCoder(d, coderA), 'coder', coderA);
      found(getCoder(d, coderB), 'coder', coderB);
      return recordEdit(d, { operation: 'agreement.draftMemo', label: `Draft memo ${quoted(title)}` }, () =>
        getMemo(d, insertMemo(d, title, draftDecisionsMemo(d, title, coderA, coderB)))!,
      );
    },
  };
}

function me(db: Db): number {
  return ensureDefaultCoder(db, currentAuthor());
}

const figure = (x: number | null) => (x === null ? '' : Math.round(x * 1000) / 1000);

export function agreementTable(report: AgreementReport): Table {
  const level = report.level === 'character' ? 'characters' : 'passages';
  return {
    sheetName: 'Agreement',
    header: [
      'tag',
      level,
      'percent agreement',
      "Cohen's kappa",
      "Krippendorff's alpha",
      ...report.coders.map((c) => `passages: ${c.name}`),
    ],
    rows: report.rows.map((r) => [
      r.tagName,
      r.units,
      r.percent === null ? '' : Math.round(r.percent * 1000) / 10,
      figure(r.kappa),
      figure(r.alpha),
      ...r.passages,
    ]),
    widths: [30, 12, 18, 14, 20],
  };
}

async function exportTable(table: Table, format: 'csv' | 'xlsx'): Promise<ExportedFile> {
  if (format === 'csv')
    return {
      fileName: 'agreement.csv',
      mimeType: 'text/csv',
      base64: Buffer.from(tableToCsv(table)).toString('base64'),
    };
  return {
    fileName: 'agreement.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await tableToXlsx(table)).toString('base64'),
  };
}
