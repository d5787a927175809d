// Which number cells show a percent (0.95 as 95%) or a date (45658 as 2025-01-01, never 45,658 万元). Only a
// number's format matters, so formats are asked
// for the runs of number cells down each column, not the used range: on a 20,000-row indicator list that
// is the 分值 column, not every cell's "General". The loads are queued to ride with the merges' first
// sync; a run whose sync failed, or that never went, is asked again in syncs of its own.

/// <reference types="office-js" />

import { toA1 } from '../../engine';
import { isDateCode, isPercentCode } from '../numberFormats';

/** Cells per request: about 11 bytes each for a format such as "General", well within 5 MB. */
export const FORMAT_CELLS = 150_000;

export interface Run {
  sheet: string;
  col: number;
  top: number;
  rows: number;
}

interface Pending {
  run: Run;
  range: Excel.Range;
}

/** Vertical runs of number cells in values read from (rowIndex, columnIndex). */
export function numberRuns(sheet: string, rowIndex: number, columnIndex: number, values: unknown[][], runs: Run[]): void {
  const open: Array<Run | undefined> = [];
  values.forEach((line, r) => {
    line.forEach((v, c) => {
      if (typeof v !== 'number') return;
      const run = open[c];
      if (run && run.top + run.rows === rowIndex + r) run.rows++;
      else runs.push((open[c] = { sheet, col: columnIndex + c, top: rowIndex + r, rows: 1 }));
    });
  });
}

type Shows = 'percent' | 'date' | null;
const shownAs = new Map<string, Shows>();

/** Formats repeat: each code is looked at once. */
function shows(code: unknown): Shows {
  if (typeof code !== 'string' || code === 'General') return null;
  let kind = shownAs.get(code);
  if (kind === undefined) shownAs.set(code, (kind = isDateCode(code) ? 'date' : isPercentCode(code) ? 'percent' : null));
  return kind;
}

/** Addresses of the number cells shown as percents and as dates, by sheet. */
export interface ShownFormats {
  percents: Map<string, string[]>;
  dates: Map<string, string[]>;
}

function queue(context: Excel.RequestContext, runs: Run[]): Pending[] {
  return runs.map((run) => {
    const range = context.workbook.worksheets.getItem(run.sheet).getRangeByIndexes(run.top, run.col, run.rows, 1);
    range.load('numberFormat');
    return { run, range };
  });
}

/** Runs in groups of at most FORMAT_CELLS cells (a longer run is cut). */
function groups(runs: Run[]): Run[][] {
  const out: Run[][] = [];
  let group: Run[] = [];
  let cells = 0;
  for (const whole of runs) {
    for (let top = whole.top; top < whole.top + whole.rows; top += FORMAT_CELLS) {
      const run = { ...whole, top, rows: Math.min(FORMAT_CELLS, whole.top + whole.rows - top) };
      if (cells + run.rows > FORMAT_CELLS && group.length) {
        out.push(group);
        group = [];
        cells = 0;
      }
      group.push(run);
      cells += run.rows;
    }
  }
  if (group.length) out.push(group);
  return out;
}

export interface FormatRead {
  /** Queued loads to ride with the next sync (the first group's). */
  riding: Pending[];
  /** Groups still to read in syncs of their own. */
  rest: Run[][];
}

/** Queues the first group's loads now, so that the caller's next sync carries them. */
export function queueFormats(context: Excel.RequestContext, runs: Run[]): FormatRead {
  const [first = [], ...rest] = groups(runs);
  return { riding: queue(context, first), rest };
}

/** The percent and date cells by sheet, from the riding loads and the rest; returns the syncs it took. */
export async function readFormats(context: Excel.RequestContext, read: FormatRead, out: ShownFormats): Promise<number> {
  let syncs = 0;
  const missed: Run[] = [];
  collect(read.riding, out, missed);
  for (const group of [...(missed.length ? [missed] : []), ...read.rest]) {
    const pending = queue(context, group);
    syncs++;
    await context.sync();
    collect(pending, out, []);
  }
  return syncs;
}

function collect(pending: Pending[], out: ShownFormats, missed: Run[]): void {
  for (const { run, range } of pending) {
    let formats: unknown[][];
    try {
      formats = range.numberFormat;
    } catch {
      missed.push(run); // its sync failed or never happened: asked again
      continue;
    }
    formats.forEach((line, r) => {
      const kind = shows(line[0]);
      if (!kind) return;
      const map = kind === 'date' ? out.dates : out.percents;
      const list = map.get(run.sheet);
      const address = toA1(run.top + r, run.col);
      if (list) list.push(address);
      else map.set(run.sheet, [address]);
    });
  }
}
