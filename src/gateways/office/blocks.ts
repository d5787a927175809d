// A plan's cell writes as contiguous 2-D blocks: one `values` and one `numberFormat` assignment per
// block, `null` for the cells inside a block that are left as they are.

import type { CellWrite } from '../../engine';

export type BlockValue = string | number | null;

export interface Block {
  sheet: string;
  top: number;
  left: number;
  values: BlockValue[][];
  formats: Array<Array<string | null>>;
  writes: CellWrite[];
}

/** Rows of nothing between two runs of writes that still go into one block. */
const MAX_GAP = 2;

/** Text that Excel would read as a formula ('=', '+', '-', '@') is written with a quote prefix: as text. */
export function asText(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

function block(sheet: string, writes: CellWrite[]): Block {
  const top = Math.min(...writes.map((w) => w.row));
  const bottom = Math.max(...writes.map((w) => w.row));
  const left = Math.min(...writes.map((w) => w.col));
  const right = Math.max(...writes.map((w) => w.col));
  const values: BlockValue[][] = Array.from({ length: bottom - top + 1 }, () => Array<BlockValue>(right - left + 1).fill(null));
  const formats: Array<Array<string | null>> = values.map((row) => row.map(() => null));
  for (const w of writes) {
    values[w.row - top][w.col - left] = asText(w.value);
    formats[w.row - top][w.col - left] = w.numberFormat;
  }
  return { sheet, top, left, values, formats, writes };
}

/** Writes grouped by sheet and by runs of nearby rows; each run is the rectangle its writes span. */
export function planBlocks(writes: CellWrite[]): Block[] {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w]);
  const blocks: Block[] = [];
  for (const [sheet, list] of bySheet) {
    const sorted = [...list].sort((a, b) => a.row - b.row || a.col - b.col);
    let run: CellWrite[] = [];
    for (const w of sorted) {
      if (run.length && w.row - run[run.length - 1].row > MAX_GAP + 1) {
        blocks.push(block(sheet, run));
        run = [];
      }
      run.push(w);
    }
    if (run.length) blocks.push(block(sheet, run));
  }
  return blocks;
}

/** The bytes a block adds to a request, as JSON: what Excel on the web counts against its 5 MB. */
export function payloadSize(b: Block): number {
  return JSON.stringify(b.values).length + JSON.stringify(b.formats).length + b.sheet.length * 4 + 200;
}

/** A block's rows in two halves (a single row cannot be split and is returned as is). */
export function halve(b: Block): Block[] {
  if (b.values.length < 2) return [b];
  const mid = Math.ceil(b.values.length / 2);
  const upper = b.writes.filter((w) => w.row - b.top < mid);
  const lower = b.writes.filter((w) => w.row - b.top >= mid);
  return [upper, lower].filter((ws) => ws.length > 0).map((ws) => block(b.sheet, ws));
}

/** Blocks grouped into requests of at most `budget` bytes; a block larger than the budget is halved first. */
export function chunk(blocks: Block[], budget: number): Block[][] {
  const out: Block[][] = [];
  let current: Block[] = [];
  let size = 0;
  const queue = [...blocks];
  while (queue.length) {
    const b = queue.shift() as Block;
    const s = payloadSize(b);
    if (s > budget && b.values.length > 1) {
      queue.unshift(...halve(b));
      continue;
    }
    if (current.length && size + s > budget) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(b);
    size += s;
  }
  if (current.length) out.push(current);
  return out;
}
