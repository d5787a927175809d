// The report's sheet description drawn in the open workbook. A sheet this tool wrote before (its A2 holds
// the report's subtitle) is cleared and reused in place; a user's own sheet of that name is left alone
// and the report takes the next free name. No sheet is deleted: inside an undo group Worksheet.delete
// fails with UndoNotSupported.
//
// The writing goes out as operations packed into requests under the 5 MB limit: number formats before
// values (text cells get "@" first, so "2024", "1-2" or "=SUM(1)" stay text), merges, styles by rectangle, row
// heights by run, column widths, the chart, the page setup.

/// <reference types="office-js" />

import { REPORT_SUBTITLE, type SheetDescription, toA1 } from '../../engine';
import { type Area, areaToA1, parseArea } from '../../engine/address';
import { isSizeError, jsonBytes, type OfficeApi, PAYLOAD_BUDGET, runOptions, utf8Bytes } from './api';
import { applyLook, baseLook, LOOKS, styleRectangles } from './looks';

/** Excel's column width unit is a digit's width (7 px in the default font) with 5 px padding; a point is 4/3 px. */
export function widthToPoints(width: number): number {
  return Math.trunc(width * 7 + 0.5) * 0.75;
}

/** Merges as few calls: one-row merges over the same columns in consecutive rows become one merge across. */
export function mergeRuns(merges: string[]): Array<{ area: Area; across: boolean }> {
  const out: Array<{ area: Area; across: boolean }> = [];
  const areas = merges.map(parseArea).sort((a, b) => a.top - b.top || a.left - b.left);
  const open = new Map<string, { area: Area; across: boolean }>();
  for (const area of areas) {
    if (area.top !== area.bottom) {
      out.push({ area, across: false });
      continue;
    }
    const key = `${area.left}:${area.right}`;
    const run = open.get(key);
    if (run && run.area.bottom === area.top - 1) {
      run.area.bottom = area.top;
      run.across = true;
    } else {
      const next = { area: { ...area }, across: false };
      open.set(key, next);
      out.push(next);
    }
  }
  return out;
}

interface Op {
  /** The bytes the operation adds to a request, counted generously from measurements through the runtime. */
  bytes: number;
  run(ws: Excel.Worksheet): void;
}

/** A range's path, instantiation and reference in a request. */
const RANGE_BYTES = 450;
/** One property set, with the format/font/fill/border paths it walks through. */
const PROPERTY_BYTES = 200;

/** Runs the operations in requests of at most `budget` bytes; a request Excel finds too large is split. */
async function runOps(context: Excel.RequestContext, ws: Excel.Worksheet, ops: Op[], budget: number): Promise<number> {
  const queue: Op[][] = [];
  let current: Op[] = [];
  let size = 0;
  for (const op of ops) {
    if (current.length && size + op.bytes > budget) {
      queue.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += op.bytes;
  }
  if (current.length) queue.push(current);
  let syncs = 0;
  while (queue.length) {
    const group = queue.shift() as Op[];
    for (const op of group) op.run(ws);
    syncs++;
    try {
      await context.sync();
    } catch (error) {
      // Every operation sets a state, so running part of a refused request again does no harm.
      if (!isSizeError(error) || group.length === 1) throw error;
      const half = Math.ceil(group.length / 2);
      queue.unshift(group.slice(0, half), group.slice(half));
    }
  }
  return syncs;
}

/** Where the report goes: our earlier report sheet (its charts taken away), or a new sheet. */
async function prepare(api: OfficeApi, wanted: string): Promise<{ name: string; reuse: boolean; rows: number }> {
  return api.run(runOptions(api), async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const existing = sheets.getItemOrNullObject(wanted);
    existing.load('name');
    await context.sync();
    if (existing.isNullObject) return { name: wanted, reuse: false, rows: 0 };
    const a2 = existing.getRange('A2');
    a2.load('values');
    const used = existing.getUsedRangeOrNullObject();
    used.load('rowIndex,rowCount');
    existing.charts.load('items/name');
    await context.sync();
    if (String(a2.values[0][0]).trim() === REPORT_SUBTITLE) {
      // Chart deletion stays outside the undo group, which accepts only what Excel can undo.
      for (const chart of existing.charts.items) chart.delete();
      await context.sync();
      return { name: wanted, reuse: true, rows: used.isNullObject ? 0 : used.rowIndex + used.rowCount };
    }
    const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    let name = wanted;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}(${n})`;
    return { name, reuse: false, rows: 0 };
  });
}

function operations(sheet: SheetDescription, reuse: boolean, oldRows: number, budget: number): Op[] {
  const width = sheet.columnWidths.length;
  const ops: Op[] = [];
  if (reuse) {
    ops.push({
      bytes: 3 * RANGE_BYTES + PROPERTY_BYTES,
      run: (ws) => {
        const all = ws.getRange();
        all.unmerge();
        all.clear('All');
        if (oldRows > 0) ws.getRangeByIndexes(0, 0, oldRows, 1).getEntireRow().format.useStandardHeight = true;
      },
    });
  }

  // Number formats and values in bands of rows: "@" on text cells first, then the values.
  const grid = new Map<number, Map<number, (typeof sheet.cells)[number]>>();
  for (const c of sheet.cells) grid.set(c.row, (grid.get(c.row) ?? new Map()).set(c.col, c));
  const rowsOf = (top: number, count: number) => Array.from({ length: count }, (_, i) => Array.from({ length: width }, (_, col) => grid.get(top + i)?.get(col)));
  let top = 0;
  while (top < sheet.rowCount) {
    // Grow the band while it stays within a quarter of the budget.
    let count = Math.min(sheet.rowCount - top, 200);
    for (;;) {
      const cells = rowsOf(top, count);
      // Text cells are "@" before their values arrive, so no quote prefix is needed (and none would be stripped).
      const values = cells.map((line) => line.map((c) => (c ? c.value : '')));
      const formats = cells.map((line) => line.map((c) => (c === undefined ? null : typeof c.value === 'string' ? '@' : c.numberFormat)));
      const bytes = jsonBytes(values) + jsonBytes(formats) + 2 * RANGE_BYTES;
      if (bytes > budget / 4 && count > 1) {
        count = Math.ceil(count / 2);
        continue;
      }
      const at = top;
      ops.push({
        bytes,
        run: (ws) => {
          const range = ws.getRangeByIndexes(at, 0, values.length, width);
          range.numberFormat = formats;
          range.values = values;
        },
      });
      break;
    }
    top += count;
  }

  for (const { area, across } of mergeRuns(sheet.merges)) {
    const address = areaToA1(area);
    ops.push({ bytes: RANGE_BYTES + 100 + utf8Bytes(address), run: (ws) => ws.getRange(address).merge(across) });
  }

  const rectangles = styleRectangles(sheet);
  const base = baseLook(rectangles);
  const all = `A1:${toA1(sheet.rowCount - 1, width - 1)}`;
  ops.push({
    bytes: RANGE_BYTES + 3 * PROPERTY_BYTES,
    run: (ws) => {
      const f = ws.getRange(all).format;
      if (base['font.name']) f.font.name = base['font.name'];
      if (base['font.size']) f.font.size = base['font.size'];
      if (base.verticalAlignment) f.verticalAlignment = base.verticalAlignment;
    },
  });
  for (const { area, style } of rectangles) {
    const look = LOOKS[style];
    const count = Object.keys(look).filter((k) => k !== 'border' && (base as Record<string, unknown>)[k] !== (look as unknown as Record<string, unknown>)[k]).length + (look.border ? 12 : 0);
    ops.push({ bytes: RANGE_BYTES + count * PROPERTY_BYTES, run: (ws) => applyLook(ws.getRange(areaToA1(area)), area, look, base) });
  }

  // Row heights by runs of equal height; column widths in points.
  const rows = Object.entries(sheet.rowHeights).map(([r, h]) => [Number(r), h] as const).sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1][0] === rows[j][0] + 1 && rows[j + 1][1] === rows[i][1]) j++;
    const [first, height] = rows[i];
    const count = rows[j][0] - first + 1;
    ops.push({ bytes: 2 * RANGE_BYTES + PROPERTY_BYTES, run: (ws) => (ws.getRangeByIndexes(first, 0, count, 1).getEntireRow().format.rowHeight = height) });
    i = j + 1;
  }
  sheet.columnWidths.forEach((w, i) => ops.push({ bytes: 2 * RANGE_BYTES + PROPERTY_BYTES, run: (ws) => (ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = widthToPoints(w)) }));

  for (const chart of sheet.charts) {
    ops.push({
      bytes: 8 * RANGE_BYTES + 6 * PROPERTY_BYTES + utf8Bytes(chart.title),
      run: (ws) => {
        const drawn = ws.charts.add('ColumnClustered', ws.getRange(chart.values), 'Columns');
        drawn.title.text = chart.title;
        drawn.legend.visible = false;
        drawn.series.getItemAt(0).setXAxisValues(ws.getRange(chart.categories));
        const anchor = parseArea(chart.anchor);
        drawn.setPosition(ws.getRangeByIndexes(anchor.top, anchor.left, 1, 1), ws.getRangeByIndexes(anchor.top + 14, anchor.left + 5, 1, 1));
      },
    });
  }
  ops.push({
    bytes: 3 * RANGE_BYTES + 6 * PROPERTY_BYTES,
    run: (ws) => {
      ws.showGridlines = false;
      ws.pageLayout.orientation = 'Portrait';
      ws.pageLayout.paperSize = 'A4';
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      ws.pageLayout.setPrintArea(all);
      ws.activate();
      ws.getRange('A1').select();
    },
  });
  return ops;
}

/** Writes the report sheet, selects it, and returns the name it was written under. */
export async function writeSummarySheet(api: OfficeApi, sheet: SheetDescription, budget = PAYLOAD_BUDGET): Promise<string> {
  const target = await prepare(api, sheet.name);
  return api.run(runOptions(api, true), async (context) => {
    const ws = target.reuse ? context.workbook.worksheets.getItem(target.name) : context.workbook.worksheets.add(target.name);
    await runOps(context, ws, operations(sheet, target.reuse, target.rows, budget), budget);
    return target.name;
  });
}
