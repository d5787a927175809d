// A form, indicator list or department sheet left as the bureau's template gave it is not filled in: checking it cell by
// cell would list errors on a sheet the unit never used (a workbook holds any mix of tables).
//
// What is the bureau's and what is the unit's: the labels, 一级/二级指标, 评分标准, 分值, 适用 and every
// formula come with the template; a placeholder such as "—" marks a cell not to fill. The unit's are the
// project name, 三级指标, the targets and actuals, amounts, rates, scores, totals, grades, reasons and the
// goal texts. A table with none of the unit's is blank. 主管部门/实施单位 alone do not make a form filled:
// a bureau may write them in, and with nothing else there is nothing to check.

import type { Grid } from '../grid';
import type { CellPos, Department, Form, Indicator } from '../model';
import { isBlankLike } from '../text';

/** A cell holding something the unit typed: not empty, not a placeholder, not a formula. */
function typed(grid: Grid, row: number | null, col: number): boolean {
  if (row === null || row < 0 || col < 0) return false;
  return grid.formulaAt(row, col) === null && !isBlankLike(grid.value(row, col));
}

const typedAt = (grid: Grid, cell: CellPos | null | undefined): boolean => cell ? typed(grid, cell.row, cell.col) : false;

/** An indicator list with no project, no 三级指标 and nothing typed against its rows (分值 is the bureau's). */
export function indicatorListIsBlank(grid: Grid, indicators: Indicator[]): boolean {
  return indicators.every((i) => i.project === '' && i.level3 === ''
    && ![i.cols.target, i.cols.actual, i.cols.score, i.cols.reason].some((c) => typed(grid, i.row, c)));
}

export function formIsBlank(grid: Grid, form: Form): boolean {
  if (form.name !== '' || form.goal !== '' || form.outcome !== '') return false;
  const fundCols = [form.fundCols.executionRate, form.fundCols.score];
  for (const f of form.funds) {
    if ([f.initialBudget, f.budget, f.executed].some((c) => typedAt(grid, c))) return false;
    if (fundCols.some((c) => typed(grid, f.row, c))) return false;
  }
  for (const i of form.indicators) {
    if (i.level3 !== '') return false;
    if ([i.cols.target, i.cols.actual, i.cols.score, i.cols.reason].some((c) => typed(grid, i.row, c))) return false;
  }
  return !typed(grid, form.totalRow, form.totalCols.score) && !typedAt(grid, form.gradeCell);
}

/** `results`: the 换算得分 and 评价等级 cells below the point table. */
export function departmentIsBlank(grid: Grid, dept: Department, results: Array<CellPos | null>): boolean {
  if (Object.values(dept.base).some((c) => typedAt(grid, c))) return false;
  if (Object.values(dept.rates).some((r) => typedAt(grid, r?.cell))) return false;
  if (dept.items.some((i) => typed(grid, i.row, dept.cols.score) || typed(grid, i.row, dept.cols.reason))) return false;
  return !typed(grid, dept.totalRow, dept.cols.score) && !results.some((c) => typedAt(grid, c));
}
