// What a unit does to its copy of the template, done the way Excel does it: inserting or deleting rows
// and columns moves the cells below / to the right, stretches or shrinks merged areas, and rewrites
// every formula's references (a SUM over a range grows when a row is inserted inside it).
import { columnName, parseA1, parseArea, toA1 } from '../../src/engine/address';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/engine';

type Axis = 'row' | 'col';

/** A deep copy, so one template makes many unit copies. */
export function copyBook(book: WorkbookSnapshot): WorkbookSnapshot {
  return JSON.parse(JSON.stringify(book));
}

export function sheetOf(book: WorkbookSnapshot, name: string): SheetSnapshot {
  const found = book.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Moves index `i` for an insertion (count > 0) or deletion (count < 0) at `at`; null when deleted. */
function shift(i: number, at: number, count: number): number | null {
  if (i < at) return i;
  if (count < 0 && i < at - count) return null;
  return i + count;
}

/** A range's ends after the edit: it grows when rows go in inside it, and shrinks when rows inside it go. */
function shiftRange(lo: number, hi: number, at: number, count: number): [number, number] | null {
  if (count > 0) return [lo >= at ? lo + count : lo, hi >= at ? hi + count : hi];
  const gone = (i: number) => i >= at && i < at - count;
  const keep: number[] = [];
  for (let i = lo; i <= hi; i++) if (!gone(i)) keep.push(i < at ? i : i + count);
  return keep.length ? [keep[0], keep[keep.length - 1]] : null;
}

const REF = /(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![\w(])/g;

function rewrite(formula: string, axis: Axis, at: number, count: number): string {
  return formula.replace(REF, (_whole, d1, c1, d2, r1, d3, c2, d4, r2) => {
    const a = parseA1(`${c1}${r1}`);
    const b = c2 ? parseA1(`${c2}${r2}`) : a;
    const [lo, hi] = axis === 'row' ? [a.row, b.row] : [a.col, b.col];
    const moved = shiftRange(lo, hi, at, count);
    if (!moved) return '#REF!';
    const end = (p: { row: number; col: number }, v: number, dc: string, dr: string) => {
      const q = axis === 'row' ? { row: v, col: p.col } : { row: p.row, col: v };
      return `${dc}${columnName(q.col)}${dr}${q.row + 1}`;
    };
    const first = end(a, moved[0], d1, d2);
    return c2 ? `${first}:${end(b, moved[1], d3, d4)}` : first;
  });
}

function edit(sheet: SheetSnapshot, axis: Axis, at: number, count: number, fill: CellValue[][] = []): void {
  const values = sheet.values;
  if (axis === 'row') {
    if (count > 0) values.splice(at, 0, ...Array.from({ length: count }, (_, i) => [...(fill[i] ?? [])]));
    else values.splice(at, -count);
  } else {
    for (let r = 0; r < values.length; r++) {
      const line = values[r] ?? [];
      while (line.length < at) line.push(null);
      if (count > 0) line.splice(at, 0, ...Array.from({ length: count }, (_, i) => fill[r]?.[i] ?? null));
      else line.splice(at, -count);
      values[r] = line;
    }
  }
  sheet.merges = sheet.merges.flatMap((range) => {
    const area = parseArea(range);
    const [lo, hi] = axis === 'row' ? [area.top, area.bottom] : [area.left, area.right];
    const moved = shiftRange(lo, hi, at, count);
    if (!moved) return [];
    const next = axis === 'row' ? { ...area, top: moved[0], bottom: moved[1] } : { ...area, left: moved[0], right: moved[1] };
    if (next.top === next.bottom && next.left === next.right) return [];
    return [`${toA1(next.top, next.left)}:${toA1(next.bottom, next.right)}`];
  });
  const formulas: Record<string, string> = {};
  for (const [address, formula] of Object.entries(sheet.formulas)) {
    const p = parseA1(address);
    const moved = shift(axis === 'row' ? p.row : p.col, at, count);
    if (moved === null) continue;
    const q = axis === 'row' ? toA1(moved, p.col) : toA1(p.row, moved);
    formulas[q] = rewrite(formula, axis, at, count);
  }
  sheet.formulas = formulas;
}

/** Inserts rows before 0-based row `at`, with their values. */
export function insertRows(sheet: SheetSnapshot, at: number, rows: CellValue[][]): void {
  edit(sheet, 'row', at, rows.length, rows);
}

export function deleteRows(sheet: SheetSnapshot, at: number, count = 1): void {
  edit(sheet, 'row', at, -count);
}

/** Inserts one column before 0-based column `at`, with a value per row (by row index). */
export function insertColumn(sheet: SheetSnapshot, at: number, cells: Record<number, CellValue> = {}): void {
  edit(sheet, 'col', at, 1, Object.entries(cells).reduce<CellValue[][]>((rows, [r, v]) => {
    rows[Number(r)] = [v];
    return rows;
  }, []));
}

export function deleteColumn(sheet: SheetSnapshot, at: number): void {
  edit(sheet, 'col', at, -1);
}

/** Sets a cell by A1 address, growing the rows as needed; a formula replaces the value's formula. */
export function setCell(sheet: SheetSnapshot, address: string, value: CellValue, formula?: string): void {
  const { row, col } = parseA1(address);
  while (sheet.values.length <= row) sheet.values.push([]);
  // A file read leaves holes (null rows after a copy) where nothing is.
  const line = (sheet.values[row] ??= []);
  while (line.length <= col) line.push(null);
  line[col] = value;
  if (formula) sheet.formulas[address] = formula;
  else delete sheet.formulas[address];
}

export function cellAt(sheet: SheetSnapshot, address: string): CellValue {
  const { row, col } = parseA1(address);
  return sheet.values[row]?.[col] ?? null;
}
