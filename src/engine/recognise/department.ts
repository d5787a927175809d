// The 部门整体绩效自评 sheet (TEMPLATE.md §4): a point table headed 一级/二级/三级指标 · 评分标准 · 分值 ·
// 自评得分 (no 年度指标值: that would be an indicator list), and a base-data block of label │ value pairs.
// Each row is read with what it counts for (item, 加分项, 扣分项, heading) and its parsed 评分标准.

import { Findings, readNumber } from '../findings';
import type { Grid } from '../grid';
import type { Dec } from '../decimal';
import type { CellPos, Department, DepartmentItem, DepartmentItemKind, NumberCell } from '../model';
import { parseStandard } from '../parse/standard';
import { parseValue } from '../parse/value';
import type { BaseField, DepartmentField, DepartmentRate, IndicatorField, ScoringProfile } from '../profile';
import { remembered } from '../remember';
import { fold, labelKey } from '../text';
import { departmentIsBlank } from './blank';
import { aliasIndex, matchHeader } from './headers';
import { isTotalKey, SCORE_UNITS } from './indicators';

const NOT_APPLICABLE = /^(否|不适用|无|×|x|n|no|n\/a)$/i;

/** Labels compared without quotes: “三公经费”控制率 and "三公经费"控制率 are one label. */
const key = remembered((text: string) => labelKey(text).replace(/["“”'‘’]/g, ''));

function index<F extends string>(aliases: Record<F, string[]>): Map<string, F> {
  const map = new Map<string, F>();
  for (const field of Object.keys(aliases) as F[]) for (const alias of aliases[field]) map.set(key(alias), field);
  return map;
}

/** The profile's 评分标准 for a row, by its name. */
function tableStandard(profile: ScoringProfile, name: string): string {
  const k = key(name);
  return Object.entries(profile.departmentTable.standards).find(([item]) => key(item) === k)?.[1] ?? '';
}

/** 加分项 / 扣分项 by the profile's labels (any level); a negative score without 分值 is a deduction. */
function itemKind(labels: string[], weight: Dec | null, score: Dec | null, profile: ScoringProfile): DepartmentItemKind {
  const keys = labels.map(key).filter((k) => k !== '');
  const has = (words: string[]) => words.some((w) => keys.some((k) => k.includes(key(w))));
  if (has(profile.departmentTable.deductionLabels)) return 'deduction';
  if (has(profile.departmentTable.bonusLabels)) return 'bonus';
  if (weight === null && score === null) return 'unscored';
  if (weight === null && score !== null && score.isNegative()) return 'deduction';
  return 'scored';
}

/** The last column of a label, past its own merged area. */
function labelEnd(grid: Grid, row: number, col: number): number {
  const area = grid.merge(row, col);
  return area ? area.right : col;
}

/**
 * The first cell right of a label that holds a figure (a number, a number as text, an error value), over
 * empty cells and words such as 万元; none when the next label of the block comes first.
 */
function figureRightOf(grid: Grid, row: number, col: number, isLabel: (label: string) => boolean): number | null {
  for (let c = grid.nextFilledRight(row, labelEnd(grid, row, col)); c >= 0; c = grid.nextFilledRight(row, c)) {
    if (isLabel(key(grid.text(row, c)))) return null;
    const parsed = parseValue(grid.value(row, c));
    if (parsed.kind !== 'text') return c;
  }
  return null;
}

/**
 * Where each label's value is: the block's value column for the label's column (where most of its labels
 * have their figure: label │ (empty) │ value is a real layout), or the figure found before it; a label
 * whose figure is missing gets the block's value column, else the cell right after it.
 */
function valueCells(grid: Grid, labels: Array<{ row: number; col: number }>, isLabel: (label: string) => boolean): CellPos[] {
  const found = labels.map((l) => figureRightOf(grid, l.row, l.col, isLabel));
  const votes = new Map<number, Map<number, number>>();
  labels.forEach((l, i) => {
    const c = found[i];
    if (c === null) return;
    const byCol = votes.get(l.col) ?? new Map<number, number>();
    byCol.set(c, (byCol.get(c) ?? 0) + 1);
    votes.set(l.col, byCol);
  });
  const blockCol = (col: number): number | null => {
    const byCol = votes.get(col);
    if (!byCol) return null;
    return [...byCol].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  };
  return labels.map((l, i) => {
    const block = blockCol(l.col);
    const c = found[i];
    const col = c !== null && (block === null || c <= block) ? c : block ?? labelEnd(grid, l.row, l.col) + 1;
    return { sheet: grid.name, row: l.row, col };
  });
}

export function findDepartment(grid: Grid, profile: ScoringProfile, findings: Findings, taken: (row: number) => boolean): Department | null {
  const headers = aliasIndex(profile.departmentHeaders);
  const indicatorHeaders = aliasIndex(profile.indicatorHeaders);
  let header = null;
  for (const row of grid.rows()) {
    if (header) break;
    if (taken(row)) continue;
    const m = matchHeader<DepartmentField>(grid, row, headers);
    if (!m || m.cols.weight === undefined || m.cols.score === undefined || (m.cols.level3 === undefined && m.cols.level2 === undefined)) continue;
    const im = matchHeader<IndicatorField>(grid, row, indicatorHeaders);
    if (im?.cols.target !== undefined || im?.cols.actual !== undefined) continue;
    header = m;
  }
  if (!header) return null;
  const mark = findings.mark();
  const c = header.cols;
  const col = (f: DepartmentField) => c[f] ?? -1;

  const items: DepartmentItem[] = [];
  const rateIndex = index(profile.departmentRates);
  let totalRow: number | null = null;
  let level1 = '';
  let level2 = '';
  for (const row of grid.rows(header.lastRow + 1)) {
    const first = grid.label(row, Math.max(grid.nextFilledRight(row, -1), 0));
    // A category's 小计 is not the table's end, and not an item.
    if (first === '小计') continue;
    if (isTotalKey(first, profile)) {
      totalRow = row;
      break;
    }
    const text = (f: DepartmentField) => (col(f) >= 0 ? grid.text(row, col(f)) : '');
    if (text('level1')) {
      if (text('level1') !== level1) level2 = '';
      level1 = text('level1');
    }
    if (text('level2')) level2 = text('level2');
    if (!text('level3') && !text('weight') && !text('score')) continue;
    const level3 = text('level3') || level2;
    const weightCell = readNumber(grid, row, col('weight'), '分值', findings, SCORE_UNITS);
    const scoreCell = readNumber(grid, row, col('score'), '自评得分', findings, SCORE_UNITS);
    const weight = weightCell?.value ?? null;
    const score = scoreCell?.value ?? null;
    const standard = text('standard') || tableStandard(profile, level3);
    const unreadable = weightCell?.unreadable === true || scoreCell?.unreadable === true;
    const kind = itemKind([level1, level2, level3], weight, score, profile);
    items.push({
      row,
      level1,
      level2,
      level3,
      // A row whose 分值 or score cannot be read is an item, not a heading.
      kind: kind === 'unscored' && unreadable ? 'scored' : kind,
      standard,
      rule: parseStandard(standard),
      rate: rateIndex.get(key(level3)) ?? null,
      weight,
      score,
      scoreSource: 'entered',
      expected: null,
      differsFromStandard: false,
      applicable: !NOT_APPLICABLE.test(fold(text('applicable')).trim()),
      reason: text('reason'),
      unreadable,
      invalid: false,
    });
  }

  // The base-data block and the rate rows: labels anywhere outside the point table.
  const baseIndex = index(profile.departmentBase);
  const base: Partial<Record<BaseField, NumberCell>> = {};
  const rateCells: Partial<Record<DepartmentRate, CellPos>> = {};
  const tableRows = (row: number) => row >= header!.row && row <= (totalRow ?? grid.rowCount);
  const labels: Array<{ row: number; col: number; field?: BaseField; rate?: DepartmentRate }> = [];
  for (const row of grid.rows()) {
    if (taken(row) || tableRows(row)) continue;
    for (const col2 of grid.cols(row)) {
      const label = key(grid.text(row, col2));
      const field = label ? baseIndex.get(label) : undefined;
      const rate = label ? rateIndex.get(label) : undefined;
      // Merges are looked up only for the few cells that are labels.
      if ((!field && !rate) || grid.isMergedTail(row, col2)) continue;
      if (field && !labels.some((l) => l.field === field)) labels.push({ row, col: col2, field });
      else if (rate && !labels.some((l) => l.rate === rate)) labels.push({ row, col: col2, rate });
    }
  }
  const cells = valueCells(grid, labels, (label) => baseIndex.has(label) || rateIndex.has(label));
  labels.forEach((l, i) => {
    const at = cells[i];
    if (l.field) base[l.field] = readNumber(grid, at.row, at.col, grid.text(l.row, l.col), findings) ?? undefined;
    else if (l.rate) rateCells[l.rate] = at;
  });

  const dept: Department = {
    sheet: grid.name,
    top: Math.min(header.row, ...Object.values(base).flatMap((c) => (c ? [c.row] : [])), ...Object.values(rateCells).flatMap((c) => (c ? [c.row] : []))),
    base,
    rates: Object.fromEntries(Object.entries(rateCells).map(([rate, cell]) => [rate, { value: null, cell }])),
    items,
    cols: {
      weight: col('weight'), score: col('score'), reason: col('reason'), level3: col('level3') >= 0 ? col('level3') : col('level2'),
      level1: col('level1'), standard: col('standard'),
    },
    totalRow,
    score: null,
    weight: null,
    bonus: null,
    deductions: null,
    converted: null,
    grade: null,
    categories: [],
    blank: false,
  };
  // A sheet left as the template gave it is said once, at its point table; what reading it met is not the unit's to fix.
  const results = resultCells(grid, dept);
  dept.blank = departmentIsBlank(grid, dept, [results.converted, results.grade]);
  if (dept.blank) {
    findings.dropSince(mark);
    findings.add('dept.blank', grid.name, header.row, Math.min(...Object.values<number>(c)));
  }
  return dept;
}


/** The rows after the 总分 row that carry 换算得分 and 评价等级, with their value cells in the score column. */
export function resultCells(grid: Grid, dept: Department): { converted: CellPos | null; grade: CellPos | null } {
  const out: { converted: CellPos | null; grade: CellPos | null } = { converted: null, grade: null };
  if (dept.totalRow === null) return out;
  for (let row = dept.totalRow + 1; row < Math.min(grid.rowCount, dept.totalRow + 4); row++) {
    const first = key(grid.text(row, Math.max(grid.nextFilledRight(row, -1), 0)));
    const at = { sheet: grid.name, row, col: dept.cols.score };
    if (first === '换算得分' || first === '折算得分') out.converted = at;
    if (first === '评价等级' || first === '自评等级') out.grade = at;
  }
  return out;
}
