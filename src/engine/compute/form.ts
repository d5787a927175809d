// One 项目支出绩效自评表: fund rows add up, execution rate and score, indicator scores, weights,
// the 总分 row and the grade; every computed cell goes into the plan.

import { Dec, decimal, formatScore, round2, sum } from '../decimal';
import type { Findings } from '../findings';
import type { Form, FundRow, Indicator, NumberCell } from '../model';
import { parseValue } from '../parse/value';
import type { PlanBuilder } from '../plan';
import type { ScoringProfile } from '../profile';
import { computeExecution } from './execution';
import { checkConsistency, indicatorCompletion, planIndicatorScores, type ProjectScore } from './project';
import { gradeOf } from './scoring';
import { checkWeights } from './weights';

const FUND_COLUMNS: Array<[keyof Pick<FundRow, 'initialBudget' | 'budget' | 'executed'>, string]> = [
  ['initialBudget', '年初预算数'], ['budget', '全年预算数'], ['executed', '全年执行数'],
];

/** 年度资金总额 = 财政拨款 + 上年结转资金 + 其他资金, per amount column (a real form had 0 against 90). */
function checkFundRows(form: Form, profile: ScoringProfile, findings: Findings): void {
  const total = form.funds.find((f) => f.kind === 'total');
  const parts = form.funds.filter((f) => f.kind !== 'total');
  if (!total || parts.length === 0) return;
  for (const [key, column] of FUND_COLUMNS) {
    const cells = parts.map((p) => p[key]).filter((c): c is NumberCell => c !== null);
    if (cells.every((c) => c.value === null)) continue;
    const partSum = sum(cells.map((c) => c.value ?? new Dec(0)));
    const stated = total[key];
    if (!stated) continue;
    const value = stated.value ?? new Dec(0);
    if (value.minus(partSum).abs().gt(decimal(profile.tolerance))) {
      findings.add('fund.total-mismatch', stated.sheet, stated.row, stated.col, { column, total: value.toString(), sum: partSum.toString() });
    }
  }
}

export function computeForm(form: Form, profile: ScoringProfile, findings: Findings, plan: PlanBuilder): ProjectScore {
  checkFundRows(form, profile, findings);
  const fund = form.funds.find((f) => f.kind === 'total') ?? null;
  const weight = form.executionWeight ?? decimal(profile.executionWeight);
  const rateCell = fund && form.fundCols.executionRate >= 0 ? { sheet: form.sheet, row: fund.row, col: form.fundCols.executionRate, value: null } : null;
  const execution = computeExecution(fund?.budget ?? null, fund?.executed ?? null, weight, rateCell, profile, findings);
  if (fund && execution.rate) plan.set({ sheet: form.sheet, row: fund.row, col: form.fundCols.executionRate }, execution.rate, 'executionRate');
  if (fund && execution.score) plan.set({ sheet: form.sheet, row: fund.row, col: form.fundCols.score }, execution.score, 'executionScore');

  if (form.indicators.length === 0) findings.add('indicator.none', form.sheet, form.nameCell.row, form.nameCell.col);
  planIndicatorScores(form.indicators, plan);
  const totalRow = form.totalRow;
  const weightAnchor = totalRow !== null && form.totalCols.weight >= 0
    ? { sheet: form.sheet, row: totalRow, col: form.totalCols.weight }
    : form.nameCell;
  checkWeights(form.indicators, weight, weightAnchor, profile, findings);

  const total = formTotal(execution.score, form.indicators);
  const totalWeight = form.indicators.every((i) => i.weight !== null) ? weight.plus(sum(form.indicators.map((i) => i.weight as Dec))) : null;
  if (totalRow !== null) {
    if (totalWeight) plan.set({ sheet: form.sheet, row: totalRow, col: form.totalCols.weight }, totalWeight, 'totalWeight');
    if (total) {
      checkStatedTotal(form, totalRow, total, plan, findings);
      plan.set({ sheet: form.sheet, row: totalRow, col: form.totalCols.score }, total, 'totalScore');
    } else {
      plan.checkFormulaError({ sheet: form.sheet, row: totalRow, col: form.totalCols.score });
    }
  }
  const grade = total ? gradeOf(total, profile) : null;
  if (grade && form.gradeCell) plan.set(form.gradeCell, grade, 'grade');
  const anchor = totalRow !== null ? { sheet: form.sheet, row: totalRow, col: form.totalCols.score } : form.nameCell;
  checkConsistency(indicatorCompletion(form.indicators), execution.score, weight, anchor, profile, findings);
  return { executionRate: execution.rate, executionScore: execution.score, executionWeight: weight, score: total, grade };
}

/** 总分 = execution score + Σ indicator scores, each rounded to 2 decimals first; null while any is unknown. */
export function formTotal(executionScore: Dec | null, indicators: Indicator[]): Dec | null {
  if (executionScore === null || indicators.length === 0 || indicators.some((i) => i.score === null)) return null;
  return round2(executionScore).plus(sum(indicators.map((i) => round2(i.score as Dec))));
}

/** A typed 总分 that is not the sum of its items (a real report stated 94 for items adding up to 97). */
function checkStatedTotal(form: Form, row: number, total: Dec, plan: PlanBuilder, findings: Findings): void {
  const col = form.totalCols.score;
  if (col < 0 || plan.hasFormula({ sheet: form.sheet, row, col })) return;
  const parsed = parseValue(plan.valueAt({ sheet: form.sheet, row, col }));
  if (parsed.kind === 'number' && parsed.value.minus(total).abs().gt(0.01)) {
    findings.add('total.mismatch', form.sheet, row, col, { what: '总分', stated: formatScore(parsed.value), sum: formatScore(total) });
  }
}
