// A sheet as recognition needs it: values by row/column, merged areas looked up by cell.

import { type Area, parseArea } from './address';
import type { CellValue, SheetSnapshot } from './snapshot';
import { cellText, labelKey } from './text';

export class Grid {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly mergeAt = new Map<number, Area>();
  /** Header search asks for the same labels many times; folding them is the costly part. */
  private readonly labels = new Map<number, string>();

  constructor(readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.rowCount = sheet.values.length;
    this.colCount = sheet.values.reduce((max, row) => Math.max(max, row ? row.length : 0), 0);
    for (const range of sheet.merges) {
      const area = parseArea(range);
      // Cells beyond the values hold nothing: a whole-column merge must not cost a million entries.
      const bottom = Math.min(area.bottom, this.rowCount - 1);
      const right = Math.min(area.right, this.colCount - 1);
      for (let r = area.top; r <= bottom; r++) {
        for (let c = area.left; c <= right; c++) this.mergeAt.set(this.key(r, c), area);
      }
    }
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  value(row: number, col: number): CellValue {
    const line = this.sheet.values[row];
    const v = line ? line[col] : undefined;
    return v === undefined ? null : v;
  }

  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  label(row: number, col: number): string {
    const key = this.key(row, col);
    let label = this.labels.get(key);
    if (label === undefined) {
      const value = this.value(row, col);
      label = typeof value === 'string' ? labelKey(value) : '';
      this.labels.set(key, label);
    }
    return label;
  }

  merge(row: number, col: number): Area | null {
    return this.mergeAt.get(this.key(row, col)) ?? null;
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

  rowIsBlank(row: number): boolean {
    const line = this.sheet.values[row];
    return !line || line.every((v) => v === null || v === undefined || cellText(v) === '');
  }

  /** The next cell to the right of `col` holding something, skipping the tail of `col`'s merge. */
  nextFilledRight(row: number, col: number, limit = this.colCount): number {
    for (let c = col + 1; c < limit; c++) {
      if (!this.isMergedTail(row, c) && this.text(row, c) !== '') return c;
    }
    return -1;
  }
}
