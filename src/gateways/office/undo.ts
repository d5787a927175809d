// 撤销上次回填 in Excel: the record of the last fill read from its custom XML part, each recorded cell
// compared with what it holds now, and the cells that still hold what the fill wrote put back (value and
// number format) in one Excel.run. Cells changed since are left alone and named; the record is removed.

/// <reference types="office-js" />

import { type CellValue, parseA1 } from '../../engine';
import { type CellNow, FILL_RECORD_NAMESPACE, type FillRecord, parseFillRecord, planUndo, type RecordedCell, type UndoPlan } from '../fillRecord';
import { isSizeError, type OfficeApi, PAYLOAD_BUDGET, runOptions } from './api';
import { type Block, type BlockCell, chunk, halve, payloadSize, planBlocks, writeBlock } from './blocks';

export interface UndoOutcome {
  at: string;
  plan: UndoPlan;
  syncs: number;
}

interface Located extends BlockCell {
  recorded: RecordedCell;
}

const locate = (c: RecordedCell, value: BlockCell['value'] = '', numberFormat: string | null = null): Located => ({
  ...parseA1(c.cell), sheet: c.sheet, value, numberFormat, recorded: c,
});

/** The record and how each of its cells stands now; null when the workbook keeps no record. */
async function examine(context: Excel.RequestContext, budget: number): Promise<{ record: FillRecord; plan: UndoPlan; part: Excel.CustomXmlPart; syncs: number } | null> {
  const part = context.workbook.customXmlParts.getByNamespace(FILL_RECORD_NAMESPACE).getOnlyItemOrNullObject();
  const xml = part.getXml();
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  let syncs = 1;
  if (part.isNullObject) return null;
  const record = parseFillRecord(xml.value);
  if (!record) return null;

  const present = new Set(sheets.items.map((s) => s.name));
  const now = new Map<string, CellNow>();
  const queue = chunk(planBlocks(record.cells.filter((c) => present.has(c.sheet)).map((c) => locate(c))), budget, (b) => 2 * payloadSize(b));
  while (queue.length) {
    const group = queue.shift() as Array<Block<Located>>;
    const ranges = group.map((b) => {
      const range = context.workbook.worksheets.getItem(b.sheet).getRangeByIndexes(b.top, b.left, b.values.length, b.values[0].length);
      range.load('values,formulas');
      return range;
    });
    syncs++;
    try {
      await context.sync();
    } catch (error) {
      if (!isSizeError(error) || (group.length === 1 && group[0].values.length === 1)) throw error;
      queue.unshift(...(group.length > 1 ? group.map((b) => [b]) : halve(group[0]).map((b) => [b])));
      continue;
    }
    group.forEach((b, i) => {
      const { values, formulas } = ranges[i];
      for (const w of b.writes) {
        const v = values[w.row - b.top][w.col - b.left];
        const f = formulas[w.row - b.top][w.col - b.left];
        const value = v === '' ? null : (v as CellValue);
        now.set(`${w.sheet}!${w.recorded.cell}`, typeof f === 'string' && f.startsWith('=') && f !== v ? { value, formula: f } : { value });
      }
    });
  }
  return { record, plan: planUndo(record, (sheet, cell) => now.get(`${sheet}!${cell}`) ?? null), part, syncs };
}

/** What 撤销上次回填 would do now, without doing it; null when there is nothing to undo. */
export async function previewUndo(api: OfficeApi, budget = PAYLOAD_BUDGET): Promise<UndoOutcome | null> {
  return api.run(runOptions(api), async (context) => {
    const found = await examine(context, budget);
    return found && { at: found.record.at, plan: found.plan, syncs: found.syncs };
  });
}

/** Puts back the cells that still hold what the last fill wrote; null when there is nothing to undo. */
export async function undoLastFill(api: OfficeApi, budget = PAYLOAD_BUDGET): Promise<UndoOutcome | null> {
  return api.run(runOptions(api, true), async (context) => {
    const found = await examine(context, budget);
    if (!found) return null;
    let syncs = found.syncs;
    const restores = found.plan.restore.map((c) => locate(c, c.before === null ? '' : c.before, c.beforeFormat));
    const queue = chunk(planBlocks(restores), budget);
    while (queue.length) {
      const group = queue.shift() as Array<Block<Located>>;
      for (const b of group) writeBlock(context, b);
      syncs++;
      try {
        await context.sync();
      } catch (error) {
        if (!isSizeError(error) || (group.length === 1 && group[0].values.length === 1)) throw error;
        queue.unshift(...(group.length > 1 ? group.map((b) => [b]) : halve(group[0]).map((b) => [b])));
      }
    }
    // Done: the record goes, so the same fill cannot be undone twice.
    found.part.delete();
    syncs++;
    await context.sync();
    return { at: found.record.at, plan: found.plan, syncs };
  });
}
