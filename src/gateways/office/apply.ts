// A plan written into the open workbook: contiguous blocks, values then number formats, as few syncs as
// the 5 MB request limit allows, one undo step where ExcelApi 1.20 offers it. When Excel refuses part
// way, the error says which cells were already written.

/// <reference types="office-js" />

import type { CellWrite, Plan } from '../../engine';
import { isSizeError, type OfficeApi, PAYLOAD_BUDGET } from './api';
import { type Block, chunk, halve, planBlocks } from './blocks';

export interface ApplyResult {
  written: CellWrite[];
  blocks: number;
  syncs: number;
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

export async function applyPlan(api: OfficeApi, plan: Plan, budget = PAYLOAD_BUDGET): Promise<ApplyResult> {
  if (plan.writes.length === 0) return { written: [], blocks: 0, syncs: 0 };
  const blocks = planBlocks(plan.writes);
  return api.run({ mergeUndoGroup: api.supports('1.20') }, async (context) => {
    const written: CellWrite[] = [];
    const queue: Block[][] = chunk(blocks, budget);
    let syncs = 0;
    let count = 0;
    while (queue.length) {
      const requests = queue.shift() as Block[];
      for (const b of requests) {
        const range = context.workbook.worksheets.getItem(b.sheet).getRangeByIndexes(b.top, b.left, b.values.length, b.values[0].length);
        range.values = b.values as unknown[][];
        range.numberFormat = b.formats as unknown[][];
      }
      try {
        await context.sync();
        syncs++;
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
    return { written, blocks: count, syncs };
  });
}
