// Workbooks written to disk in tests, and a cell-by-cell comparison of two files.
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { SheetSpec } from '../../src/samples/layouts';
import { specsToWorkbook } from '../../src/samples/write';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'selfeval-'));
}

export async function writeSpecs(dir: string, name: string, specs: SheetSpec[]): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(await specsToWorkbook(specs).xlsx.writeBuffer()));
  return file;
}

export async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export interface CellState {
  value: unknown;
  numFmt: string | undefined;
  style: string;
}

/** Every non-empty or styled cell of a workbook, by "sheet!A1". */
export function cells(wb: ExcelJS.Workbook): Map<string, CellState> {
  const out = new Map<string, CellState>();
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const { numFmt, ...rest } = cell.style ?? {};
        // A merged area's other cells mirror its top-left in ExcelJS: record which one they follow.
        const value = cell.isMerged && cell.master !== cell ? `→${cell.master.address}` : cell.value;
        out.set(`${ws.name}!${cell.address}`, { value, numFmt, style: JSON.stringify(rest) });
      });
    });
  });
  return out;
}

export function sheetShapes(wb: ExcelJS.Workbook): unknown {
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    merges: [...ws.model.merges].sort(),
    widths: ws.columns?.map((c) => c.width) ?? [],
  }));
}

/** A snapshot written as a plain .xlsx (values, formulas, merges): a unit's workbook made in a test. */
export async function writeSnapshot(dir: string, name: string, book: import('../../src/engine').WorkbookSnapshot): Promise<string> {
  const specs: SheetSpec[] = book.sheets.map((s) => ({
    name: s.name, rows: s.values, merges: s.merges, formulas: s.formulas, widths: [], titleRows: [], headerRows: [], tables: [],
  }));
  return writeSpecs(dir, name, specs);
}
