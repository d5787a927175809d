// One 项目支出绩效自评表: fund rows add up, execution rate and score, indicator scores, weights,
// the 总分 row and the grade; every computed cell goes into the plan.

import { toA1 } from '../address';
import { Dec, decimal, formatPercent, formatScore, round2, sum } from '../decimal';
import type { Findings } from '../findings';
import type { CellPos, Form, FundRow, Indicator, NumberCell } from '../model';
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
  if (fund && execution.score) {
    const why = { rate: formatPercent(execution.rate as Dec), weight: formatScore(weight) };
    plan.set({ sheet: form.sheet, row: fund.row, col: form.fundCols.score }, execution.score, 'executionScore', { rule: 'exec.score-differs', params: why });
  }

  if (form.indicators.length === 0) findings.add('indicator.none', form.sheet, form.nameCell.row, form.nameCell.col);
  planIndicatorScores(form.indicators, plan);
  const totalRow = form.totalRow;
  const weightAnchor = totalRow !== null && form.totalCols.weight >= 0
    ? { sheet: form.sheet, row: totalRow, col: form.totalCols.weight }
    : form.nameCell;
  const weightsOk = checkWeights(form.indicators, weight, weightAnchor, profile, findings);

  const blocked = totalBlocked(form.indicators, weightsOk, form.sheet);
  const total = blocked || keptFormulaDiffers(form.indicators) ? null : formTotal(execution.score, form.indicators);
  const totalWeight = form.indicators.every((i) => i.weight !== null) ? weight.plus(sum(form.indicators.map((i) => i.weight as Dec))) : null;
  if (totalRow !== null) {
    if (totalWeight) plan.setIfBlank({ sheet: form.sheet, row: totalRow, col: form.totalCols.weight }, totalWeight, 'totalWeight', { rule: 'total.weight-differs' });
    if (total) {
      // A typed 总分 that is not the sum of its items (a real report stated 94 for items adding up to 97).
      plan.set({ sheet: form.sheet, row: totalRow, col: form.totalCols.score }, total, 'totalScore', { rule: 'total.mismatch', params: { what: '总分', whatEn: 'The total', sum: formatScore(total) } });
    } else {
      plan.checkFormulaError({ sheet: form.sheet, row: totalRow, col: form.totalCols.score });
    }
  }
  const said = totalRow !== null && form.totalCols.score >= 0 ? { sheet: form.sheet, row: totalRow, col: form.totalCols.score } : form.gradeCell;
  if (said) sayTotalBlocked(form.indicators, blocked, said, ['总分和评价等级', 'The total and the grade'], findings);
  const missing = said && !blocked && !total ? missingParts(execution.score, form.indicators, form.sheet) : null;
  if (said && missing) findings.add('total.incomplete', said.sheet, said.row, said.col, { ...missing, what: '总分和评价等级', whatEn: 'The total and the grade' });
  const grade = total ? gradeOf(total, profile) : null;
  if (grade && form.gradeCell) plan.set(form.gradeCell, grade, 'grade', { rule: 'grade.differs', params: { score: formatScore(total as Dec) } });
  const anchor = totalRow !== null ? { sheet: form.sheet, row: totalRow, col: form.totalCols.score } : form.nameCell;
  checkConsistency(indicatorCompletion(form.indicators), execution.score, weight, anchor, profile, findings);
  return { executionRate: execution.rate, executionScore: execution.score, executionWeight: weight, score: total, grade };
}

/**
 * Why no total may be written over these indicators: weights that do not make 100, or indicators whose
 * weight or typed score has an error (a total over them would write a number the workbook cannot
 * support). Null when there is none.
 */
export function totalBlocked(indicators: Indicator[], weightsOk: boolean, sheet: string): { why: string; whyEn: string } | null {
  const invalid = indicators.filter((i) => i.invalid && !i.classified);
  if (weightsOk && invalid.length === 0) return null;
  const cells = invalid.slice(0, 3).map((i) => cellName(i, i.weight === null ? i.cols.weight : i.cols.score, sheet)).join('、');
  const more = invalid.length > 3 ? `等${invalid.length}处` : '';
  const why = [weightsOk ? '' : '各项分值合计不是100分', invalid.length ? `${cells}${more}的分值或得分有误` : ''].filter(Boolean);
  const whyEn = [weightsOk ? '' : 'the weights do not make 100', invalid.length ? `the weight or score at ${cells.replace(/、/g, ', ')}${invalid.length > 3 ? ` and ${invalid.length - 3} more` : ''} ${invalid.length > 1 ? 'are' : 'is'} wrong` : ''].filter(Boolean);
  return { why: why.join('，'), whyEn: whyEn.join('; ') };
}

/**
 * Why a total has no value although nothing is in error: a part it adds up is unknown (the execution rate
 * without its amounts, an indicator without its score; each said at its own cell). Null when none is.
 */
function missingParts(executionScore: Dec | null, indicators: Indicator[], sheet: string): { why: string; whyEn: string } | null {
  const unscored = indicators.filter((i) => i.score === null && !i.classified);
  const cells = unscored.slice(0, 3).map((i) => cellName(i, i.cols.score, sheet)).join('、');
  const more = unscored.length > 3 ? `等${unscored.length}处` : '';
  const why = [
    executionScore === null ? '预算执行率无法计算' : '',
    indicators.length === 0 ? '没有绩效指标' : '',
    unscored.length ? `${cells}${more}的得分无法计算` : '',
  ].filter(Boolean);
  const whyEn = [
    executionScore === null ? 'the execution rate cannot be computed' : '',
    indicators.length === 0 ? 'there are no indicators' : '',
    unscored.length ? `the score at ${cells.replace(/、/g, ', ')}${unscored.length > 3 ? ` and ${unscored.length - 3} more` : ''} cannot be computed` : '',
  ].filter(Boolean);
  return why.length ? { why: why.join('，'), whyEn: whyEn.join('; ') } : null;
}

/** A score cell keeps the unit's formula, which does not show the rules' score: no total is built on the rules' one. */
export function keptFormulaDiffers(indicators: Indicator[]): boolean {
  return indicators.some((i) => i.formulaDiffers && !i.classified);
}

/** An indicator's cell as a message at `sheet` names it: with its sheet when it is on another one. */
function cellName(i: Indicator, col: number, sheet: string): string {
  return i.sheet === sheet ? toA1(i.row, col) : `${i.sheet}!${toA1(i.row, col)}`;
}

/**
 * Says at `at` why no total was written: inputs with errors (`blocked`), and score cells whose kept formula
 * shows another score than the rules give (a total of the rules' scores would disagree with the cells).
 */
export function sayTotalBlocked(indicators: Indicator[], blocked: { why: string; whyEn: string } | null, at: CellPos, what: [string, string], findings: Findings): void {
  if (blocked) findings.add('total.not-filled', at.sheet, at.row, at.col, { ...blocked, what: what[0], whatEn: what[1] });
  const kept = indicators.filter((i) => i.formulaDiffers && !i.classified).map((i) => cellName(i, i.cols.score, at.sheet));
  if (kept.length) findings.add('total.formula-differs', at.sheet, at.row, at.col, { cells: kept.join('、'), cellsEn: kept.join(', '), what: what[0], whatEn: what[1] });
}

/** 总分 = execution score + Σ indicator scores, each rounded to 2 decimals first; null while any is unknown. */
export function formTotal(executionScore: Dec | null, indicators: Indicator[]): Dec | null {
  if (executionScore === null || indicators.length === 0 || indicators.some((i) => i.score === null)) return null;
  return round2(executionScore).plus(sum(indicators.map((i) => round2(i.score as Dec))));
}
