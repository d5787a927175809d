// The bureau's layouts (TEMPLATE.md §1–4) as plain sheet descriptions: values from A1, merges,
// formulas, column widths and which rows are headers. The bundled template and sample are built from
// these, and tests build workbooks with them.

import type { CellValue } from '../engine';
import { toA1 } from '../engine/address';

export interface SheetSpec {
  name: string;
  rows: CellValue[][];
  merges: string[];
  formulas: Record<string, string>;
  widths: number[];
  /** Rows (0-based) drawn as titles and as headers. */
  titleRows: number[];
  headerRows: number[];
  /** First and last row (0-based) of the bordered table area. */
  tables: Array<[number, number]>;
  /** Columns holding amounts, rates or scores (for number formats). */
  formats?: Record<string, string>;
}

export interface IndicatorSpec {
  l1: string;
  l2: string;
  l3: string;
  target: CellValue;
  actual?: CellValue;
  weight: CellValue;
  score?: CellValue;
  reason?: string;
}

export interface ProjectSpec {
  name: string;
  category?: string;
  unit?: string;
  initial?: CellValue;
  budget?: CellValue;
  executed?: CellValue;
  achievement?: CellValue;
  score?: CellValue;
  note?: string;
  indicators?: IndicatorSpec[];
  /** Sub-rows of the form's fund block: 财政拨款, 上年结转资金, 其他资金 (each: initial, budget, executed). */
  funds?: Partial<Record<'appropriation' | 'carryOver' | 'other', [CellValue, CellValue, CellValue]>>;
  /** The form's 年度资金总额 row when it differs from the project's amounts (a real form filed 0 here). */
  fundTotal?: [CellValue, CellValue, CellValue];
  goal?: string;
  outcome?: string;
  /** A total typed in the form's 总分 row. */
  statedTotal?: CellValue;
  /** Formulas a bureau pre-filled, by role: the form's execution rate cell. */
  rateFormula?: boolean;
}

const blankRow = (n: number): CellValue[] => Array.from({ length: n }, () => null);

class Builder {
  rows: CellValue[][] = [];
  merges: string[] = [];
  formulas: Record<string, string> = {};
  titleRows: number[] = [];
  headerRows: number[] = [];
  tables: Array<[number, number]> = [];

  constructor(readonly width: number) {}

  get next(): number {
    return this.rows.length;
  }

  row(values: CellValue[]): number {
    const line = blankRow(this.width);
    values.forEach((v, i) => (line[i] = v));
    this.rows.push(line);
    return this.rows.length - 1;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (top !== bottom || left !== right) this.merges.push(`${toA1(top, left)}:${toA1(bottom, right)}`);
  }

  spec(name: string, widths: number[]): SheetSpec {
    return {
      name, rows: this.rows, merges: this.merges, formulas: this.formulas, widths,
      titleRows: this.titleRows, headerRows: this.headerRows, tables: this.tables,
    };
  }
}

/** 项目汇总表 with a two-row header: 项目资金（万元） over 年初预算数 / 全年预算数（A）/ 全年执行数（B）. */
export function projectListSheet(name: string, title: string, projects: ProjectSpec[], withTotal = true): SheetSpec {
  const b = new Builder(11);
  b.titleRows.push(b.row([title]));
  b.merge(0, 0, 0, 10);
  b.row([null, null, null, null, null, null, null, null, null, null, '单位：万元']);
  const h1 = b.row(['序号', '项目名称', '项目类别', '项目资金（万元）', null, null, '执行率（B/A）', '绩效目标实现程度（%）', '自评得分', '评价等级', '偏差原因及说明']);
  const h2 = b.row([null, null, null, '年初预算数', '全年预算数（A）', '全年执行数（B）']);
  b.headerRows.push(h1, h2);
  for (const c of [0, 1, 2, 6, 7, 8, 9, 10]) b.merge(h1, c, h2, c);
  b.merge(h1, 3, h1, 5);
  projects.forEach((p, i) => {
    b.row([i + 1, p.name, p.category ?? '', p.initial ?? null, p.budget ?? null, p.executed ?? null, null, p.achievement ?? null, p.score ?? null, null, p.note ?? '']);
  });
  const last = withTotal ? b.row(['合计', null, null, null, null, null]) : b.next - 1;
  if (withTotal) b.merge(last, 0, last, 2);
  b.tables.push([h1, last]);
  b.row([]);
  b.row(['填表人：', null, null, null, '审核人：', null, null, '填报日期：']);
  return b.spec(name, [6, 30, 12, 12, 14, 14, 12, 14, 10, 10, 30]);
}

/** 绩效指标表: one row per indicator, 项目名称 and 一级指标 merged down over their rows. */
export function indicatorListSheet(name: string, title: string, projects: ProjectSpec[]): SheetSpec {
  const b = new Builder(9);
  b.titleRows.push(b.row([title]));
  b.merge(0, 0, 0, 8);
  const h = b.row(['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
  b.headerRows.push(h);
  for (const p of projects) {
    const first = b.next;
    let groupStart = first;
    (p.indicators ?? []).forEach((ind, i, all) => {
      const r = b.row([i === 0 ? p.name : null, i === 0 || all[i - 1].l1 !== ind.l1 ? ind.l1 : null, ind.l2, ind.l3, ind.target, ind.actual ?? null, ind.weight, ind.score ?? null, ind.reason ?? '']);
      if (i > 0 && all[i - 1].l1 !== ind.l1) {
        b.merge(groupStart, 1, r - 1, 1);
        groupStart = r;
      }
    });
    if (b.next - 1 > groupStart) b.merge(groupStart, 1, b.next - 1, 1);
    if (b.next - 1 > first) b.merge(first, 0, b.next - 1, 0);
  }
  b.tables.push([h, Math.max(h, b.next - 1)]);
  return b.spec(name, [26, 12, 14, 24, 14, 14, 8, 8, 36]);
}

const FUND_LABELS: Array<['appropriation' | 'carryOver' | 'other', string]> = [
  ['appropriation', '  其中：财政拨款'], ['carryOver', '      上年结转资金'], ['other', '      其他资金'],
];

/** The MoF 项目支出绩效自评表 (A–K), appended to `b` so that several can stack on one sheet. */
function appendForm(b: Builder, p: ProjectSpec, year: number, department: string): void {
  const top = b.next;
  b.titleRows.push(b.row(['项目支出绩效自评表']));
  b.merge(top, 0, top, 10);
  b.titleRows.push(b.row([`（${year}年度）`]));
  b.merge(top + 1, 0, top + 1, 10);
  b.row([]);
  const nameRow = b.row(['项目名称', null, p.name]);
  b.merge(nameRow, 0, nameRow, 1);
  b.merge(nameRow, 2, nameRow, 10);
  const deptRow = b.row(['主管部门', null, department, null, null, '实施单位', p.unit ?? department]);
  b.merge(deptRow, 0, deptRow, 1);
  b.merge(deptRow, 2, deptRow, 4);
  b.merge(deptRow, 6, deptRow, 10);

  const fundHeader = b.row(['项目资金（万元）', null, null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', null, '得分']);
  b.headerRows.push(fundHeader);
  b.merge(fundHeader, 2, fundHeader, 3);
  b.merge(fundHeader, 8, fundHeader, 9);
  const [i0, b0, e0] = p.fundTotal ?? [p.initial ?? null, p.budget ?? null, p.executed ?? null];
  const totalRow = b.row([null, null, '年度资金总额', null, i0, b0, e0, 10, null, null, null]);
  if (p.rateFormula) {
    b.formulas[toA1(totalRow, 8)] = `=G${totalRow + 1}/F${totalRow + 1}`;
    // The result Excel caches with the formula.
    if (typeof b0 === 'number' && typeof e0 === 'number') b.rows[totalRow][8] = e0 / b0;
  }
  for (const [kind, label] of FUND_LABELS) {
    const [i, bu, e] = p.funds?.[kind] ?? [null, null, null];
    b.row([null, null, label, null, i, bu, e, '—', null, null, '—']);
  }
  for (let r = totalRow; r <= totalRow + 3; r++) {
    b.merge(r, 2, r, 3);
    b.merge(r, 8, r, 9);
  }
  b.merge(fundHeader, 0, totalRow + 3, 1);

  const goalHead = b.row(['年度总体目标', '预期目标', null, null, null, null, '实际完成情况']);
  const goalText = b.row([null, p.goal ?? '', null, null, null, null, p.outcome ?? '']);
  b.headerRows.push(goalHead);
  b.merge(goalHead, 0, goalText, 0);
  for (const r of [goalHead, goalText]) {
    b.merge(r, 1, r, 5);
    b.merge(r, 6, r, 10);
  }

  const indHead = b.row(['绩效指标', '一级指标', '二级指标', '三级指标', null, '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
  b.headerRows.push(indHead);
  b.merge(indHead, 3, indHead, 4);
  b.merge(indHead, 9, indHead, 10);
  const indicators = p.indicators ?? [];
  let l1Start = indHead + 1;
  indicators.forEach((ind, i) => {
    const r = b.row([null, i === 0 || indicators[i - 1].l1 !== ind.l1 ? ind.l1 : null, ind.l2, ind.l3, null, ind.target, ind.actual ?? null, ind.weight, ind.score ?? null, ind.reason ?? '']);
    b.merge(r, 3, r, 4);
    b.merge(r, 9, r, 10);
    if (i > 0 && indicators[i - 1].l1 !== ind.l1) {
      b.merge(l1Start, 1, r - 1, 1);
      l1Start = r;
    }
  });
  const lastInd = indHead + indicators.length;
  if (lastInd > l1Start) b.merge(l1Start, 1, lastInd, 1);
  if (lastInd > indHead) b.merge(indHead + 1, 0, lastInd, 0);

  const sumRow = b.row(['总分', null, null, null, null, null, null, null, p.statedTotal ?? null]);
  b.merge(sumRow, 0, sumRow, 6);
  b.merge(sumRow, 9, sumRow, 10);
  const gradeRow = b.row(['评价等级', null, null, null, null, null, null, null]);
  b.merge(gradeRow, 0, gradeRow, 6);
  b.merge(gradeRow, 7, gradeRow, 10);
  b.tables.push([nameRow, gradeRow]);
}

const FORM_WIDTHS = [10, 12, 14, 14, 10, 12, 12, 8, 8, 10, 26];

/** One or several official forms stacked on one sheet. */
export function formSheet(name: string, projects: ProjectSpec[], year: number, department: string): SheetSpec {
  const b = new Builder(11);
  projects.forEach((p, i) => {
    if (i > 0) b.row([]);
    appendForm(b, p, year, department);
  });
  return b.spec(name, FORM_WIDTHS);
}

export interface DepartmentSpec {
  base: Array<[string, CellValue]>;
  /** Rate rows the tool fills (预算执行率, 结转结余率 …). */
  rates: string[];
  /** Rows of the point table; a heading row has no weight. */
  indicators: Array<{ l1: string; l2: string; l3: string; standard: string; weight: number | null; score?: CellValue; applicable?: string; reason?: string }>;
  /** A total typed in the 总分 row. */
  statedTotal?: CellValue;
}

/** 部门整体绩效自评: a base-data block of label │ value pairs and the point table (TEMPLATE.md §4). */
export function departmentSheet(name: string, title: string, dept: DepartmentSpec): SheetSpec {
  const b = new Builder(8);
  b.titleRows.push(b.row([title]));
  b.merge(0, 0, 0, 7);
  const baseHead = b.row(['基础数据', null, null, '数值（万元/人）']);
  b.headerRows.push(baseHead);
  b.merge(baseHead, 0, baseHead, 2);
  for (const [label, value] of dept.base) {
    const r = b.row([label, null, null, value]);
    b.merge(r, 0, r, 2);
  }
  b.tables.push([baseHead, b.next - 1]);
  b.row([]);
  const rateHead = b.row(['计算指标', null, null, '比率']);
  b.headerRows.push(rateHead);
  b.merge(rateHead, 0, rateHead, 2);
  for (const label of dept.rates) {
    const r = b.row([label, null, null, null]);
    b.merge(r, 0, r, 2);
  }
  b.tables.push([rateHead, b.next - 1]);
  b.row([]);
  const h = b.row(['一级指标', '二级指标', '三级指标', '评分标准', '分值', '自评得分', '适用', '扣分原因']);
  b.headerRows.push(h);
  for (const ind of dept.indicators) b.row([ind.l1, ind.l2, ind.l3, ind.standard, ind.weight, ind.score ?? null, ind.applicable ?? '是', ind.reason ?? '']);
  const total = b.row(['总分', null, null, null, dept.indicators.reduce((s, i) => s + (i.weight ?? 0), 0), dept.statedTotal ?? null, null, null]);
  b.merge(total, 0, total, 3);
  b.row(['换算得分', null, null, null, null, null, null, null]);
  b.merge(total + 1, 0, total + 1, 3);
  b.row(['评价等级', null, null, null, null, null, null, null]);
  b.merge(total + 2, 0, total + 2, 3);
  b.tables.push([h, total + 2]);
  return b.spec(name, [14, 16, 22, 40, 8, 10, 8, 24]);
}
