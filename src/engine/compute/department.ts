// The department-wide evaluation (RULES.md §2): the standard rates from the base figures (revenue and
// expenditure kept apart), each row's score checked or computed by its 评分标准, 总分 = applicable scores
// + bonus − deductions, 换算得分 over the applicable 分值 (§1.7), the grade and the category subtotals.
// The total never disappears without a message at its cell.

import { toA1 } from '../address';
import { type Dec, formatPercent, formatScore, round2, roundRate, sum, ZERO } from '../decimal';
import type { Findings } from '../findings';
import type { Grid } from '../grid';
import type { Department, DepartmentCategory, DepartmentItem } from '../model';
import type { PlanBuilder } from '../plan';
import type { BaseField, DepartmentRate, ScoringProfile } from '../profile';
import { resultCells } from '../recognise/department';
import { labelKey, shortText } from '../text';
import { convertedScore, gradeOf } from './scoring';
import { scoreByStandard } from './standard';

export const RATE_NAMES: Record<DepartmentRate, string> = {
  executionRate: '预算执行率', adjustmentRate: '预算调整率', carryOverRate: '结转结余率', finalVarianceRate: '财政拨款收入预决算差异率',
  procurementRate: '政府采购执行率', publicCostRate: '公用经费控制率', threeCostRate: '“三公经费”控制率',
  threeCostChange: '“三公经费”变动率', staffRate: '在职人员控制率',
};
/** The same in English messages, with the sheet's term to find it by. */
const RATE_NAMES_EN: Record<DepartmentRate, string> = {
  executionRate: 'budget execution rate (预算执行率)', adjustmentRate: 'budget adjustment rate (预算调整率)', carryOverRate: 'carry-over rate (结转结余率)',
  finalVarianceRate: 'appropriation revenue variance rate (财政拨款收入预决算差异率)', procurementRate: 'procurement execution rate (政府采购执行率)',
  publicCostRate: 'public-expense control rate (公用经费控制率)', threeCostRate: '"three public expenses" control rate (“三公经费”控制率)',
  threeCostChange: 'change in "three public expenses" (“三公经费”变动率)', staffRate: 'staffing control rate (在职人员控制率)',
};
const BASE_NAMES: Record<BaseField, string> = {
  initialBudget: '年初预算数', budget: '全年预算数', executed: '全年执行数', revenueBudget: '财政拨款收入预算数',
  revenueFinal: '财政拨款收入决算数', appropriation: '本年财政拨款', carryOverStart: '年初结转结余', carryOverEnd: '年末结转结余',
  procurementBudget: '政府采购预算数', procurementActual: '实际政府采购金额', publicBudget: '公用经费预算数', publicActual: '实际公用经费',
  threeBudget: '三公经费预算数', threeActual: '实际三公经费', threeLastYear: '上年三公经费', staffQuota: '编制数', staffActual: '实有在职人数',
};

const BASE_NAMES_EN: Record<BaseField, string> = {
  initialBudget: 'initial budget (年初预算数)', budget: 'adjusted budget (全年预算数)', executed: 'executed amount (全年执行数)',
  revenueBudget: 'budgeted appropriation revenue (财政拨款收入预算数)', revenueFinal: 'final appropriation revenue (财政拨款收入决算数)',
  appropriation: 'appropriation (本年财政拨款)', carryOverStart: 'carry-over at the start (年初结转结余)', carryOverEnd: 'carry-over at the end (年末结转结余)',
  procurementBudget: 'procurement budget (政府采购预算数)', procurementActual: 'actual procurement (实际政府采购金额)', publicBudget: 'public-expense budget (公用经费预算数)',
  publicActual: 'actual public expenses (实际公用经费)', threeBudget: '"three public expenses" budget (三公经费预算数)', threeActual: 'actual "three public expenses" (实际三公经费)',
  threeLastYear: 'last year\'s "three public expenses" (上年三公经费)', staffQuota: 'authorised posts (编制数)', staffActual: 'staff in post (实有在职人数)',
};

interface RateRule {
  /** The numerator, or a difference (a − b). */
  num: BaseField | [BaseField, BaseField];
  /** The denominator, or a sum of fields. */
  den: BaseField | BaseField[];
}

function rules(profile: ScoringProfile): Record<DepartmentRate, RateRule> {
  return {
    // Expenditure (支出): 全年执行数 ÷ 全年预算数; the in-year change over 年初预算数.
    executionRate: { num: 'executed', den: 'budget' },
    adjustmentRate: { num: ['budget', 'initialBudget'], den: 'initialBudget' },
    carryOverRate: { num: 'carryOverEnd', den: profile.carryOverBase === 'executed' ? 'executed' : ['carryOverStart', 'appropriation'] },
    // Revenue (收入): 财政拨款收入决算数 against 财政拨款收入预算数, never the expenditure budget.
    finalVarianceRate: { num: ['revenueFinal', 'revenueBudget'], den: 'revenueBudget' },
    procurementRate: { num: 'procurementActual', den: 'procurementBudget' },
    publicCostRate: { num: 'publicActual', den: 'publicBudget' },
    threeCostRate: { num: 'threeActual', den: 'threeBudget' },
    threeCostChange: { num: ['threeActual', 'threeLastYear'], den: 'threeLastYear' },
    staffRate: { num: 'staffActual', den: 'staffQuota' },
  };
}

const fieldsOf = (rule: RateRule): BaseField[] => [...new Set([...(Array.isArray(rule.num) ? rule.num : [rule.num]), ...(Array.isArray(rule.den) ? rule.den : [rule.den])])];

function computeRates(dept: Department, profile: ScoringProfile, findings: Findings, plan: PlanBuilder): void {
  const value = (f: BaseField) => dept.base[f]?.value ?? null;
  const anyFigure = Object.values(dept.base).some((c) => c?.value !== null && c?.value !== undefined);
  const scoredRates = new Set(dept.items.map((i) => i.rate));
  for (const [rate, rule] of Object.entries(rules(profile)) as Array<[DepartmentRate, RateRule]>) {
    const cell = dept.rates[rate]?.cell ?? null;
    const missing = fieldsOf(rule).filter((f) => value(f) === null);
    if (missing.length > 0) {
      // A rate the sheet asks for (a rate row, or an item scored from it) whose figures are not all given.
      const item = dept.items.find((i) => i.rate === rate);
      const wanted = cell ?? (item ? { sheet: dept.sheet, row: item.row, col: dept.cols.score } : null);
      const unreadable = missing.some((f) => dept.base[f]?.unreadable);
      if (dept.rates[rate]) dept.rates[rate] = { value: null, cell, why: `缺少${missing.map((f) => BASE_NAMES[f]).join('、')}` };
      if (wanted && anyFigure && !unreadable && (cell || scoredRates.has(rate))) {
        findings.add('dept.rate-no-figures', wanted.sheet, wanted.row, wanted.col, {
          rate: RATE_NAMES[rate], rateEn: RATE_NAMES_EN[rate], missing: missing.map((f) => BASE_NAMES[f]).join('、'), missingEn: missing.map((f) => BASE_NAMES_EN[f]).join(', '),
        });
      }
      continue;
    }
    const nums = (Array.isArray(rule.num) ? rule.num : [rule.num]).map((f) => value(f) as Dec);
    const numerator = nums.length === 2 ? nums[0].minus(nums[1]) : nums[0];
    const denominator = sum((Array.isArray(rule.den) ? rule.den : [rule.den]).map((f) => value(f) as Dec));
    if (denominator.lte(0)) {
      const denField = Array.isArray(rule.den) ? rule.den[0] : rule.den;
      dept.rates[rate] = { value: null, cell, why: `${BASE_NAMES[denField]}为0` };
      const at = dept.base[denField] as NonNullable<Department['base'][BaseField]>;
      const actualField = Array.isArray(rule.num) ? rule.num[0] : rule.num;
      findings.add('dept.rate-undefined', at.sheet, at.row, at.col, {
        rate: RATE_NAMES[rate], rateEn: RATE_NAMES_EN[rate], base: BASE_NAMES[denField], baseEn: BASE_NAMES_EN[denField],
        actual: numerator.isZero() ? '' : `${numerator.toString()}`, actualLabel: BASE_NAMES[actualField], actualLabelEn: BASE_NAMES_EN[actualField],
      });
      continue;
    }
    const result = roundRate(numerator.div(denominator));
    dept.rates[rate] = { value: result, cell };
    if (cell) plan.set(cell, result, 'departmentRate');
  }
}

/** A row named after a computed rate: its score by its 评分标准, computed where blank, checked where entered. */
function scoreByRule(dept: Department, item: DepartmentItem, profile: ScoringProfile, findings: Findings, plan: PlanBuilder): void {
  const value = item.rate ? dept.rates[item.rate]?.value ?? null : null;
  if (item.rate === null || value === null || item.weight === null) return;
  if (item.rule === null) {
    if (item.standard !== '') {
      findings.add('dept.standard-unread', dept.sheet, item.row, dept.cols.standard >= 0 ? dept.cols.standard : dept.cols.score, { text: shortText(item.standard, 40), rate: RATE_NAMES[item.rate], rateEn: RATE_NAMES_EN[item.rate] });
    }
    return;
  }
  const rate = profile.departmentTable.absoluteRates.includes(item.rate) ? value.abs() : value;
  const result = scoreByStandard(item.rule, rate, item.weight);
  if (!result) return;
  item.expected = result.expected;
  const readings = [...new Set(result.accepted.map((a) => a.toFixed(2)))];
  if (item.score === null && readings.length > 1) {
    // "每低于1个百分点扣0.5分" at 1.87 points below reads three ways: the unit's bureau decides which, not us.
    findings.add('dept.rule-choose', dept.sheet, item.row, dept.cols.score, {
      standard: shortText(item.standard, 40), rate: RATE_NAMES[item.rate], rateEn: RATE_NAMES_EN[item.rate], value: formatPercent(value), readings: readings.join('、'),
    });
  } else if (item.score === null) {
    item.score = result.expected;
    item.scoreSource = 'computed';
    plan.set({ sheet: dept.sheet, row: item.row, col: dept.cols.score }, result.expected, 'departmentScore');
    // Like a qualitative suggestion: the unit confirms the score the tool put in its blank cell.
    findings.add('dept.score-filled', dept.sheet, item.row, dept.cols.score, {
      standard: shortText(item.standard, 40), rate: RATE_NAMES[item.rate], rateEn: RATE_NAMES_EN[item.rate], value: formatPercent(value), score: formatScore(result.expected),
    });
  } else if (!result.accepted.some((a) => a.minus(item.score as Dec).abs().lte(profile.tolerance))) {
    item.differsFromStandard = true;
    findings.add('dept.rule-differs', dept.sheet, item.row, dept.cols.score, {
      standard: shortText(item.standard, 40), rate: RATE_NAMES[item.rate], rateEn: RATE_NAMES_EN[item.rate], value: formatPercent(value),
      expected: formatScore(result.expected), score: formatScore(item.score),
    });
  }
}

/**
 * Checks each row; returns the applicable rows whose score or 分值 is missing (they keep the total open).
 * Rows whose score or 分值 has an error are marked invalid: no total is written over them.
 */
function checkItems(dept: Department, profile: ScoringProfile, findings: Findings, plan: PlanBuilder): DepartmentItem[] {
  const open: DepartmentItem[] = [];
  for (const item of dept.items) {
    const add = (rule: Parameters<Findings['add']>[0], col: number, params = {}) => findings.add(rule, dept.sheet, item.row, col >= 0 ? col : dept.cols.score, params);
    if (item.kind === 'unscored') continue;
    // A cell that cannot be read was said where it was read; it is wrong, not missing.
    if (item.unreadable && (item.kind === 'deduction' || item.applicable)) {
      item.invalid = true;
      continue;
    }
    if (item.kind === 'deduction') {
      if (item.score !== null && item.weight !== null && item.score.abs().gt(item.weight)) {
        item.invalid = true;
        add('dept.deduction-above-cap', dept.cols.score, { score: formatScore(item.score.abs()), weight: formatScore(item.weight) });
      }
      continue;
    }
    if (!item.applicable) {
      if (item.score !== null) add('dept.not-applicable-scored', dept.cols.score);
      continue;
    }
    if (item.kind === 'scored') scoreByRule(dept, item, profile, findings, plan);
    if (item.score === null) {
      // A bonus not earned is 0; an item left blank keeps the total open.
      if (item.kind === 'scored' && item.weight !== null) {
        add('dept.score-missing', dept.cols.score);
        open.push(item);
      }
      continue;
    }
    if (item.weight === null) {
      if (item.kind === 'scored') {
        add('dept.weight-missing', dept.cols.weight, { score: formatScore(item.score) });
        open.push(item);
      }
      continue;
    }
    if (item.score.isNegative()) {
      item.invalid = true;
      add('dept.score-negative', dept.cols.score, { score: formatScore(item.score) });
    } else if (item.score.gt(item.weight)) {
      item.invalid = true;
      add('dept.score-above-weight', dept.cols.score, { score: formatScore(item.score), weight: formatScore(item.weight) });
    } else if (item.kind === 'scored' && item.score.lt(item.weight) && item.reason === '' && (!byRule(item) || item.scoreSource === 'computed')) {
      add('dept.reason-missing', dept.cols.reason >= 0 ? dept.cols.reason : dept.cols.score, { lost: formatScore(item.weight.minus(item.score)) });
    }
  }
  return open;
}

/**
 * A score the unit typed as the row's 评分标准 gives for its rate: the rate explains the points lost, no
 * 扣分原因 is asked. One the tool filled in is the unit's to confirm and explain.
 */
function byRule(item: DepartmentItem): boolean {
  return item.expected !== null && item.score !== null && item.expected.minus(item.score).abs().lte(0.01);
}

/** What an item adds to 总分 (a deduction subtracts) and to Σ applicable 分值. */
function contribution(item: DepartmentItem): { score: Dec; weight: Dec } | null {
  if (item.kind === 'unscored') return null;
  if (item.kind === 'deduction') return { score: round2(item.score ?? ZERO).abs().negated(), weight: ZERO };
  if (!item.applicable) return null;
  return { score: round2(item.score ?? ZERO), weight: item.weight ?? ZERO };
}

function categoriesOf(dept: Department, open: DepartmentItem[], profile: ScoringProfile): DepartmentCategory[] {
  const groups = new Map<string, DepartmentCategory & { key: string }>();
  for (const item of dept.items) {
    const c = contribution(item);
    if (!c) continue;
    const key = labelKey(item.level1);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, name: item.level1, weight: ZERO, score: ZERO }));
    g.weight = g.weight.plus(c.weight);
    g.score = open.includes(item) || item.invalid || g.score === null ? null : g.score.plus(c.score);
  }
  const order = profile.departmentTable.categories.map(labelKey);
  const rank = (key: string) => {
    const i = order.findIndex((o) => key === o || key.startsWith(o));
    return i < 0 ? order.length : i;
  };
  return [...groups.values()]
    .map((g, i) => ({ g, i }))
    .sort((a, b) => rank(a.g.key) - rank(b.g.key) || a.i - b.i)
    .map(({ g }) => ({ name: g.name, weight: g.weight, score: g.score }));
}

export function computeDepartment(grid: Grid, dept: Department, profile: ScoringProfile, findings: Findings, plan: PlanBuilder): void {
  computeRates(dept, profile, findings, plan);
  const open = checkItems(dept, profile, findings, plan);
  dept.categories = categoriesOf(dept, open, profile);
  const at = (row: number, col: number) => ({ sheet: dept.sheet, row, col });

  // 分值 of the scored rows (bonus rows with 分值 included) make 100.
  const weighted = dept.items.filter((i) => (i.kind === 'scored' || i.kind === 'bonus') && i.weight !== null);
  const allWeights = weighted.length ? sum(weighted.map((i) => i.weight as Dec)) : null;
  if (allWeights && allWeights.minus(100).abs().gt(profile.tolerance)) {
    const anchor = dept.totalRow !== null ? at(dept.totalRow, dept.cols.weight) : at(weighted[0].row, dept.cols.weight);
    findings.add('dept.weights-total', anchor.sheet, anchor.row, anchor.col, { total: formatScore(allWeights) });
  }
  // A stated 分值 total that differs from its items is the unit's to check: said, not overwritten.
  if (dept.totalRow !== null && allWeights) plan.setIfBlank(at(dept.totalRow, dept.cols.weight), allWeights, 'totalWeight', { rule: 'total.weight-differs' });

  const invalid = dept.items.filter((i) => i.invalid);
  if (invalid.length > 0) {
    // A total over a wrong score is a number the workbook cannot support: said at the total, not written.
    const anchor = dept.totalRow !== null ? at(dept.totalRow, dept.cols.score) : at(invalid[0].row, dept.cols.score);
    const cells = invalid.slice(0, 3).map((i) => toA1(i.row, dept.cols.score)).join('、');
    const more = invalid.length > 3 ? `等${invalid.length}处` : '';
    findings.add('total.not-filled', anchor.sheet, anchor.row, anchor.col, {
      what: '部门整体自评总分、换算得分和评价等级', whatEn: 'The department total, converted score and grade',
      why: `${cells}${more}的自评得分或分值有误`, whyEn: `the score or weight at ${cells.replace(/、/g, ', ')}${invalid.length > 3 ? ` and ${invalid.length - 3} more` : ''} ${invalid.length > 1 ? 'are' : 'is'} wrong`,
    });
  }
  if (open.length > 0) {
    const first = open[0];
    const anchor = dept.totalRow !== null ? at(dept.totalRow, dept.cols.score) : at(first.row, dept.cols.score);
    const noScore = open.filter((i) => i.score === null).length;
    const what = noScore === open.length ? ['未打分', 'no score'] : noScore === 0 ? ['缺少分值', 'no weight'] : ['未打分或缺少分值', 'no score or no weight'];
    findings.add('dept.total-open', anchor.sheet, anchor.row, anchor.col, {
      count: open.length, what: what[0], whatEn: what[1], first: `${dept.sheet}!${toA1(first.row, dept.cols.score)}`,
    });
  }
  if (invalid.length > 0 || open.length > 0) {
    if (dept.totalRow !== null) plan.checkFormulaError(at(dept.totalRow, dept.cols.score));
    return;
  }
  const counted = dept.items.map(contribution).filter((c): c is NonNullable<typeof c> => c !== null);
  const weight = sum(counted.map((c) => c.weight));
  if (counted.length === 0 || weight.lte(0)) return;
  const itemsOf = (kind: DepartmentItem['kind']) => dept.items.filter((i) => i.kind === kind && (kind === 'deduction' || i.applicable));
  dept.bonus = sum(itemsOf('bonus').map((i) => round2(i.score ?? ZERO)));
  dept.deductions = sum(itemsOf('deduction').map((i) => round2(i.score ?? ZERO).abs()));
  dept.score = sum(counted.map((c) => c.score));
  dept.weight = weight;
  dept.converted = convertedScore(dept.score, dept.weight);
  dept.grade = dept.converted ? gradeOf(dept.converted, profile) : null;

  if (dept.totalRow !== null) {
    // A stated total that differs from its items is said at its cell (RULES.md §2).
    const what = { what: '部门整体自评总分', whatEn: 'The department total', sum: formatScore(dept.score) };
    plan.set(at(dept.totalRow, dept.cols.score), dept.score, 'totalScore', { rule: 'total.mismatch', params: what });
  }
  const cells = resultCells(grid, dept);
  if (cells.converted && dept.converted) plan.set(cells.converted, dept.converted, 'convertedScore');
  if (cells.grade && dept.grade) plan.set(cells.grade, dept.grade, 'grade', { rule: 'grade.differs', params: { score: formatScore(dept.converted as Dec) } });
}

export function describeRate(rate: DepartmentRate, r: { value: Dec | null; why?: string }): string {
  return r.value === null ? `${RATE_NAMES[rate]}无法计算（${r.why}）` : `${RATE_NAMES[rate]}${formatPercent(r.value)}`;
}
