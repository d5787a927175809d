// A sheet as conformance sees it, from the engine's own recognition: where its tables are, which rows
// are headers, which cells the unit fills in, and where the unit may add or remove rows (a list's
// body, a form's indicator rows). Everything else the bureau put in its template is fixed.

import { Findings } from '../findings';
import type { Grid } from '../grid';
import type { Department, Form, Indicator, IndicatorList, ProjectList } from '../model';
import type { DepartmentField, FundField, IndicatorField, ProjectField, ScoringProfile } from '../profile';
import { resultCells } from '../recognise/department';
import { aliasIndex, type HeaderMatch, matchHeader } from '../recognise/headers';
import { isTotalKey } from '../recognise/indicators';
import { FOOTER } from '../recognise/lists';
import { recogniseSheet } from '../recognise/sheet';
import { labelKey } from '../text';

/** Rows from, to (inclusive); empty when to < from. */
export interface RowRange {
  from: number;
  to: number;
}

export type RegionKind = 'form' | 'projects' | 'indicators' | 'department';

export interface Region {
  kind: RegionKind;
  /** First and last row, inclusive. */
  top: number;
  bottom: number;
  headerRows: number[];
  /** Rows the unit adds to or removes from at will (inclusive; empty when to < from). */
  open: { from: number; to: number } | null;
  /** Columns whose numbers are 分值 the bureau set, and whose texts are 评分标准. */
  weightCols: Set<number>;
  standardCols: Set<number>;
}

export interface SheetLayout {
  grid: Grid;
  regions: Region[];
  /**
   * A sheet's repeated parts, each compared with its counterpart in the template: one block per form (with
   * the title rows above it), or per project of an indicator list; the rows before and after them.
   * Without repeated parts, the head is the whole sheet.
   */
  head: RowRange;
  blocks: RowRange[];
  tail: RowRange;
  /** The indicator read from a row, if any (its project, 一级 and 二级 labels as inherited). */
  indicatorAt(row: number): Indicator | undefined;
  regionAt(row: number): Region | null;
  isFill(row: number, col: number): boolean;
  isOpen(row: number): boolean;
}

/** Indicator columns the unit fills; 一级 / 二级 labels and 分值 are the bureau's. */
const INDICATOR_FILL: IndicatorField[] = ['project', 'level3', 'nature', 'measure', 'target', 'actual', 'score', 'reason'];
const DEPARTMENT_FILL: DepartmentField[] = ['score', 'applicable', 'reason'];
const FORM_VALUE_LABELS = ['主管部门', '主管部门及代码', '主管单位', '实施单位', '项目实施单位'].map(labelKey);
const GOAL_LABELS = ['预期目标', '实际完成情况', '实际完成', '年度目标', '中期目标'].map(labelKey);

class Builder {
  readonly regions: Region[] = [];
  private readonly fill = new Set<number>();
  readonly standardIndex: Set<string>;

  constructor(readonly grid: Grid, readonly profile: ScoringProfile) {
    this.standardIndex = new Set(profile.departmentHeaders.standard.map(labelKey));
  }

  markFill(row: number, col: number): void {
    if (row < 0 || col < 0) return;
    // A merged cell is filled through its top-left cell.
    const area = this.grid.merge(row, col);
    this.fill.add(key(area ? area.top : row, area ? area.left : col));
  }

  markRow(row: number, except: Set<number> = new Set()): void {
    for (let c = 0; c < this.grid.colCount; c++) if (!except.has(c)) this.markFill(row, c);
  }

  unmarkFill(row: number, col: number): void {
    this.fill.delete(key(row, col));
  }

  isFill(row: number, col: number): boolean {
    return this.fill.has(key(row, col));
  }

  add(region: Omit<Region, 'standardCols'> & { standardCols?: Set<number> }): Region {
    const full: Region = { standardCols: new Set(), ...region };
    for (const row of full.headerRows) {
      for (let c = 0; c < this.grid.colCount; c++) {
        if (this.standardIndex.has(this.grid.label(row, c))) full.standardCols.add(c);
      }
    }
    this.regions.push(full);
    return full;
  }

  /** The body of a list without a total row ends at a footer line, another table, or the sheet's end. */
  bodyEnd(from: number, taken: (row: number) => boolean): number {
    let end = from;
    while (end < this.grid.rowCount && !taken(end) && !FOOTER.test(this.grid.text(end, Math.max(this.grid.nextFilledRight(end, -1), 0)))) end++;
    let last = end - 1;
    while (last >= from && this.grid.rowIsBlank(last)) last--;
    return last;
  }
}

function key(row: number, col: number): number {
  return row * 16384 + col;
}

function headerRows<F extends string>(match: HeaderMatch<F>): number[] {
  const rows: number[] = [];
  for (let r = match.row; r <= match.lastRow; r++) rows.push(r);
  return rows;
}

function columnsOf<F extends string>(match: HeaderMatch<F>, fields: F[]): Set<number> {
  return new Set(fields.flatMap((f) => (match.cols[f] === undefined ? [] : [match.cols[f] as number])));
}

function addProjectList(b: Builder, list: ProjectList, taken: (row: number) => boolean): void {
  const header = matchHeader<ProjectField>(b.grid, list.headerRow, aliasIndex(b.profile.projectHeaders));
  if (!header) return;
  const from = header.lastRow + 1;
  const last = list.totalRow ?? b.bodyEnd(from, taken);
  const bodyTo = list.totalRow === null ? last : list.totalRow - 1;
  for (let r = from; r <= bodyTo; r++) b.markRow(r);
  if (list.totalRow !== null) {
    const labels = new Set<number>();
    for (let c = 0; c < b.grid.colCount; c++) if (isTotalKey(b.grid.label(list.totalRow, c), b.profile)) labels.add(c);
    b.markRow(list.totalRow, labels);
  }
  b.add({ kind: 'projects', top: header.row, bottom: Math.max(last, header.lastRow), headerRows: headerRows(header), open: { from, to: bodyTo }, weightCols: new Set() });
}

function addIndicatorList(b: Builder, list: IndicatorList, taken: (row: number) => boolean): void {
  const header = matchHeader<IndicatorField>(b.grid, list.headerRow, aliasIndex(b.profile.indicatorHeaders));
  if (!header) return;
  const from = header.lastRow + 1;
  const last = b.bodyEnd(from, taken);
  const fill = columnsOf(header, INDICATOR_FILL);
  const region = b.add({ kind: 'indicators', top: header.row, bottom: Math.max(last, header.lastRow), headerRows: headerRows(header), open: { from, to: last }, weightCols: columnsOf(header, ['weight']) });
  for (const c of region.standardCols) fill.delete(c);
  for (let r = from; r <= last; r++) for (const c of fill) b.markFill(r, c);
}

function addForm(b: Builder, form: Form): void {
  const grid = b.grid;
  const fundIndex = aliasIndex(b.profile.fundHeaders);
  const indicatorIndex = aliasIndex(b.profile.indicatorHeaders);
  let fund: HeaderMatch<FundField> | null = null;
  let indicator: HeaderMatch<IndicatorField> | null = null;
  for (let r = form.top + 1; r <= form.bottom; r++) {
    const f: HeaderMatch<FundField> | null = fund ? null : matchHeader<FundField>(grid, r, fundIndex);
    if (f && f.cols.budget !== undefined && f.cols.executed !== undefined) fund = f;
    const i: HeaderMatch<IndicatorField> | null = fund && !indicator ? matchHeader<IndicatorField>(grid, r, indicatorIndex) : null;
    if (i && i.cols.level3 !== undefined && (i.cols.weight !== undefined || i.cols.score !== undefined)) indicator = i;
  }
  // The unit's own entries above the fund block: the project's name, its department and unit.
  b.markFill(form.nameCell.row, form.nameCell.col);
  for (let r = form.top; r < (fund?.row ?? form.top + 1); r++) {
    for (let c = 0; c < grid.colCount; c++) {
      if (grid.isMergedTail(r, c) || !FORM_VALUE_LABELS.includes(grid.label(r, c))) continue;
      const area = grid.merge(r, c);
      b.markFill(r, (area ? area.right : c) + 1);
    }
  }
  for (const row of form.funds) {
    for (const cell of [row.initialBudget, row.budget, row.executed]) if (cell) b.markFill(cell.row, cell.col);
    b.markFill(row.row, form.fundCols.executionRate);
    b.markFill(row.row, form.fundCols.score);
  }
  // 预期目标 / 实际完成情况: the texts go in the row below the labels.
  const goalsTo = indicator?.row ?? form.bottom;
  for (let r = fund ? fund.lastRow + 1 : form.top; r < goalsTo; r++) {
    for (let c = 0; c < grid.colCount; c++) if (!grid.isMergedTail(r, c) && GOAL_LABELS.includes(grid.label(r, c))) b.markFill(r + 1, c);
  }
  let open: Region['open'] = null;
  const weightCols = new Set([form.fundCols.weight].filter((c) => c >= 0));
  if (indicator) {
    const from = indicator.lastRow + 1;
    const to = (form.totalRow ?? form.bottom + 1) - 1;
    open = { from, to };
    const fill = columnsOf(indicator, INDICATOR_FILL);
    for (let r = from; r <= to; r++) for (const c of fill) b.markFill(r, c);
    if (indicator.cols.weight !== undefined) weightCols.add(indicator.cols.weight);
  }
  if (form.totalRow !== null) {
    b.markFill(form.totalRow, form.totalCols.weight);
    b.markFill(form.totalRow, form.totalCols.score);
  }
  if (form.gradeCell) b.markFill(form.gradeCell.row, form.gradeCell.col);
  const rows = [...(fund ? headerRows(fund) : []), ...(indicator ? headerRows(indicator) : [])];
  const region = b.add({ kind: 'form', top: form.top, bottom: form.bottom, headerRows: rows, open, weightCols });
  if (open) for (let r = open.from; r <= open.to; r++) for (const c of region.standardCols) b.unmarkFill(r, c);
}

function addDepartment(b: Builder, dept: Department): void {
  const grid = b.grid;
  const index = aliasIndex(b.profile.departmentHeaders);
  const firstRow = dept.items[0]?.row ?? dept.totalRow ?? grid.rowCount;
  let header: HeaderMatch<DepartmentField> | null = null;
  for (let r = firstRow - 1; r >= 0 && !header; r--) {
    const m = matchHeader<DepartmentField>(grid, r, index);
    if (m && m.cols.weight !== undefined && m.cols.score !== undefined && m.lastRow < firstRow) header = m;
  }
  if (!header) return;
  const cells = [...Object.values(dept.base), ...Object.values(dept.rates).map((r) => r?.cell ?? null)].filter((c) => c !== null && c !== undefined);
  for (const c of cells) b.markFill(c!.row, c!.col);
  const fill = columnsOf(header, DEPARTMENT_FILL);
  const results = resultCells(grid, dept);
  for (const item of dept.items) for (const c of fill) b.markFill(item.row, c);
  if (dept.totalRow !== null) b.markFill(dept.totalRow, dept.cols.score);
  for (const cell of [results.converted, results.grade]) if (cell) b.markFill(cell.row, cell.col);
  const top = Math.min(header.row, ...cells.map((c) => c!.row));
  const bottom = Math.max(header.lastRow, dept.totalRow ?? 0, results.converted?.row ?? 0, results.grade?.row ?? 0, ...dept.items.map((i) => i.row));
  b.add({ kind: 'department', top, bottom, headerRows: headerRows(header), open: null, weightCols: new Set([dept.cols.weight]) });
}

/** Forms one after another, or else the projects of an indicator list, split the sheet into blocks. */
function repeatedParts(grid: Grid, forms: Form[], region: Region | undefined, list: IndicatorList | undefined): Pick<SheetLayout, 'head' | 'blocks' | 'tail'> {
  const last = grid.rowCount - 1;
  if (forms.length > 0) {
    return {
      head: { from: 0, to: -1 },
      blocks: forms.map((f, i) => ({ from: i === 0 ? 0 : forms[i - 1].bottom + 1, to: f.bottom })),
      tail: { from: forms[forms.length - 1].bottom + 1, to: last },
    };
  }
  if (region?.open && list) {
    const starts = [region.open.from];
    list.indicators.forEach((ind, i) => {
      if (i > 0 && ind.project !== list.indicators[i - 1].project) starts.push(ind.row);
    });
    return {
      head: { from: 0, to: region.open.from - 1 },
      blocks: starts.map((from, i) => ({ from, to: i + 1 < starts.length ? starts[i + 1] - 1 : region.bottom })),
      tail: { from: region.bottom + 1, to: last },
    };
  }
  return { head: { from: 0, to: last }, blocks: [], tail: { from: last + 1, to: last } };
}

export function sheetLayout(grid: Grid, profile: ScoringProfile): SheetLayout {
  // Recognition reports what it meets; conformance has its own messages.
  const tables = recogniseSheet(grid, profile, new Findings('zh'));
  const b = new Builder(grid, profile);
  const starts = [
    ...tables.forms.map((f) => f.top),
    ...tables.lists.map((l) => l.headerRow),
    ...tables.indicatorLists.map((l) => l.headerRow),
  ];
  const takenAfter = (from: number) => (row: number) => starts.some((s) => s > from && s <= row);
  for (const form of tables.forms) addForm(b, form);
  for (const list of tables.lists) addProjectList(b, list, takenAfter(list.headerRow));
  for (const list of tables.indicatorLists) addIndicatorList(b, list, takenAfter(list.headerRow));
  if (tables.department) addDepartment(b, tables.department);
  b.regions.sort((x, y) => x.top - y.top);

  const parts = repeatedParts(grid, tables.forms, b.regions.find((r) => r.kind === 'indicators'), tables.indicatorLists[0]);
  const regions = b.regions;
  const indicators = new Map([...tables.forms.flatMap((f) => f.indicators), ...tables.indicatorLists.flatMap((l) => l.indicators)].map((i) => [i.row, i]));
  return {
    grid,
    regions,
    ...parts,
    indicatorAt: (row) => indicators.get(row),
    regionAt: (row) => regions.find((r) => row >= r.top && row <= r.bottom) ?? null,
    isFill: (row, col) => b.isFill(row, col),
    isOpen: (row) => regions.some((r) => r.open !== null && row >= r.open.from && row <= r.open.to),
  };
}
