// Projects across the workbook: a project-list row, its form and its indicators are one project,
// linked by name. The list's computed columns come from the form or the indicators.

import { Dec, decimal, formatPercent, formatScore, roundRate, sum } from '../decimal';
import { Findings } from '../findings';
import type { CellPos, Form, FundRow, Indicator, IndicatorList, ListRow, Project, ProjectList } from '../model';
import type { PlanBuilder } from '../plan';
import type { ScoringProfile } from '../profile';
import { nameKey, shortText } from '../text';
import { toA1 } from '../address';
import { computeExecution } from './execution';
import { executionRate, gradeOf } from './scoring';
import { checkWeights, isExecutionIndicator } from './weights';
import { formTotal, keptFormulaDiffers, sayTotalBlocked, totalBlocked } from './form';

export interface ProjectScore {
  executionRate: Dec | null;
  executionScore: Dec | null;
  executionWeight: Dec;
  score: Dec | null;
  grade: string | null;
}

/** An indicator list's rows by project: a group starts where its 项目名称 is written. */
function indicatorGroups(indicators: Indicator[]): Indicator[][] {
  const groups: Indicator[][] = [];
  for (const ind of indicators) {
    const last = groups[groups.length - 1];
    if (last && last[0].projectRow === ind.projectRow) last.push(ind);
    else groups.push([ind]);
  }
  return groups;
}

/**
 * Quantitative scores are computed; a qualitative score is the unit's choice, filled only when blank; the
 * unit's deduction at ≥ 130 % is kept. Only computed and suggested scores are written.
 */
export function planIndicatorScores(indicators: Indicator[], plan: PlanBuilder): void {
  for (const ind of indicators) {
    if (ind.score !== null && (ind.scoreSource === 'computed' || ind.scoreSource === 'suggested')) {
      // Worked out only for a score that differs: most indicators' scores are written without a word.
      const why = () => ({ target: shortText(ind.targetText), actual: shortText(ind.actualText) });
      ind.formulaDiffers = !plan.set({ sheet: ind.sheet, row: ind.row, col: ind.cols.score }, ind.score, 'indicatorScore', { rule: 'score.differs', params: why });
    }
  }
}

/** Σ indicator scores ÷ Σ indicator weights (without a 预算执行率 row); null while any is unknown or in error. */
export function indicatorCompletion(indicators: Indicator[]): Dec | null {
  let weights = new Dec(0);
  let scores = new Dec(0);
  let own = 0;
  for (const i of indicators) {
    if (isExecutionIndicator(i)) continue;
    if (i.score === null || i.weight === null || i.invalid || i.formulaDiffers) return null;
    weights = weights.plus(i.weight);
    scores = scores.plus(i.score);
    own++;
  }
  return own > 0 && weights.gt(0) ? scores.div(weights) : null;
}

/**
 * Indicators far better met than the budget was spent are suspicious (RULES.md §1.6). `completion` is
 * the indicators' (indicatorCompletion), worked out once by the caller, who needs it again.
 */
export function checkConsistency(completion: Dec | null, executionScore: Dec | null, executionWeight: Dec, at: CellPos, profile: ScoringProfile, findings: Findings): void {
  if (completion === null || executionScore === null || executionWeight.lte(0)) return;
  const execution = executionScore.div(executionWeight);
  if (completion.minus(execution).gt(completion.times(decimal(profile.consistencyMargin)))) {
    findings.add('consistency.score-vs-exec', at.sheet, at.row, at.col, { indicator: formatPercent(roundRate(completion)), execution: formatPercent(roundRate(execution)) });
  }
}

function emptyProject(name: string, nameCell: CellPos): Project {
  return {
    name, sheet: nameCell.sheet, nameCell, unit: '', listRow: null, form: null, indicators: [], budget: null, executed: null, initialBudget: null,
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

/**
 * One project per list row, per form without a row, per indicator group without either. Rows with the
 * same name are separate projects (a fund allocated twice with different targets): a warning names both.
 * A form or an indicator group goes to the first same-name row still without one (a form: preferably
 * the row with its 全年预算数).
 */
export function assembleProjects(wb: Workbook, profile: ScoringProfile, findings: Findings, plan: PlanBuilder): Project[] {
  const order: Project[] = [];
  const byName = new Map<string, Project[]>();
  const add = (p: Project): Project => {
    order.push(p);
    byName.set(nameKey(p.name), [...(byName.get(nameKey(p.name)) ?? []), p]);
    return p;
  };
  const place = (pos: CellPos) => `${pos.sheet}!${toA1(pos.row, pos.col)}`;
  /** The first place each name is written, per kind of table: a second one is a warning naming both. */
  const seen = new Map<string, string>();
  const repeated = (kind: string, name: string, pos: CellPos): void => {
    const key = `${kind}\u0000${nameKey(name)}`;
    const other = seen.get(key);
    if (other !== undefined) findings.add('project.duplicate', pos.sheet, pos.row, pos.col, { name, other, here: place(pos) });
    else seen.set(key, place(pos));
  };

  for (const list of wb.lists) {
    const nameCol = list.columns.name ?? 0;
    for (const row of list.rows) {
      const cell = { sheet: row.sheet, row: row.row, col: nameCol };
      repeated('list', row.name, cell);
      const p = add(emptyProject(row.name, cell));
      p.listRow = row;
      p.unit = row.unit;
      p.classified = row.classified;
      p.note = row.note;
      p.outcome = row.outcome;
    }
  }

  wb.forms.forEach((form, i) => {
    repeated('form', form.name, form.nameCell);
    const fund = form.funds.find((f) => f.kind === 'total');
    const free = (byName.get(nameKey(form.name)) ?? []).filter((p) => p.listRow && !p.form);
    const sameBudget = free.find((p) => {
      const a = p.listRow?.budget?.value;
      const b = fund?.budget?.value;
      return a && b && a.minus(b).abs().lte(decimal(profile.tolerance));
    });
    const p = sameBudget ?? free[0] ?? add(emptyProject(form.name, form.nameCell));
    p.form = form;
    p.indicators = form.indicators;
    p.unit = p.unit || form.unit || form.department;
    p.outcome = p.outcome || form.outcome;
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
  const grouped = new Set<Project>();
  for (const list of wb.indicatorLists) {
    for (const group of indicatorGroups(list.indicators)) {
      const first = group[0];
      if (first.project === '') continue;
      const pos = { sheet: first.sheet, row: first.projectRow ?? first.row, col: first.cols.project >= 0 ? first.cols.project : first.cols.level3 };
      repeated('indicators', first.project, pos);
      const same = byName.get(nameKey(first.project)) ?? [];
      if (known && same.length === 0) findings.add('indicator.unknown-project', first.sheet, first.row, pos.col, { name: first.project });
      // A project with a form has its indicators there.
      if (same.length > 0 && same.every((p) => p.form)) continue;
      const p = same.find((x) => !x.form && !grouped.has(x)) ?? add(emptyProject(first.project, pos));
      grouped.add(p);
      p.indicators.push(...group);
    }
  }
  const unmatched = sayWhereIndicatorsWent(byName, grouped, findings);

  for (const p of order) {
    if (p.listRow) {
      p.budget = p.listRow.budget?.value ?? null;
      p.executed = p.listRow.executed?.value ?? null;
      p.initialBudget = p.listRow.initialBudget?.value ?? null;
    }
    const completion = indicatorCompletion(p.indicators);
    if (!p.form) scoreFromList(p, completion, profile, findings, plan);
    if (p.listRow) fillListRow(p, completion, profile, findings, plan, unmatched.has(p));
  }
  for (const list of wb.lists) checkListTotal(list, profile, findings, plan);
  return order;
}

/**
 * Same-name list rows with fewer indicator groups than rows: the groups went to the first rows in order.
 * Said at every one of those rows, which got the indicators and which did not (the indicator list cannot
 * tell them apart). Returns the rows left without indicators: their 自评得分 is not asked for as if the
 * workbook had no indicators for the project.
 */
function sayWhereIndicatorsWent(byName: Map<string, Project[]>, grouped: Set<Project>, findings: Findings): Set<Project> {
  const unmatched = new Set<Project>();
  for (const same of byName.values()) {
    const rows = same.filter((p) => p.listRow && !p.form);
    const got = rows.filter((p) => grouped.has(p));
    if (got.length === 0 || got.length === rows.length) continue;
    const cell = (p: Project) => `${p.nameCell.sheet}!${toA1(p.nameCell.row, p.nameCell.col)}`;
    const params = { name: same[0].name, count: rows.length, groups: got.length, attached: got.map(cell).join('、'), attachedEn: got.map(cell).join(', ') };
    for (const p of rows) {
      if (!grouped.has(p)) unmatched.add(p);
      findings.add('indicator.shared-name', p.nameCell.sheet, p.nameCell.row, p.nameCell.col, { ...params, here: grouped.has(p) ? 'yes' : 'no' });
    }
  }
  return unmatched;
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
    if (listed.value.minus(onForm).abs().gt(decimal(profile.tolerance))) {
      findings.add('project.amount-mismatch', row.sheet, row.row, listed.col, {
        column, list: listed.value.toString(), formValue: onForm.toString(), form: `${form.sheet}!${toA1(fund.row, fund[field]?.col ?? 0)}`,
      });
    }
  }
}

/** A project without a form: execution from its list row, indicators from the indicator list. */
function scoreFromList(p: Project, completion: Dec | null, profile: ScoringProfile, findings: Findings, plan: PlanBuilder): void {
  const row = p.listRow;
  const weight = decimal(profile.executionWeight);
  p.executionWeight = weight;
  const rateCol = row?.cols.executionRate;
  const rateCell = row && rateCol !== undefined ? { sheet: row.sheet, row: row.row, col: rateCol, value: null } : null;
  const execution = computeExecution(row?.budget ?? null, row?.executed ?? null, weight, rateCell, profile, findings);
  p.executionRate = execution.rate;
  p.executionScore = execution.score;
  if (p.indicators.length === 0) return;

  planIndicatorScores(p.indicators, plan);
  const first = p.indicators[0];
  const weightsOk = checkWeights(p.indicators, weight, { sheet: first.sheet, row: first.row, col: first.cols.weight >= 0 ? first.cols.weight : first.cols.level3 }, profile, findings);
  // A list that scores 预算执行率 as an indicator row carries its execution score itself.
  const ownRow = p.indicators.some(isExecutionIndicator);
  const blocked = totalBlocked(p.indicators, weightsOk, row?.sheet ?? first.sheet);
  p.score = blocked || keptFormulaDiffers(p.indicators) ? null : formTotal(ownRow ? new Dec(0) : execution.score, p.indicators);
  p.grade = p.score ? gradeOf(p.score, profile) : null;
  const said = row?.cols.score ?? row?.cols.grade;
  if (row && said !== undefined) sayTotalBlocked(p.indicators, blocked, { sheet: row.sheet, row: row.row, col: said }, ['自评得分和评价等级', 'The score and the grade'], findings);
  if (!ownRow) checkConsistency(completion, execution.score, weight, { sheet: first.sheet, row: first.row, col: first.cols.score }, profile, findings);
}

/** The list's computed columns: 执行率, 自评得分 (from the form or indicators), 评价等级, 绩效目标实现程度. */
function fillListRow(p: Project, completion: Dec | null, profile: ScoringProfile, findings: Findings, plan: PlanBuilder, unmatched: boolean): void {
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
    if (p.score) plan.set(at(cols.score), p.score, 'projectScore', { rule: 'project.score-differs' });
    else if (p.form && cols.score !== undefined && !p.classified) {
      // The form says why its total is missing; the list row points there rather than staying blank unexplained.
      const total = p.form.totalRow !== null && p.form.totalCols.score >= 0 ? toA1(p.form.totalRow, p.form.totalCols.score) : toA1(p.form.nameCell.row, p.form.nameCell.col);
      findings.add('total.incomplete', row.sheet, row.row, cols.score, {
        what: '自评得分和评价等级', whatEn: 'The score and the grade',
        why: `该项目自评表的总分未能计算（见${p.form.sheet}!${total}）`, whyEn: `the project's form has no total (see ${p.form.sheet}!${total})`,
      });
    }
  } else {
    p.score = row.score?.value ?? null;
    if (p.score === null && row.score && !row.score.unreadable && !p.classified && !unmatched) findings.add('project.score-missing', row.sheet, row.row, row.score.col);
    if (p.score && (p.score.lt(0) || p.score.gt(100))) findings.add('project.score-range', row.sheet, row.row, cols.score ?? 0, { score: formatScore(p.score) });
    p.grade = p.score && p.score.gte(0) && p.score.lte(100) ? gradeOf(p.score, profile) : null;
  }
  if (p.grade) plan.set(at(cols.grade), p.grade, 'grade', { rule: 'grade.differs', params: { score: formatScore(p.score as Dec) } });

  const derived = completion;
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
    if (stated?.value && stated.value.minus(total).abs().gt(decimal(profile.tolerance))) {
      findings.add('list-total.mismatch', list.sheet, stated.row, stated.col, { column, stated: stated.value.toString(), sum: total.toString() });
    }
  }
  const rateCol = list.columns.executionRate;
  if (rateCol === undefined || list.columns.executed === undefined) return;
  // The total's rate is over every project or not at all: a missing amount is unknown, not 0.
  const incomplete = list.rows.filter((r) => r.budget?.value == null || r.executed?.value == null);
  if (incomplete.length > 0) {
    findings.add('list-total.rate-partial', list.sheet, list.totalRow, rateCol, { count: incomplete.length, names: listNames(incomplete.map((r) => r.classified ? '涉密项目' : r.name)) });
    return;
  }
  const rate = executionRate(sums.budget ?? null, sums.executed ?? null);
  if (rate) plan.set({ sheet: list.sheet, row: list.totalRow, col: rateCol }, rate, 'executionRate');
}

/** Names for a message: the first three, then how many. */
function listNames(names: string[]): string {
  return names.length <= 3 ? names.join('、') : `${names.slice(0, 3).join('、')}等${names.length}个`;
}
