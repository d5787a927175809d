// Cell writes as contiguous 2-D blocks: one `numberFormat` and one `values` assignment per block, `null`
// for the cells inside a block that are left as they are, and requests packed under the 5 MB limit.

import { jsonBytes, utf8Bytes } from './api';

/** A cell to write. `value` '' clears the cell; `numberFormat` null leaves the format as it is. */
export interface BlockCell {
  sheet: string;
  row: number;
  col: number;
  value: string | number | boolean;
  numberFormat: string | null;
}

export type BlockValue = string | number | boolean | null;

export interface Block<T extends BlockCell = BlockCell> {
  sheet: string;
  top: number;
  left: number;
  values: BlockValue[][];
  formats: Array<Array<string | null>>;
  writes: T[];
}

/** Rows of nothing between two runs of writes that still go into one block. */
const MAX_GAP = 2;

/**
 * Text Excel would turn into something else when written through `values`: a formula ("=", "+", "-",
 * "@"), a number ("2024", "0012", "1,200", "50%"), a date or time ("1-2", "2024/1/2", "3月1日", "10:30")
 * or a truth value. Such text goes in with a quote prefix, which Excel keeps as text.
 */
export function wouldParse(text: string): boolean {
  const t = text.trim();
  return /^[=+\-@]/.test(text)
    || /^[+-]?(\d[\d,]*\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i.test(t)
    || /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(t)
    || /^(\d{2,4}年)?\d{1,2}月(\d{1,2}日)?$|^\d{1,2}日$/.test(t)
    || /^\d{1,2}:\d{2}(:\d{2})?$/.test(t)
    || /^(true|false)$/i.test(t);
}

export function asText<T>(value: T): T | string {
  return typeof value === 'string' && value !== '' && wouldParse(value) ? `'${value}` : value;
}

function block<T extends BlockCell>(sheet: string, writes: T[]): Block<T> {
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  for (const w of writes) {
    top = Math.min(top, w.row);
    bottom = Math.max(bottom, w.row);
    left = Math.min(left, w.col);
    right = Math.max(right, w.col);
  }
  const values: BlockValue[][] = Array.from({ length: bottom - top + 1 }, () => Array<BlockValue>(right - left + 1).fill(null));
  const formats: Array<Array<string | null>> = values.map((row) => row.map(() => null));
  for (const w of writes) {
    values[w.row - top][w.col - left] = asText(w.value);
    formats[w.row - top][w.col - left] = w.numberFormat;
  }
  return { sheet, top, left, values, formats, writes };
}

/** Writes grouped by sheet and by runs of nearby rows; each run is the rectangle its writes span. */
export function planBlocks<T extends BlockCell>(writes: T[]): Array<Block<T>> {
  const bySheet = new Map<string, T[]>();
  for (const w of writes) {
    const list = bySheet.get(w.sheet);
    if (list) list.push(w);
    else bySheet.set(w.sheet, [w]);
  }
  const blocks: Array<Block<T>> = [];
  for (const [sheet, list] of bySheet) {
    const sorted = [...list].sort((a, b) => a.row - b.row || a.col - b.col);
    let run: T[] = [];
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

/**
 * The object paths and actions around a block (the sheet by name, the range, instantiations, two
 * assignments): measured through the Office.js runtime at about 650 bytes; counted generously.
 */
export function blockOverhead(sheet: string): number {
  return 800 + 2 * utf8Bytes(sheet);
}

/** The bytes a block adds to a request: its two arrays as JSON in UTF-8, and the paths around them. */
export function payloadSize(b: Block): number {
  return jsonBytes(b.values) + (b.formats.some((row) => row.some((f) => f !== null)) ? jsonBytes(b.formats) : 0) + blockOverhead(b.sheet);
}

/** A block's rows in two halves (a single row cannot be split and is returned as is). */
export function halve<T extends BlockCell>(b: Block<T>): Array<Block<T>> {
  if (b.values.length < 2) return [b];
  const mid = Math.ceil(b.values.length / 2);
  const upper = b.writes.filter((w) => w.row - b.top < mid);
  const lower = b.writes.filter((w) => w.row - b.top >= mid);
  return [upper, lower].filter((ws) => ws.length > 0).map((ws) => block(b.sheet, ws));
}

/** Blocks grouped into requests of at most `budget` bytes; a block larger than the budget is halved first. */
export function chunk<T extends BlockCell>(blocks: Array<Block<T>>, budget: number, size: (b: Block<T>) => number = payloadSize): Array<Array<Block<T>>> {
  const out: Array<Array<Block<T>>> = [];
  let current: Array<Block<T>> = [];
  let total = 0;
  const queue = [...blocks];
  while (queue.length) {
    const b = queue.shift() as Block<T>;
    const s = size(b);
    if (s > budget && b.values.length > 1) {
      queue.unshift(...halve(b));
      continue;
    }
    if (current.length && total + s > budget) {
      out.push(current);
      current = [];
      total = 0;
    }
    current.push(b);
    total += s;
  }
  if (current.length) out.push(current);
  return out;
}

/** Writes a block's formats (first: a text format must be in place before its text) and values. */
export function writeBlock(context: Excel.RequestContext, b: Block): void {
  const range = context.workbook.worksheets.getItem(b.sheet).getRangeByIndexes(b.top, b.left, b.values.length, b.values[0].length);
  if (b.formats.some((row) => row.some((f) => f !== null))) range.numberFormat = b.formats as unknown[][];
  range.values = b.values as unknown[][];
}
