// A plan written into the open workbook, in one Excel.run (one undo step where ExcelApi 1.20 offers it):
// 1. the target cells and the sheets' used ranges are read again: if any differ from when the plan was
//    made (a row inserted, a cell typed over), nothing is written and the user is asked to check again;
// 2. the record of this fill (every cell's value and number format before) replaces the last one, so
//    撤销上次回填 can put them back;
// 3. the cells go in as contiguous blocks, as few requests as the 5 MB limit allows. When Excel refuses
//    part way, the error says which cells were already written.

/// <reference types="office-js" />

import type { CellValue, CellWrite, Plan } from '../../engine';
import { areaToA1 } from '../../engine/address';
import { FILL_RECORD_NAMESPACE, fillRecordXml, type RecordedCell } from '../fillRecord';
import { isSizeError, type OfficeApi, PAYLOAD_BUDGET, runOptions, utf8Bytes } from './api';
import { type Block, chunk, halve, payloadSize, planBlocks, writeBlock } from './blocks';

export interface ApplyOptions {
  budget?: number;
  /** Each sheet's used range when the plan was made (ReadResult.usedRanges). */
  usedRanges?: Record<string, string | null>;
  /** The clock for the fill's record. */
  now?: () => Date;
}

export interface ApplyResult {
  written: CellWrite[];
  blocks: number;
  syncs: number;
  /** The fill's record was kept with the workbook (a fill too large for one request is not recorded). */
  recorded: boolean;
}

/**
 * Excel refused a write. `written`: cells of the requests that completed. `uncertain`: cells of the
 * refused request, which Excel runs in order without rolling back, so some of them may be written.
 */
export class PartialWriteError extends Error {
  constructor(readonly cause: unknown, readonly written: CellWrite[], readonly uncertain: CellWrite[]) {
    super((cause as Error)?.message ?? String(cause));
  }
}

/** The workbook changed between 校验 and 确认写入: the plan's cells may no longer be the right ones. */
export class StalePlanError extends Error {
  constructor(readonly cells: Array<{ sheet: string; cell: string; before: CellValue; now: CellValue }>, readonly sheets: string[]) {
    super('the workbook changed since it was checked');
  }
}

/** A formula in `formulas` that is not just the cell's text (see read.ts). */
const hasFormula = (formula: unknown, value: unknown) => typeof formula === 'string' && formula.startsWith('=') && formula !== value;
const asValue = (v: unknown): CellValue => (v === '' || v === undefined ? null : (v as CellValue));

/** Reads the blocks' cells as they are now and returns their number formats; throws StalePlanError. */
async function verify(context: Excel.RequestContext, blocks: Block<CellWrite>[], options: ApplyOptions, budget: number): Promise<{ formats: Map<CellWrite, string>; parts: Excel.CustomXmlPartScopedCollection; syncs: number }> {
  const changed: StalePlanError['cells'] = [];
  const formats = new Map<CellWrite, string>();
  const expected = options.usedRanges ?? {};
  const sheets = [...new Set(blocks.map((b) => b.sheet))].filter((s) => s in expected);
  let parts: Excel.CustomXmlPartScopedCollection | null = null;
  let used: Excel.Range[] = [];
  let syncs = 0;
  // A response carries values, formulas and formats: about three times what the block writes.
  const queue = chunk(blocks, budget, (b) => 3 * payloadSize(b));
  while (queue.length) {
    const group = queue.shift() as Array<Block<CellWrite>>;
    const first = parts === null;
    if (first) {
      // With the first group: the records kept so far, and the used ranges to compare.
      parts = context.workbook.customXmlParts.getByNamespace(FILL_RECORD_NAMESPACE);
      parts.load('items/id');
      used = sheets.map((s) => {
        const range = context.workbook.worksheets.getItem(s).getUsedRangeOrNullObject(true);
        range.load('rowIndex,columnIndex,rowCount,columnCount');
        return range;
      });
    }
    const ranges = group.map((b) => {
      const range = context.workbook.worksheets.getItem(b.sheet).getRangeByIndexes(b.top, b.left, b.values.length, b.values[0].length);
      range.load('values,formulas,numberFormat');
      return range;
    });
    syncs++;
    try {
      await context.sync();
    } catch (error) {
      if (!isSizeError(error) || (group.length === 1 && group[0].values.length === 1)) throw error;
      if (first) parts = null;
      queue.unshift(...(group.length > 1 ? group.map((b) => [b]) : halve(group[0]).map((b) => [b])));
      continue;
    }
    if (first) {
      const moved = sheets.filter((s, i) => (used[i].isNullObject ? null : areaToA1({
        top: used[i].rowIndex, left: used[i].columnIndex, bottom: used[i].rowIndex + used[i].rowCount - 1, right: used[i].columnIndex + used[i].columnCount - 1,
      })) !== expected[s]);
      if (moved.length) throw new StalePlanError([], moved);
    }
    group.forEach((b, i) => {
      const { values, formulas, numberFormat } = ranges[i];
      for (const w of b.writes) {
        const r = w.row - b.top;
        const c = w.col - b.left;
        const now = asValue(values[r][c]);
        if (hasFormula(formulas[r][c], values[r][c]) || now !== (w.before === '' ? null : w.before)) changed.push({ sheet: w.sheet, cell: w.cell, before: w.before, now });
        formats.set(w, String(numberFormat[r][c]));
      }
    });
  }
  if (changed.length) throw new StalePlanError(changed, []);
  return { formats, parts: parts as Excel.CustomXmlPartScopedCollection, syncs };
}

export async function applyPlan(api: OfficeApi, plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
  if (plan.writes.length === 0) return { written: [], blocks: 0, syncs: 0, recorded: false };
  const budget = options.budget ?? PAYLOAD_BUDGET;
  const blocks = planBlocks(plan.writes);
  return api.run(runOptions(api, true), async (context) => {
    const checked = await verify(context, blocks, options, budget);
    let syncs = checked.syncs;

    // The record goes in before any cell: a fill refused half way can still be undone.
    const cells: RecordedCell[] = plan.writes.map((w) => ({
      sheet: w.sheet, cell: w.cell, before: w.before, beforeFormat: checked.formats.get(w) ?? null, after: w.value, afterFormat: w.numberFormat,
    }));
    const xml = fillRecordXml({ at: (options.now?.() ?? new Date()).toISOString(), cells });
    let recorded = utf8Bytes(xml) + 1000 <= budget;
    const keep = async () => {
      for (const part of checked.parts.items) part.delete(); // an older record would undo the wrong cells
      if (recorded) context.workbook.customXmlParts.add(xml);
      syncs++;
      await context.sync();
    };
    try {
      await keep();
    } catch (error) {
      // Too large for the host: the fill goes ahead unrecorded (and says so); no older record stays.
      if (!recorded || !isSizeError(error)) throw error;
      recorded = false;
      await keep();
    }

    const written: CellWrite[] = [];
    const queue: Array<Array<Block<CellWrite>>> = chunk(blocks, budget);
    let count = 0;
    while (queue.length) {
      const requests = queue.shift() as Array<Block<CellWrite>>;
      for (const b of requests) writeBlock(context, b);
      syncs++;
      try {
        await context.sync();
      } catch (error) {
        const halves = requests.length > 1 ? requests.map((b) => [b]) : halve(requests[0]).map((b) => [b]);
        if (isSizeError(error) && halves.length > 1) {
          queue.unshift(...halves);
          continue;
        }
        throw new PartialWriteError(error, written, requests.flatMap((b) => b.writes));
      }
      count += requests.length;
      for (const b of requests) written.push(...b.writes);
    }
    return { written, blocks: count, syncs, recorded };
  });
}
