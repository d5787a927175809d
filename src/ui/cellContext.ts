// Where a cell sits in the tables the engine recognised: the project (and indicator) of its row and the
// heading of its column. The web page has no Excel to select a cell in, so an issue shows these instead
// of a bare address.

import type { Analysis, CellValue, WorkbookSnapshot } from '../engine';
import { parseA1 } from '../engine';

export interface CellContext {
  row: number;
  project?: string;
  indicator?: string;
  column?: string;
  value: CellValue;
}

const text = (v: CellValue | undefined) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');

export function cellContext(analysis: Analysis, snapshot: WorkbookSnapshot, sheetName: string, cell: string): CellContext {
  const { row, col } = parseA1(cell);
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  const at = (r: number, c: number) => sheet?.values[r]?.[c] ?? null;
  const out: CellContext = { row: row + 1, value: at(row, col) };
  const m = analysis.model;

  /** The text heading the column: the nearest text above the cell, up to `top`, past the table's own rows. */
  const heading = (top: number, rows: Set<number> = new Set()) => {
    for (let r = row - 1; r >= top; r--) {
      if (rows.has(r)) continue;
      const t = text(at(r, col));
      if (t && !/^[-+\d.,%\s]+$/.test(t)) return t;
    }
    return undefined;
  };

  const list = m.lists.find((l) => l.sheet === sheetName && row > l.headerRow && l.rows.some((r) => r.row === row));
  if (list) {
    out.project = list.rows.find((r) => r.row === row)?.name;
    out.column = heading(Math.max(0, list.headerRow - 1), new Set(list.rows.map((r) => r.row)));
    return out;
  }
  const indicators = m.indicatorLists.find((l) => l.sheet === sheetName && l.indicators.some((i) => i.row === row));
  if (indicators) {
    const indicator = indicators.indicators.find((i) => i.row === row);
    out.project = indicator?.project;
    out.indicator = indicator?.level3;
    out.column = heading(Math.max(0, indicators.headerRow - 1), new Set(indicators.indicators.map((i) => i.row)));
    return out;
  }
  const form = m.forms.find((f) => f.sheet === sheetName && row >= f.top && row <= f.bottom);
  if (form) {
    out.project = form.name;
    out.indicator = form.indicators.find((i) => i.row === row)?.level3;
    out.column = heading(form.top);
    return out;
  }
  const department = m.departments.find((d) => d.sheet === sheetName);
  if (department) {
    out.indicator = department.items.find((i) => i.row === row)?.level3;
    out.column = heading(0);
  }
  return out;
}
