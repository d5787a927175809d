// Projects across the workbook: a project-list row, its form and its indicators are one project,
// linked by name. The list's computed columns come from the form or the indicators.

import { Dec, formatPercent, formatScore, roundRate, sum } from '../decimal';
import { Findings } from '../findings';
import type { CellPos, Form, FundRow, Indicator, IndicatorList, ListRow, Project, ProjectList } from '../model';
import type { PlanBuilder } from '../plan';
import type { ScoringProfile } from '../profile';
import { nameKey } from '../text';
import { toA1 } from '../address';
import { computeExecution } from './execution';
import { executionRate, gradeOf } from './scoring';
import { checkWeights, isExecutionIndicator } from './weights';
import { formTotal } from './form';

export interface ProjectScore {
  executionRate: Dec | null;
  executionScore: Dec | null;
  executionWeight: Dec;
  score: Dec | null;
  grade: string | null;
}

/** Quantitative scores are always computed; a qualitative score is the unit's choice, filled only when blank. */
export function planIndicatorScores(indicators: Indicator[], plan: PlanBuilder): void {
  for (const ind of indicators) {
    if (ind.score !== null && ind.scoreSource !== 'entered') {
      plan.set({ sheet: ind.sheet, row: ind.row, col: ind.cols.score }, ind.score, 'indicatorScore');
    }
  }
}

/** Σ indicator scores ÷ Σ indicator weights (without a 预算执行率 row); null while any is unknown. */
export function indicatorCompletion(indicators: Indicator[]): Dec | null {
  const own = indicators.filter((i) => !isExecutionIndicator(i));
  if (own.length === 0 || own.some((i) => i.score === null || i.weight === null)) return null;
  const weights = sum(own.map((i) => i.weight as Dec));
  return weights.gt(0) ? sum(own.map((i) => i.score as Dec)).div(weights) : null;
}

/** Indicators far better met than the budget was spent are suspicious (RULES.md §1.6). */
export function checkConsistency(indicators: Indicator[], executionScore: Dec | null, executionWeight: Dec, at: CellPos, profile: ScoringProfile, findings: Findings): void {
  const completion = indicatorCompletion(indicators);
  if (completion === null || executionScore === null || executionWeight.lte(0)) return;
  const execution = executionScore.div(executionWeight);
  if (completion.minus(execution).gt(completion.times(profile.consistencyMargin))) {
    findings.add('consistency.score-vs-exec', at.sheet, at.row, at.col, { indicator: formatPercent(roundRate(completion)), execution: formatPercent(roundRate(execution)) });
  }
}

function emptyProject(name: string, sheet: string): Project {
  return {
    name, sheet, unit: '', listRow: null, form: null, indicators: [], budget: null, executed: null, initialBudget: null,
    executionRate: null, executionWeight: new Dec(0), executionScore: null, score: null, grade: null, achievement: null,
    classified: false, note: '', outcome: '',
  };
}

export interface Workbook {
  lists: ProjectList[];
  forms: Form[];
  formScores: ProjectScore[];
  indicatorLists: IndicatorList[];
}

export function assembleProjects(wb: Workbook, profile: ScoringProfile, findings: Findings, plan: PlanBuilder): Project[] {
  const byKey = new Map<string, Project>();
  const order: Project[] = [];
  const firstSeen = new Map<string, string>();
  const get = (name: string, sheet: string): Project => {
    const key = nameKey(name);
    let project = byKey.get(key);
    if (!project) {
      project = emptyProject(name, sheet);
      byKey.set(key, project);
      order.push(project);
    }
    return project;
  };
  const duplicate = (name: string, sheet: string, row: number, col: number): boolean => {
    const key = nameKey(name);
    const here = `${sheet}!${toA1(row, col)}`;
    const other = firstSeen.get(key);
    if (other !== undefined) {
      findings.add('project.duplicate', sheet, row, col, { name, other });
      return true;
    }
    firstSeen.set(key, here);
    return false;
  };

  for (const list of wb.lists) {
    const nameCol = list.columns.name ?? 0;
    for (const row of list.rows) {
      if (duplicate(row.name, row.sheet, row.row, nameCol)) continue;
      const p = get(row.name, row.sheet);
      p.listRow = row;
      p.unit = row.unit;
      p.classified = row.classified;
      p.note = row.note;
      p.outcome = row.outcome;
    }
  }
  const formsByKey = new Map<string, Form>();
  wb.forms.forEach((form, i) => {
    const key = nameKey(form.name);
    const earlier = formsByKey.get(key);
    if (earlier) {
      const other = `${earlier.sheet}!${toA1(earlier.nameCell.row, earlier.nameCell.col)}`;
      findings.add('project.duplicate', form.sheet, form.nameCell.row, form.nameCell.col, { name: form.name, other });
      return;
    }
    formsByKey.set(key, form);
    const p = get(form.name, form.sheet);
    if (!p.listRow) p.sheet = form.sheet;
    p.form = form;
    p.indicators = form.indicators;
    p.unit = p.unit || form.unit || form.department;
    p.outcome = p.outcome || form.outcome;
    const fund = form.funds.find((f) => f.kind === 'total');
    Object.assign(p, pickScore(wb.formScores[i]));
    if (p.listRow) {
      // The list is what the bureau totals: its amounts stand for the project; the form must agree.
      compareAmounts(p.listRow, fund, form, profile, findings);
      return;
    }
    p.budget = fund?.budget?.value ?? null;
    p.executed = fund?.executed?.value ?? null;
    p.initialBudget = fund?.initialBudget?.value ?? null;
  });

  const known = wb.lists.length > 0;
  for (const list of wb.indicatorLists) {
    const reported = new Set<string>();
    for (const ind of list.indicators) {
      if (ind.project === '') continue;
      const key = nameKey(ind.project);
      if (known && !byKey.has(key) && !reported.has(key)) {
        reported.add(key);
        findings.add('indicator.unknown-project', ind.sheet, ind.row, ind.cols.project >= 0 ? ind.cols.project : ind.cols.level3, { name: ind.project });
      }
      const p = get(ind.project, ind.sheet);
      if (!p.form) p.indicators.push(ind);
    }
  }

  for (const p of order) {
    if (p.listRow) {
      p.budget = p.listRow.budget?.value ?? null;
      p.executed = p.listRow.executed?.value ?? null;
      p.initialBudget = p.listRow.initialBudget?.value ?? null;
    }
    if (!p.form) scoreFromList(p, profile, findings, plan);
    if (p.listRow) fillListRow(p, profile, findings, plan);
  }
  for (const list of wb.lists) checkListTotal(list, profile, findings, plan);
  return order;
}

function pickScore(s: ProjectScore): Partial<Project> {
  return { executionRate: s.executionRate, executionScore: s.executionScore, executionWeight: s.executionWeight, score: s.score, grade: s.grade };
}

function compareAmounts(row: ListRow, fund: FundRow | undefined, form: Form, profile: ScoringProfile, findings: Findings): void {
  if (!fund) return;
  for (const [field, column] of [['budget', '全年预算数'], ['executed', '全年执行数']] as const) {
    const listed = row[field];
    const onForm = fund[field]?.value;
    if (!listed?.value || onForm === null || onForm === undefined) continue;
    if (listed.value.minus(onForm).abs().gt(profile.tolerance)) {
      findings.add('project.amount-mismatch', row.sheet, row.row, listed.col, {
        column, list: listed.value.toString(), formValue: onForm.toString(), form: `${form.sheet}!${toA1(fund.row, fund[field]?.col ?? 0)}`,
      });
    }
  }
}

/** A project without a form: execution from its list row, indicators from the indicator list. */
function scoreFromList(p: Project, profile: ScoringProfile, findings: Findings, plan: PlanBuilder): void {
  const row = p.listRow;
  const weight = new Dec(profile.executionWeight);
  p.executionWeight = weight;
  const rateCol = row?.cols.executionRate;
  const rateCell = row && rateCol !== undefined ? { sheet: row.sheet, row: row.row, col: rateCol, value: null } : null;
  const execution = computeExecution(row?.budget ?? null, row?.executed ?? null, weight, rateCell, profile, findings);
  p.executionRate = execution.rate;
  p.executionScore = execution.score;
  if (p.indicators.length === 0) return;

  planIndicatorScores(p.indicators, plan);
  const first = p.indicators[0];
  checkWeights(p.indicators, weight, { sheet: first.sheet, row: first.row, col: first.cols.weight >= 0 ? first.cols.weight : first.cols.level3 }, profile, findings);
  // A list that scores 预算执行率 as an indicator row carries its execution score itself.
  const ownRow = p.indicators.some(isExecutionIndicator);
  p.score = formTotal(ownRow ? new Dec(0) : execution.score, p.indicators);
  p.grade = p.score ? gradeOf(p.score, profile) : null;
  if (!ownRow) checkConsistency(p.indicators, execution.score, weight, { sheet: first.sheet, row: first.row, col: first.cols.score }, profile, findings);
}

/** The list's computed columns: 执行率, 自评得分 (from the form or indicators), 评价等级, 绩效目标实现程度. */
function fillListRow(p: Project, profile: ScoringProfile, findings: Findings, plan: PlanBuilder): void {
  const row = p.listRow as ListRow;
  const cols = row.cols;
  const at = (col: number | undefined): CellPos => ({ sheet: row.sheet, row: row.row, col: col ?? -1 });
  // The rate of the list's own amounts; a form's messages about the same money are not repeated.
  const sink = p.form ? new Findings(findings.lang) : findings;
  const own = p.form ? computeExecution(row.budget, row.executed, p.executionWeight, null, profile, sink) : { rate: p.executionRate };
  p.executionRate = own.rate;
  if (own.rate) plan.set(at(cols.executionRate), own.rate, 'executionRate');

  const computed = p.form !== null || p.indicators.length > 0;
  if (computed) {
    if (p.score) plan.set(at(cols.score), p.score, 'projectScore');
  } else {
    p.score = row.score?.value ?? null;
    if (p.score === null && row.score && !row.score.unreadable && !p.classified) findings.add('project.score-missing', row.sheet, row.row, row.score.col);
    if (p.score && (p.score.lt(0) || p.score.gt(100))) findings.add('project.score-range', row.sheet, row.row, cols.score ?? 0, { score: formatScore(p.score) });
    p.grade = p.score && p.score.gte(0) && p.score.lte(100) ? gradeOf(p.score, profile) : null;
  }
  if (p.grade) plan.set(at(cols.grade), p.grade, 'grade');

  const derived = indicatorCompletion(p.indicators);
  const stated = row.achievement?.value ?? null;
  p.achievement = stated ?? (derived ? roundRate(derived) : null);
  if (derived && row.achievement) {
    if (stated === null && !row.achievement.unreadable) plan.set(at(cols.achievement), roundRate(derived), 'achievement');
    else if (stated && stated.minus(derived).abs().gt(0.01)) {
      findings.add('achievement.differs', row.sheet, row.row, row.achievement.col, { stated: formatPercent(stated), computed: formatPercent(roundRate(derived)) });
    }
  }
}

/** The list's 合计 row: its amounts must add up; its rate is computed like a project's. */
function checkListTotal(list: ProjectList, profile: ScoringProfile, findings: Findings, plan: PlanBuilder): void {
  if (list.totalRow === null) return;
  const sums: Partial<Record<'budget' | 'executed', Dec>> = {};
  for (const [field, column] of [['initialBudget', '年初预算数'], ['budget', '全年预算数'], ['executed', '全年执行数']] as const) {
    if (list.columns[field] === undefined) continue;
    const total = sum(list.rows.map((r) => r[field]?.value ?? new Dec(0)));
    if (field !== 'initialBudget') sums[field] = total;
    const stated = list.totals[field];
    if (stated?.value && stated.value.minus(total).abs().gt(profile.tolerance)) {
      findings.add('list-total.mismatch', list.sheet, stated.row, stated.col, { column, stated: stated.value.toString(), sum: total.toString() });
    }
  }
  const rate = executionRate(sums.budget ?? null, sums.executed ?? null);
  if (rate) plan.set({ sheet: list.sheet, row: list.totalRow, col: list.columns.executionRate ?? -1 }, rate, 'executionRate');
}
