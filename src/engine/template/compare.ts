// One unit sheet against its template sheet: header columns, rows the bureau fixed, fixed texts,
// weights and formulas, each difference reported at the unit's cell.

import { columnName, toA1 } from '../address';
import { type Dec, sum } from '../decimal';
import type { Findings } from '../findings';
import type { Indicator } from '../model';
import { parseValue } from '../parse/value';
import type { CellValue } from '../snapshot';
import { cellText, labelKey, shortText } from '../text';
import { alignColumns, alignRows, type ColumnMap, type SegmentAlignment } from './align';
import { type FixedCell, foundIn, plainText, rowSignature } from './cells';
import { compareFormula, type FormulaContext, type RefMap } from './formula';
import type { Region, RowRange, SheetLayout } from './layout';

export interface SegmentContext {
  template: SheetLayout;
  unit: SheetLayout;
  seg: SegmentAlignment;
  /** Column maps of the template's tables; `own` are those whose header rows lie in this part. */
  columns: Map<Region, ColumnMap>;
  own: Set<ColumnMap>;
}

const whole = (layout: SheetLayout) => ({ from: 0, to: Math.max(layout.grid.rowCount - 1, 0) });

/**
 * Row and column alignments of a unit sheet with its template sheet. Repeated parts are compared one by
 * one: a unit's extra forms or projects (more than the template holds) each against the template's last.
 */
export function alignSheet(template: SheetLayout, unit: SheetLayout): SegmentContext[] {
  const pairs: Array<[RowRange, RowRange]> = template.blocks.length > 0 && unit.blocks.length > 0
    ? [
      [template.head, unit.head],
      ...unit.blocks.map((u, j): [RowRange, RowRange] => [template.blocks[Math.min(j, template.blocks.length - 1)], u]),
      [template.tail, unit.tail],
    ]
    : [[whole(template), whole(unit)]];
  const contexts = pairs.filter(([t, u]) => t.to >= t.from || u.to >= u.from).map(([t, u]): SegmentContext => {
    const seg = alignRows(template, unit, t, u);
    const own = new Map<Region, ColumnMap>();
    for (const region of template.regions) {
      if (region.headerRows.every((r) => r < t.from || r > t.to)) continue;
      const map = alignColumns(template, unit, region, seg.pairs);
      if (map) own.set(region, map);
    }
    return { template, unit, seg, columns: own, own: new Set(own.values()) };
  });
  // A table's rows in a later part (the next project of an indicator list) read its header's columns.
  for (const ctx of contexts) {
    for (const other of contexts) for (const [region, map] of other.columns) if (!ctx.columns.has(region)) ctx.columns.set(region, map);
  }
  return contexts;
}

/** A sheet's alignment as formulas read it: rows from all its segments, columns from `current`'s tables. */
export function refMap(all: SegmentContext[], current: SegmentContext): RefMap {
  const u2t = new Map<number, number>();
  const kept = new Set<number>();
  for (const c of all) {
    for (const p of c.seg.pairs) {
      u2t.set(p.u, p.t);
      kept.add(p.t);
    }
  }
  const columns = (tRow: number | null) => {
    const region = tRow === null ? null : current.template.regionAt(tRow);
    return region ? current.columns.get(region) : undefined;
  };
  const { template, unit } = current;
  return {
    body: (from, to) => {
      const region = template.regions.find((r) => r.open !== null && r.open.from === from && r.open.to === to);
      if (!region) return null;
      // The unit's table: the one under the header rows paired with the template's, or holding its body's rows.
      const header = [current, ...all].map((c) => c.columns.get(region)?.headerRows[0]).find((p) => p !== undefined);
      const held = header ? header.u : [...u2t].find(([, t]) => t >= from && t <= to)?.[0];
      return held === undefined ? null : unit.regionAt(held)?.open ?? null;
    },
    row: (u) => u2t.get(u),
    rowKept: (t) => kept.has(t),
    col: (uc, tRow) => {
      const map = columns(tRow);
      return map ? map.u2t.get(uc) : uc;
    },
    colKept: (tc, tRow) => {
      const map = columns(tRow);
      return map ? map.t2u.has(tc) : true;
    },
  };
}

/** The label over a column of a table: the lowest header row that names it. */
function headerLabel(layout: SheetLayout, rows: number[], col: number): string {
  const i = labelRowIndex(layout, rows, col);
  return i < 0 ? '' : cellText(layout.grid.shown(rows[i], col)).replace(/\s+/g, '');
}

/** Which of the header rows names a column (the lowest that does; a label merged down names it in its top row); -1 when none. */
function labelRowIndex(layout: SheetLayout, rows: number[], col: number): number {
  const { grid } = layout;
  for (let i = rows.length - 1; i >= 0; i--) {
    const area = grid.merge(rows[i], col);
    if (area && area.left === col && area.top < rows[i]) continue;
    if (cellText(grid.shown(rows[i], col))) return i;
  }
  return -1;
}

/** A row as a message quotes it: its first texts. */
function rowText(layout: SheetLayout, row: number, cols?: number[]): string {
  const { grid } = layout;
  const parts: string[] = [];
  for (const c of cols ?? Array.from({ length: grid.colCount }, (_, i) => i)) {
    if (!grid.isMergedTail(row, c) && grid.text(row, c)) parts.push(grid.text(row, c).replace(/\s+/g, ''));
  }
  return shortText(parts.slice(0, 4).join(' '), 40);
}

/** Unit rows as a message names them: 15–16、19. */
function rowRuns(rows: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    runs.push(j === i ? `${rows[i] + 1}` : `${rows[i] + 1}–${rows[j] + 1}`);
    i = j + 1;
  }
  return runs.join('、');
}

function topLeft(layout: SheetLayout, row: number, col: number): { row: number; col: number } {
  const area = layout.grid.merge(row, col);
  return area ? { row: area.top, col: area.left } : { row, col };
}

const numberOf = (value: CellValue): Dec | null => {
  const parsed = parseValue(value);
  return parsed.kind === 'number' ? parsed.value : null;
};

const sameLevels = (a: Indicator, b: Indicator) => labelKey(a.level1) === labelKey(b.level1) && labelKey(a.level2) === labelKey(b.level2);
const sameIndicatorGroup = (a: Indicator, b: Indicator) => labelKey(a.project) === labelKey(b.project) && sameLevels(a, b);

/** The 分值 of the indicators of `like`'s group in rows from..to; null when one is blank or none is there. */
function groupWeight(layout: SheetLayout, from: number, to: number, like: Indicator, same = sameIndicatorGroup): Dec | null {
  const weights: Dec[] = [];
  for (let r = from; r <= to; r++) {
    const ind = layout.indicatorAt(r);
    if (!ind || !same(ind, like)) continue;
    if (ind.weight === null) return null;
    weights.push(ind.weight);
  }
  return weights.length ? sum(weights) : null;
}

export class SheetComparer {
  private readonly sheet: string;

  constructor(private readonly ctx: SegmentContext, private readonly formulas: FormulaContext, private readonly findings: Findings) {
    this.sheet = ctx.unit.grid.name;
  }

  run(): void {
    for (const map of this.ctx.own) this.headers(map);
    this.rows();
    for (const pair of this.ctx.seg.pairs) this.cells(pair.t, pair.u);
  }

  private headers(map: ColumnMap): void {
    const { template, unit } = this.ctx;
    const tRows = map.headerRows.map((p) => p.t);
    const uRows = map.headerRows.map((p) => p.u);
    // A column's finding sits on its header, in the row that names it (under a band, the second row).
    const at = (rowIndex: number, col: number) => topLeft(unit, uRows[Math.max(rowIndex, 0)], col);
    for (const tc of map.missing) {
      const label = headerLabel(template, tRows, tc);
      if (!label) continue;
      const left = [...map.t2u.entries()].filter(([t]) => t < tc).sort((a, b) => b[0] - a[0])[0];
      const cell = at(labelRowIndex(template, tRows, tc), left ? left[1] + 1 : 0);
      this.findings.add('template.column-missing', this.sheet, cell.row, cell.col, { column: label, at: columnName(tc) });
    }
    for (const uc of map.inserted) {
      const cell = at(labelRowIndex(unit, uRows, uc), uc);
      this.findings.add('template.column-inserted', this.sheet, cell.row, cell.col, { column: headerLabel(unit, uRows, uc) });
    }
    for (const [tc, uc] of map.t2u) {
      if (map.moved.has(tc)) {
        const cell = at(labelRowIndex(unit, uRows, uc), uc);
        this.findings.add('template.column-moved', this.sheet, cell.row, cell.col, { column: headerLabel(template, tRows, tc), from: columnName(tc), to: columnName(uc) });
        continue;
      }
      for (const { t, u } of map.headerRows) {
        if (template.grid.isMergedTail(t, tc) || template.grid.text(t, tc) === '') continue;
        const actual = cellText(unit.grid.shown(u, uc));
        if (labelKey(actual) === template.grid.label(t, tc)) continue;
        const cell = topLeft(unit, u, uc);
        this.findings.add('template.column-renamed', this.sheet, cell.row, cell.col, { expected: template.grid.text(t, tc), actual: shortText(actual) });
      }
    }
  }

  private unitCol(cell: FixedCell): number | undefined {
    const map = cell.region ? this.ctx.columns.get(cell.region) : undefined;
    return map ? map.t2u.get(cell.col) : cell.col;
  }

  private rows(): void {
    const { template, unit, seg } = this.ctx;
    const pairs = seg.pairs;
    // Rows dropped together are one change: reported once, where they were.
    const runs: number[][] = [];
    for (const t of seg.dropped) {
      const run = runs[runs.length - 1];
      if (run && run[run.length - 1] === t - 1 && (template.regionAt(t) === null) === (template.regionAt(run[0]) === null)) run.push(t);
      else runs.push([t]);
    }
    for (const run of runs) {
      const t = run[0];
      const before = pairs.filter((p) => p.t < t).pop();
      const after = pairs.find((p) => p.t > t);
      const row = before ? before.u + 1 : after ? after.u : seg.unit.from;
      const cells = seg.fixed.get(t)!;
      const col = this.unitCol(cells[0]) ?? cells[0].col;
      const text = run.map((r) => rowText(template, r, seg.fixed.get(r)!.map((c) => c.col))).join('、');
      if (template.regionAt(t) === null) {
        // Title or note lines outside the tables: their text is gone.
        this.findings.add('template.text-changed', this.sheet, row, col, { field: '', expected: shortText(text, 60), actual: '' });
      } else {
        const at = run.length === 1 ? `${t + 1}` : `${t + 1}–${run[run.length - 1] + 1}`;
        this.findings.add('template.row-missing', this.sheet, row, col, { text: shortText(text, 60), at, count: run.length });
      }
    }
    for (const u of seg.added) {
      if (unit.isOpen(u)) {
        this.indicatorRow(u);
        continue;
      }
      const above = pairs.filter((p) => p.u < u).pop();
      const below = pairs.find((p) => p.u > u);
      const region = above ? template.regionAt(above.t) : null;
      if (!region || !below || template.regionAt(below.t) !== region) continue;
      const col = Math.max(unit.grid.nextFilledRight(u, -1), 0);
      this.findings.add('template.row-inserted', this.sheet, u, col, { text: rowText(unit, u), table: region.kind });
    }
  }

  /**
   * A row the unit added among open rows. A list takes more projects, but the indicator rows the bureau
   * preset (一级 / 二级 and 分值, in a form or in each project's block of an indicator list) are its shape:
   * a row more is reported, unless it splits a preset indicator whose 分值 the rows still add up to.
   */
  private indicatorRow(u: number): void {
    const { template, unit, seg } = this.ctx;
    const region = unit.regionAt(u);
    if (!region || (region.kind !== 'form' && region.kind !== 'indicators')) return;
    const preset: Indicator[] = [];
    for (let t = seg.template.from; t <= seg.template.to; t++) {
      const ind = template.indicatorAt(t);
      if (ind && ind.weight !== null) preset.push(ind);
    }
    if (preset.length === 0) return;
    const col = Math.max(unit.grid.nextFilledRight(u, -1), 0);
    const text = rowText(unit, u);
    const ind = unit.indicatorAt(u);
    const like = ind ? preset.find((p) => sameLevels(p, ind)) : undefined;
    if (!ind || !like) {
      this.findings.add('template.row-inserted', this.sheet, u, col, { text, table: region.kind });
      return;
    }
    const want = groupWeight(template, seg.template.from, seg.template.to, like, sameLevels)!;
    const have = groupWeight(unit, seg.unit.from, seg.unit.to, ind);
    if (ind.weight !== null && have !== null && have.equals(want)) return;
    this.findings.add('template.indicator-inserted', this.sheet, u, col, { text, table: region.kind, group: like.level2 || like.level1, weight: want.toString() });
  }

  private cells(t: number, u: number): void {
    const { template, unit, seg } = this.ctx;
    const sig = rowSignature(unit, u);
    for (const cell of seg.fixed.get(t)!) {
      if (cell.kind === 'header') continue;
      const col = this.unitCol(cell);
      if (col === undefined) continue; // the column is gone: reported once, at the header
      const at = topLeft(unit, u, col);
      const actual = unit.grid.value(at.row, at.col);
      const formula = unit.grid.formula(toA1(at.row, at.col));
      if (cell.kind === 'formula') {
        this.formula(cell, at, actual, formula);
      } else if (cell.region === null) {
        if (!foundIn(cell, sig)) this.findings.add('template.text-changed', this.sheet, at.row, at.col, { field: '', expected: shortText(cellText(cell.value)), actual: shortText(cellText(actual)) });
      } else if (cell.kind === 'number') {
        this.number(cell, t, u, at, actual);
      } else {
        const standard = cell.region.standardCols.has(cell.col);
        const same = standard ? plainText(actual) === plainText(cell.value) : labelKey(actual) === labelKey(cell.value);
        if (!same) {
          const field = headerLabel(template, cell.region.headerRows.filter((r) => r < t), cell.col);
          this.findings.add('template.text-changed', this.sheet, at.row, at.col, { field, expected: shortText(cellText(cell.value)), actual: shortText(cellText(actual)) });
        }
      }
    }
  }

  private formula(cell: FixedCell, at: { row: number; col: number }, actual: CellValue, formula: string | null): void {
    const expected = cell.formula!;
    if (formula === null) {
      const kind = actual === null || cellText(actual) === '' ? 'blank' : typeof actual === 'number' ? 'number' : 'text';
      this.findings.add('template.formula-replaced', this.sheet, at.row, at.col, { formula: expected, kind, value: shortText(cellText(actual)) });
    } else {
      const match = compareFormula(expected, formula, this.formulas);
      if (match.kind === 'other') this.findings.add('template.formula-changed', this.sheet, at.row, at.col, { formula: expected, actual: formula });
      else if (match.kind === 'short') {
        this.findings.add('template.formula-short', this.sheet, at.row, at.col, { formula: expected, actual: formula, rows: rowRuns(match.rows), range: match.ranges.join('、') });
      }
    }
  }

  private number(cell: FixedCell, t: number, u: number, at: { row: number; col: number }, actual: CellValue): void {
    const expected = numberOf(cell.value)!;
    const found = numberOf(actual);
    if (found !== null && found.equals(expected)) return;
    const params = { expected: cellText(cell.value), actual: shortText(cellText(actual)) };
    if (!cell.region!.weightCols.has(cell.col)) {
      this.findings.add('template.value-changed', this.sheet, at.row, at.col, params);
      return;
    }
    // A unit may split an indicator the template gives one row into several: their weights add up.
    const { template, unit, seg } = this.ctx;
    const tInd = template.indicatorAt(t);
    const uInd = unit.indicatorAt(u);
    if (tInd && uInd) {
      const region = cell.region!;
      const want = groupWeight(template, region.top, region.bottom, tInd);
      const have = groupWeight(unit, seg.unit.from, seg.unit.to, uInd);
      if (want !== null && have !== null && want.equals(have)) return;
    }
    this.findings.add('template.weight-changed', this.sheet, at.row, at.col, params);
  }
}
