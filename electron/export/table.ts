// Tables (retrieval results, matrices) as CSV or as an Excel workbook, for spreadsheets and statistics tools.
// XLSX is written with exceljs, a maintained library that produces real workbooks (typed cells, a frozen header).
import ExcelJS from 'exceljs';
import { csvCell } from './annotations.js';

export type Cell = string | number;

export interface Table {
  sheetName: string;
  header: string[];
  rows: Cell[][];
  /** Column widths in characters (the rest fit their header). */
  widths?: number[];
}

export function tableToCsv(table: Table): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function tableToXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gloss';
  const sheet = workbook.addWorksheet(table.sheetName.replace(/[[\]*?/\\:]/g, ' ').slice(0, 31) || 'Sheet', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.header.map((header, i) => ({
    header,
    width: table.widths?.[i] ?? Math.min(60, Math.max(10, header.length + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  // Strings are written as string cells: a quote starting with "=" stays a quote, never a formula.
  for (const row of table.rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
