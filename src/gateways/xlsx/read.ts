// An .xlsx file (bytes) into a snapshot, through ExcelJS. No Node APIs: the offline web page uses it too.

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../engine';
import { FileError } from './errors';
import { type DroppedMerge, dropOverlappingMerges } from './sanitise';

export interface OpenedWorkbook {
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
  /** Overlapping merges removed so the file could be read (reported as file.merge-overlap). */
  droppedMerges: DroppedMerge[];
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (data: Uint8Array, magic: number[]) => magic.every((b, i) => data[i] === b);

/** Excel's serial day number for a date, as Office.js reports dates. */
function serial(date: Date): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

function plain(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return serial(value);
  const v = value as Record<string, unknown>;
  if (typeof v.error === 'string') return v.error;
  if (Array.isArray(v.richText)) return v.richText.map((r: { text?: string }) => r.text ?? '').join('');
  if (typeof v.text === 'string') return v.text; // hyperlink
  if ('result' in v) return plain(v.result);
  return null;
}

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: Record<string, string> = {};
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // ExcelJS repeats a merged area's value in every cell; Excel keeps it in the top-left only.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      line[colNumber - 1] = plain(cell.value);
      if (cell.type === ExcelJS.ValueType.Formula) {
        const text = cell.formula;
        formulas[cell.address] = `=${text ?? ''}`;
      }
    });
    for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
    values[rowNumber - 1] = line;
  });
  for (let r = 0; r < values.length; r++) if (!values[r]) values[r] = [];
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return { name: ws.name, values, formulas, merges: [...ws.model.merges], protected: protection?.sheet === true };
}

export async function readWorkbook(input: Uint8Array | ArrayBuffer, fileName: string): Promise<OpenedWorkbook> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (startsWith(bytes, OLE2)) throw new FileError('xls', fileName);
  if (!startsWith(bytes, ZIP)) throw new FileError('not-workbook', fileName);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new FileError('unreadable', fileName, String(e));
  }
  if (!zip.file('xl/workbook.xml')) throw new FileError('not-workbook', fileName);
  const { data, dropped } = await dropOverlappingMerges(bytes, zip);

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new FileError('unreadable', fileName, String(e));
  }
  if (workbook.worksheets.length === 0) throw new FileError('empty', fileName);
  const snapshot: WorkbookSnapshot = { sheets: workbook.worksheets.map(sheetSnapshot) };
  return { workbook, snapshot, droppedMerges: dropped };
}
