// What the bureau fixed in one template row, and what a unit row holds, in the terms rows are matched by.

import { toA1 } from '../address';
import { parseValue } from '../parse/value';
import type { CellValue } from '../snapshot';
import { cellText, fold, isBlankLike, labelKey } from '../text';
import { skeleton } from './formula';
import type { Region, SheetLayout } from './layout';

export type FixedKind = 'header' | 'text' | 'number' | 'formula';

export interface FixedCell {
  row: number;
  col: number;
  kind: FixedKind;
  value: CellValue;
  formula: string | null;
  /** What rows are matched by: the label, the number, or the formula's shape. */
  key: string;
  region: Region | null;
}

/** Text as compared: full-width folded, without white space. */
export const plainText = (value: CellValue) => fold(cellText(value)).replace(/\s+/g, '');

function numberKey(value: CellValue): string | null {
  const parsed = parseValue(value);
  return parsed.kind === 'number' && ['', '分', '%'].includes(parsed.unit) ? parsed.value.toString() : null;
}

export function cellKey(value: CellValue, formula: string | null): string {
  if (formula !== null) return `f:${skeleton(formula)}`;
  const n = numberKey(value);
  return n !== null ? `n:${n}` : `t:${labelKey(value)}`;
}

/** The template's fixed cells of a row: labels, headers, numbers the bureau set and every formula. */
export function fixedCells(layout: SheetLayout, row: number): FixedCell[] {
  const { grid } = layout;
  const region = layout.regionAt(row);
  const out: FixedCell[] = [];
  for (let col = 0; col < grid.colCount; col++) {
    if (grid.isMergedTail(row, col)) continue;
    const value = grid.value(row, col);
    const formula = grid.formula(toA1(row, col));
    if (formula === null && (layout.isFill(row, col) || isBlankLike(value))) continue;
    const kind: FixedKind = formula !== null ? 'formula'
      : region?.headerRows.includes(row) ? 'header'
      : numberKey(value) !== null ? 'number' : 'text';
    out.push({ row, col, kind, value, formula, key: cellKey(value, formula), region });
  }
  return out;
}

/** A unit row as rows are matched: the keys of its cells and its texts. */
export interface RowSignature {
  keys: Set<string>;
  texts: string[];
  blank: boolean;
}

export function rowSignature(layout: SheetLayout, row: number): RowSignature {
  const { grid } = layout;
  const keys = new Set<string>();
  const texts: string[] = [];
  for (let col = 0; col < grid.colCount; col++) {
    if (grid.isMergedTail(row, col)) continue;
    const value = grid.value(row, col);
    const formula = grid.formula(toA1(row, col));
    if (formula === null && isBlankLike(value)) continue;
    keys.add(cellKey(value, formula));
    if (formula !== null && value !== null) keys.add(cellKey(value, null));
    if (typeof value === 'string') texts.push(plainText(value));
  }
  return { keys, texts, blank: keys.size === 0 };
}

/** A fixed cell found in a unit row: outside tables a title or note may gain words ("填表人：张三"). */
export function foundIn(cell: FixedCell, sig: RowSignature): boolean {
  if (sig.keys.has(cell.key)) return true;
  if (cell.region !== null || cell.kind !== 'text') return false;
  const text = plainText(cell.value);
  return sig.texts.some((t) => t.includes(text));
}
