// Finds a table's header by its labels (aliases from the profile), on one row or two rows where a
// merged band (项目资金（万元）) sits over the real column labels.

import type { Grid } from '../grid';
import { labelKey } from '../text';

export type AliasIndex<F extends string> = Map<string, F>;

export interface HeaderMatch<F extends string> {
  row: number;
  /** The header's last row: `row` + 1 for a two-row header. */
  lastRow: number;
  cols: Partial<Record<F, number>>;
}

export function aliasIndex<F extends string>(aliases: Record<F, string[]>): AliasIndex<F> {
  const index = new Map<string, F>();
  for (const field of Object.keys(aliases) as F[]) {
    for (const alias of aliases[field]) {
      const key = labelKey(alias);
      if (!index.has(key)) index.set(key, field);
    }
  }
  return index;
}

/** "单位名称：" introduces the value beside it (a title line's field), it heads no column. */
const LEADS_VALUE = /[:：]$/;

function rowFields<F extends string>(grid: Grid, row: number, index: AliasIndex<F>, cols: Partial<Record<F, number>>, accept: (col: number) => boolean): number {
  let found = 0;
  for (const c of grid.cols(row)) {
    // The label first: most cells are no header, and looking up merges costs more.
    const field = index.get(grid.label(row, c));
    if (field === undefined || grid.isMergedTail(row, c) || !accept(c) || LEADS_VALUE.test(grid.text(row, c))) continue;
    if (cols[field] === undefined) {
      cols[field] = c;
      found++;
    }
  }
  return found;
}

function anyLabel(grid: Grid, row: number, index: AliasIndex<string>): boolean {
  for (const c of grid.cols(row)) if (index.has(grid.label(row, c))) return true;
  return false;
}

/** The header that starts at `row`, or null when the row holds no known label. */
export function matchHeader<F extends string>(grid: Grid, row: number, index: AliasIndex<F>): HeaderMatch<F> | null {
  if (!anyLabel(grid, row, index)) return null; // most rows: nothing to build
  const cols: Partial<Record<F, number>> = {};
  if (rowFields(grid, row, index, cols, () => true) === 0) return null;
  if (row + 1 >= grid.rowCount) return { row, lastRow: row, cols };
  // The row below belongs to the header where it labels columns under a band or under an empty cell.
  const under = (c: number): boolean => {
    const area = grid.merge(row, c);
    if (area && area.bottom > row) return false; // a label merged down over both rows
    if (area && area.right > area.left) return true; // under a band
    return grid.text(row, c) === '';
  };
  const extra = rowFields(grid, row + 1, index, cols, under);
  return { row, lastRow: extra > 0 ? row + 1 : row, cols };
}
