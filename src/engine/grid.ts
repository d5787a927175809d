// A sheet as recognition needs it: values by row/column, merged areas looked up by cell, and the
// occupied cells in order. Recognition walks the occupied cells, never the used range's rectangle: one
// stray cell at XFD1048576 costs one cell, not seventeen billion.

import { type Area, parseA1, parseArea, toA1 } from './address';
import { Dec } from './decimal';
import type { CellValue, SheetSnapshot } from './snapshot';
import { cellText, labelKey } from './text';

const NONE: readonly number[] = [];

/** cellText(value) !== '', without making the text of a number. */
function holdsSomething(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

/**
 * Visits the indexes of an array's elements in order. A plain loop for dense arrays; when the holes
 * outnumber the elements (a sparse row or sheet), `for in`, which visits only the elements there are.
 */
function indexes(array: readonly unknown[], visit: (index: number) => void): void {
  let holes = 0;
  for (let i = 0; i < array.length; i++) {
    if (i in array) {
      visit(i);
    } else if (++holes > 1024 && holes > i / 2) {
      for (const key in array) {
        const k = Number(key);
        if (k > i && Number.isInteger(k)) visit(k);
      }
      return;
    }
  }
}

/** The position of the first element of a sorted array that is > value. */
function after(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Positions as row × COLS + column (16,384 columns in a sheet). */
const COLS = 16384;

/**
 * A record by A1 address as a map by position. An address not spelled as toA1 spells it ('$B$2', 'b2')
 * is left out: a lookup by toA1's spelling never found it either.
 */
function byPosition<T>(entries: Array<[string, T]>): Map<number, T> {
  const map = new Map<number, T>();
  for (const [address, value] of entries) {
    if (!A1.test(address)) continue;
    const { row, col } = parseA1(address);
    if (toA1(row, col) === address) map.set(row * COLS + col, value);
  }
  return map;
}

const A1 = /^[A-Z]{1,3}[1-9]\d*$/;

/** A formula that is a percentage and nothing else: =100%, =95.5%. */
const PERCENT_FORMULA = /^=\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s*%$/;

/**
 * A fraction as the percent a percent format shows, exactly: 0.955 is '95.5%', not 95.49999999999999.
 * Excel shows at most 15 significant digits, so the double's noise past them is not the user's.
 */
function percentText(value: number): string {
  return `${new Dec(value.toPrecision(15)).times(100).toFixed()}%`;
}

function byLeft(areas: Area[]): boolean {
  for (let i = 1; i < areas.length; i++) if (areas[i - 1].left > areas[i].left) return false;
  return true;
}

export class Grid {
  readonly name: string;
  /** One past the last row holding something. */
  readonly rowCount: number;
  /** One past the last column holding something. */
  readonly colCount: number;
  private readonly occupied: number[] = [];
  /** Occupied columns by row (a sparse array: rows without content have no entry). */
  private readonly colsAt: number[][] = [];
  private readonly merges: Area[];
  private readonly labels: string[][] = [];
  /** Merged areas crossing a row, by left edge; rows with content are filled up front, others on demand. */
  private readonly mergesAt: Area[][] = [];
  /** Formulas, dates, formulas without a result and percent cells by position, made when first asked for. */
  private formulas: Map<number, string> | null = null;
  private dates: Map<number, string> | null = null;
  private uncalculated: Map<number, true> | null = null;
  private percents: Map<number, true> | null = null;

  constructor(readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    let colCount = 0;
    indexes(sheet.values, (row) => {
      const line = sheet.values[row];
      if (!line) return;
      const cols: number[] = [];
      indexes(line, (col) => {
        if (holdsSomething(line[col])) cols.push(col);
      });
      if (cols.length === 0) return;
      this.occupied.push(row);
      this.colsAt[row] = cols;
      colCount = Math.max(colCount, cols[cols.length - 1] + 1);
    });
    this.rowCount = this.occupied.length ? this.occupied[this.occupied.length - 1] + 1 : 0;
    this.colCount = colCount;
    this.merges = sheet.merges.map(parseArea);
    // Each area joins the occupied rows it crosses: linear in areas plus the rows they hold.
    for (const area of this.merges) {
      for (let i = after(this.occupied, area.top - 1); i < this.occupied.length && this.occupied[i] <= area.bottom; i++) {
        const row = this.occupied[i];
        const list = this.mergesAt[row];
        if (list) list.push(area);
        else this.mergesAt[row] = [area];
      }
    }
    // Sorting costs an allocation even for one area: only lists out of order are sorted.
    for (const row of this.occupied) {
      const list = this.mergesAt[row];
      if (list && !byLeft(list)) list.sort((a, b) => a.left - b.left);
    }
  }

  /** Rows holding something, ascending, within [from, to). */
  rows(from = 0, to = this.rowCount): number[] {
    return this.occupied.slice(after(this.occupied, from - 1), after(this.occupied, to - 1));
  }

  /** The first row after `row` that holds something; rowCount when there is none. */
  nextRow(row: number): number {
    const i = after(this.occupied, row);
    return i < this.occupied.length ? this.occupied[i] : this.rowCount;
  }

  /** Columns of a row that hold something, ascending. */
  cols(row: number): readonly number[] {
    return this.colsAt[row] ?? NONE;
  }

  value(row: number, col: number): CellValue {
    const line = this.sheet.values[row];
    const v = line ? line[col] : undefined;
    return v === undefined ? null : v;
  }

  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  /** The cell's label key ('' for non-text). Recognition asks for every cell's several times: kept by row. */
  label(row: number, col: number): string {
    let line = this.labels[row];
    if (!line) this.labels[row] = line = [];
    let label = line[col];
    if (label === undefined) {
      const value = this.value(row, col);
      line[col] = label = typeof value === 'string' ? labelKey(value) : '';
    }
    return label;
  }

  merge(row: number, col: number): Area | null {
    let list = this.mergesAt[row];
    if (!list) {
      // Rows holding something had their areas listed up front: no entry means none crosses them.
      if (this.colsAt[row] !== undefined) return null;
      list = this.merges.filter((a) => a.top <= row && row <= a.bottom).sort((a, b) => a.left - b.left);
      this.mergesAt[row] = list;
    }
    for (const area of list) {
      if (area.left > col) break;
      if (col <= area.right) return area;
    }
    return null;
  }

  /** True for a cell covered by a merge but not its top-left (it holds nothing of its own). */
  isMergedTail(row: number, col: number): boolean {
    const area = this.merge(row, col);
    return area !== null && (area.top !== row || area.left !== col);
  }

  /** The value shown at a cell: a merged area's value shows in all its cells. */
  shown(row: number, col: number): CellValue {
    const area = this.merge(row, col);
    return area ? this.value(area.top, area.left) : this.value(row, col);
  }

  formula(address: string): string | null {
    return Object.prototype.hasOwnProperty.call(this.sheet.formulas, address) ? this.sheet.formulas[address] : null;
  }

  /** The formula of a cell, found by position: asked for every computed cell, so the address is not spelled. */
  formulaAt(row: number, col: number): string | null {
    if (row < 0 || col < 0) return null;
    this.formulas ??= byPosition(Object.entries(this.sheet.formulas));
    return this.formulas.get(row * COLS + col) ?? null;
  }

  /** The formula of a cell whose file holds no result for it (its value is unknown, not blank). */
  formulaWithoutResult(row: number, col: number): string | null {
    if (!this.sheet.uncalculated?.length || row < 0 || col < 0) return null;
    this.uncalculated ??= byPosition(this.sheet.uncalculated.map((a) => [a, true as const]));
    return this.uncalculated.has(row * COLS + col) ? this.formula(toA1(row, col)) : null;
  }

  /** The date a cell shows when its number format is a date format ('2025-01-01'); null otherwise. */
  date(row: number, col: number): string | null {
    if (!this.sheet.dates || row < 0 || col < 0) return null;
    this.dates ??= byPosition(Object.entries(this.sheet.dates));
    return this.dates.get(row * COLS + col) ?? null;
  }

  /** True when a number cell's format shows it as a percent (0.6 as 60%): it holds a fraction. */
  percent(row: number, col: number): boolean {
    if (!this.sheet.percents?.length || row < 0 || col < 0) return false;
    this.percents ??= byPosition(this.sheet.percents.map((a) => [a, true as const]));
    return this.percents.has(row * COLS + col);
  }

  /**
   * The cell as its reader takes it where the stored value alone misleads: a number formatted as a
   * percent is the percent it shows (0.955 is '95.5%'), and a formula that only writes a percentage is
   * what was typed ('=100%': Excel keeps a typed "=100%" as a formula whose result is 1).
   */
  asTyped(row: number, col: number): CellValue {
    const formula = this.formulaAt(row, col);
    if (formula !== null && PERCENT_FORMULA.test(formula)) return formula.replace(/\s+/g, '');
    const value = this.value(row, col);
    return typeof value === 'number' && Number.isFinite(value) && this.percent(row, col) ? percentText(value) : value;
  }

  rowIsBlank(row: number): boolean {
    return this.cols(row).length === 0;
  }

  /** The next cell to the right of `col` holding something, skipping the tail of `col`'s merge. */
  nextFilledRight(row: number, col: number, limit = this.colCount): number {
    const cols = this.cols(row);
    for (let i = after(cols, col); i < cols.length && cols[i] < limit; i++) {
      if (!this.isMergedTail(row, cols[i])) return cols[i];
    }
    return -1;
  }
}
