// The open workbook into a snapshot: sheet names first, then every sheet's used range (values, formulas,
// merged areas) in one more sync. Only when Excel refuses that as too large are sheets read in row
// blocks, halved until each fits.

/// <reference types="office-js" />

import { type CellValue, type SheetSnapshot, toA1, type WorkbookSnapshot } from '../../engine';
import { CELLS_PER_READ, isSizeError, type OfficeApi, PAYLOAD_BUDGET } from './api';

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  syncs: number;
}

interface SheetGrid {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
}

/** "'项目 表'!A1:B2, Sheet1!C3" → ["A1:B2", "C3"] */
export function mergedAddresses(address: string): string[] {
  const out: string[] = [];
  for (const m of address.matchAll(/(?:'(?:[^']|'')*'|[^!,\s]+)!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g)) {
    out.push(m[3] ? `${m[1]}${m[2]}:${m[3]}${m[4]}` : `${m[1]}${m[2]}`);
  }
  return out;
}

function toSnapshot(name: string, isProtected: boolean, grids: SheetGrid[], merges: string[]): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: Record<string, string> = {};
  for (const g of grids) {
    g.values.forEach((row, r) => {
      const line: CellValue[] = Array(g.columnIndex).fill(null);
      row.forEach((v, c) => {
        line.push(v === undefined || v === '' ? null : (v as CellValue));
        const f = g.formulas[r]?.[c];
        if (typeof f === 'string' && f.startsWith('=')) formulas[toA1(g.rowIndex + r, g.columnIndex + c)] = f;
      });
      values[g.rowIndex + r] = line;
    });
  }
  for (let r = 0; r < values.length; r++) if (!values[r]) values[r] = [];
  return { name, values, formulas, merges, protected: isProtected };
}

export async function readSnapshot(api: OfficeApi): Promise<ReadResult> {
  const withMerges = api.supports('1.13');
  return api.run({}, async (context) => {
    let syncs = 0;
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/protection/protected');
    await context.sync();
    syncs++;

    const reads = sheets.items.map((ws) => {
      const used = ws.getUsedRangeOrNullObject();
      used.load('rowIndex,columnIndex,rowCount,columnCount,values,formulas');
      const merged = withMerges ? used.getMergedAreasOrNullObject() : null;
      merged?.load('address');
      return { ws, used, merged };
    });
    try {
      await context.sync();
      syncs++;
      const snapshot = {
        sheets: reads.map(({ ws, used, merged }) => toSnapshot(
          ws.name, ws.protection.protected,
          used.isNullObject ? [] : [{ rowIndex: used.rowIndex, columnIndex: used.columnIndex, values: used.values, formulas: used.formulas }],
          merged && !merged.isNullObject ? mergedAddresses(merged.address) : [],
        )),
      };
      return { snapshot, syncs };
    } catch (error) {
      if (!isSizeError(error)) throw error;
    }
    return readInBlocks(context, sheets.items.map((ws) => ws.name), withMerges, syncs);
  });
}

/** The slow path for a workbook beyond one response: dimensions first, then row blocks that fit. */
async function readInBlocks(context: Excel.RequestContext, names: string[], withMerges: boolean, syncsSoFar: number): Promise<ReadResult> {
  let syncs = syncsSoFar;
  const sheets = names.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    ws.protection.load('protected');
    const used = ws.getUsedRangeOrNullObject();
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const merged = withMerges ? used.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    return { name, ws, used, merged, grids: [] as SheetGrid[] };
  });
  await context.sync();
  syncs++;

  interface Task { sheet: (typeof sheets)[number]; top: number; rows: number }
  const tasks: Task[] = [];
  for (const sheet of sheets) {
    if (sheet.used.isNullObject) continue;
    const { rowCount, columnCount } = sheet.used;
    // About 24 bytes a cell for values and formulas together: a first guess, halved when Excel refuses.
    const rows = Math.max(1, Math.min(Math.floor(CELLS_PER_READ / columnCount), Math.floor(PAYLOAD_BUDGET / (24 * columnCount))));
    for (let top = 0; top < rowCount; top += rows) tasks.push({ sheet, top, rows: Math.min(rows, rowCount - top) });
  }
  while (tasks.length) {
    const task = tasks.shift() as Task;
    const { used, ws } = task.sheet;
    const range = ws.getRangeByIndexes(used.rowIndex + task.top, used.columnIndex, task.rows, used.columnCount);
    range.load('values,formulas');
    try {
      await context.sync();
      syncs++;
    } catch (error) {
      if (!isSizeError(error) || task.rows === 1) throw error;
      const half = Math.ceil(task.rows / 2);
      tasks.unshift({ ...task, rows: half }, { ...task, top: task.top + half, rows: task.rows - half });
      continue;
    }
    task.sheet.grids.push({ rowIndex: used.rowIndex + task.top, columnIndex: used.columnIndex, values: range.values, formulas: range.formulas });
  }
  return {
    snapshot: {
      sheets: sheets.map((s) => toSnapshot(s.name, s.ws.protection.protected, s.grids, s.merged && !s.merged.isNullObject ? mergedAddresses(s.merged.address) : [])),
    },
    syncs,
  };
}
