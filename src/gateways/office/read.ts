// The open workbook into a snapshot, in three syncs: the sheets; every sheet's used range (values and
// formulas); the merged areas, in bands of rows, with the number formats of the number cells (percents and dates). A sheet too large for one response (Excel refuses it,
// or past 5,000,000 cells gives null values) is read in row blocks, halved until each fits.

/// <reference types="office-js" />

import { type CellValue, type SheetSnapshot, toA1, type WorkbookSnapshot } from '../../engine';
import { type Area, areaToA1, parseA1 } from '../../engine/address';
import { FILL_RECORD_NAMESPACE } from '../fillRecord';
import { dateText } from '../xlsx/dates';
import { CELLS_PER_READ, isSizeError, type OfficeApi, PAYLOAD_BUDGET, runOptions } from './api';
import { mergeBands, readMerges } from './merges';
import { numberRuns, queueFormats, readFormats, type Run, type ShownFormats } from './shownFormats';

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  syncs: number;
  /** Each sheet's used range (cells with values) when read: a later write checks it is still the same. */
  usedRanges: Record<string, string | null>;
  /** The workbook keeps a record of the last fill, which can be undone. */
  fillRecorded: boolean;
}

interface Grid {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
}

/**
 * A cell holds a formula when `formulas` gives "=…" that differs from its value: quote-prefixed text
 * such as "'=1+1项目" comes back as "=1+1项目" in both, and stays text.
 */
function isFormula(formula: unknown, value: unknown): formula is string {
  return typeof formula === 'string' && formula.startsWith('=') && formula !== value;
}

function toSnapshot(name: string, isProtected: boolean, grids: Grid[], merges: string[], percents: string[] | undefined, dates: string[] | undefined): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: Record<string, string> = {};
  for (const g of grids) {
    g.values.forEach((row, r) => {
      const line: CellValue[] = Array(g.columnIndex).fill(null);
      row.forEach((v, c) => {
        line.push(v === undefined || v === '' ? null : (v as CellValue));
        const f = g.formulas[r]?.[c];
        if (isFormula(f, v)) formulas[toA1(g.rowIndex + r, g.columnIndex + c)] = f;
      });
      values[g.rowIndex + r] = line;
    });
  }
  for (let r = 0; r < values.length; r++) if (!values[r]) values[r] = [];
  const sheet: SheetSnapshot = { name, values, formulas, merges, protected: isProtected };
  if (percents?.length) sheet.percents = percents;
  if (dates?.length) {
    // Office.js gives a date cell's serial number; the engine wants the date it shows (1900 date system:
    // the API before ExcelApi 1.16 does not say whether a workbook uses 1904).
    sheet.dates = {};
    for (const address of dates) {
      const { row, col } = parseA1(address);
      const v = values[row]?.[col];
      if (typeof v === 'number') sheet.dates[address] = dateText(v, false);
    }
  }
  return sheet;
}

interface Task {
  sheet: string;
  area: Area;
}

/** Rows per block for a first try: within 5,000,000 cells, and about 24 bytes a cell for values and formulas. */
function blockRows(cols: number): number {
  return Math.max(1, Math.min(Math.floor(CELLS_PER_READ / cols), Math.floor(PAYLOAD_BUDGET / (24 * cols))));
}

/** The slow path: row blocks of one sheet after another, each halved while Excel finds it too large. */
async function readBlocks(context: Excel.RequestContext, sheets: Task[], grids: Map<string, Grid[]>): Promise<number> {
  let syncs = 0;
  const tasks: Task[] = [];
  for (const { sheet, area } of sheets) {
    const rows = blockRows(area.right - area.left + 1);
    for (let top = area.top; top <= area.bottom; top += rows) tasks.push({ sheet, area: { ...area, top, bottom: Math.min(area.bottom, top + rows - 1) } });
  }
  while (tasks.length) {
    const task = tasks.shift() as Task;
    const { top, left, bottom, right } = task.area;
    const range = context.workbook.worksheets.getItem(task.sheet).getRangeByIndexes(top, left, bottom - top + 1, right - left + 1);
    range.load('values,formulas');
    syncs++;
    let tooLarge = false;
    try {
      await context.sync();
      tooLarge = range.values === null || range.formulas === null;
    } catch (error) {
      if (!isSizeError(error)) throw error;
      tooLarge = true;
    }
    if (tooLarge) {
      if (top === bottom) throw Object.assign(new Error(`${task.sheet}: row ${top + 1} is too large to read`), { code: 'ResponsePayloadSizeLimitExceeded' });
      const mid = top + Math.ceil((bottom - top + 1) / 2);
      tasks.unshift({ ...task, area: { ...task.area, bottom: mid - 1 } }, { ...task, area: { ...task.area, top: mid } });
      continue;
    }
    grids.get(task.sheet)?.push({ rowIndex: top, columnIndex: left, values: range.values, formulas: range.formulas });
  }
  return syncs;
}

export async function readSnapshot(api: OfficeApi): Promise<ReadResult> {
  return api.run(runOptions(api), async (context) => {
    let syncs = 1;
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/protection/protected');
    const fills = context.workbook.customXmlParts.getByNamespace(FILL_RECORD_NAMESPACE);
    fills.load('items/id');
    await context.sync();
    const sheets = worksheets.items.map((ws) => ({ name: ws.name, protected: ws.protection.protected }));

    // Used ranges of values only: a border drawn down to row 100,000 does not make rows to read.
    const used = sheets.map((s) => {
      const range = context.workbook.worksheets.getItem(s.name).getUsedRangeOrNullObject(true);
      range.load('rowIndex,columnIndex,rowCount,columnCount,values,formulas');
      return range;
    });
    const areas = new Map<string, Area | null>();
    const grids = new Map<string, Grid[]>(sheets.map((s) => [s.name, []]));
    const slow: Task[] = [];
    syncs++;
    try {
      await context.sync();
      used.forEach((range, i) => {
        const name = sheets[i].name;
        if (range.isNullObject) {
          areas.set(name, null);
          return;
        }
        const area = { top: range.rowIndex, left: range.columnIndex, bottom: range.rowIndex + range.rowCount - 1, right: range.columnIndex + range.columnCount - 1 };
        areas.set(name, area);
        // Past 5,000,000 cells Excel answers with null values rather than an error.
        if (range.values === null || range.formulas === null) slow.push({ sheet: name, area });
        else grids.get(name)?.push({ rowIndex: area.top, columnIndex: area.left, values: range.values, formulas: range.formulas });
      });
    } catch (error) {
      if (!isSizeError(error)) throw error;
      // Too large for one response: the dimensions alone, then every sheet in blocks.
      const dims = sheets.map((s) => {
        const range = context.workbook.worksheets.getItem(s.name).getUsedRangeOrNullObject(true);
        range.load('rowIndex,columnIndex,rowCount,columnCount');
        return range;
      });
      syncs++;
      await context.sync();
      dims.forEach((range, i) => {
        const name = sheets[i].name;
        if (range.isNullObject) {
          areas.set(name, null);
          return;
        }
        const area = { top: range.rowIndex, left: range.columnIndex, bottom: range.rowIndex + range.rowCount - 1, right: range.columnIndex + range.columnCount - 1 };
        areas.set(name, area);
        slow.push({ sheet: name, area });
      });
    }
    syncs += await readBlocks(context, slow, grids);

    const merges = new Map<string, Set<string>>();
    const bands = sheets.flatMap((s) => {
      const area = areas.get(s.name);
      // From A1: an empty merged title above or left of the first value still shapes the sheet.
      return area ? mergeBands(s.name, { top: 0, left: 0, bottom: area.bottom, right: area.right }) : [];
    });
    const runs: Run[] = [];
    for (const [name, list] of grids) for (const g of list) numberRuns(name, g.rowIndex, g.columnIndex, g.values, runs);
    const formats = queueFormats(context, runs); // rides with the merges' first sync
    syncs += await readMerges(context, bands, merges);
    const shown: ShownFormats = { percents: new Map(), dates: new Map() };
    syncs += await readFormats(context, formats, shown);

    const snapshot: WorkbookSnapshot = {
      sheets: sheets.map((s) => toSnapshot(s.name, s.protected, grids.get(s.name) ?? [], [...(merges.get(s.name) ?? [])], shown.percents.get(s.name), shown.dates.get(s.name))),
    };
    const usedRanges: Record<string, string | null> = {};
    for (const s of sheets) {
      const area = areas.get(s.name);
      usedRanges[s.name] = area ? areaToA1(area) : null;
    }
    return { snapshot, syncs, usedRanges, fillRecorded: fills.items.length > 0 };
  });
}
