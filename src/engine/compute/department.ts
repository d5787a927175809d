// The department-wide evaluation (RULES.md §2): the standard rates from the base figures, the checks on
// the unit's own scores, 总分, 换算得分 over the applicable items (§1.7) and the grade.

import { type Dec, formatPercent, formatScore, round2, roundRate, sum } from '../decimal';
import type { Findings } from '../findings';
import type { Grid } from '../grid';
import type { Department } from '../model';
import { parseValue } from '../parse/value';
import type { PlanBuilder } from '../plan';
import type { BaseField, DepartmentRate, ScoringProfile } from '../profile';
import { resultCells } from '../recognise/department';
import { convertedScore, gradeOf } from './scoring';

const RATE_NAMES: Record<DepartmentRate, string> = {
  executionRate: '预算执行率', adjustmentRate: '预算调整率', carryOverRate: '结转结余率', finalVarianceRate: '财政拨款收入预决算差异率',
  procurementRate: '政府采购执行率', publicCostRate: '公用经费控制率', threeCostRate: '“三公经费”控制率',
  threeCostChange: '“三公经费”变动率', staffRate: '在职人员控制率',
};
const BASE_NAMES: Partial<Record<BaseField, string>> = {
  budget: '全年预算数', initialBudget: '年初预算数', procurementBudget: '政府采购预算数', procurementActual: '实际政府采购金额',
  publicBudget: '公用经费预算数', threeBudget: '三公经费预算数', threeLastYear: '上年三公经费', staffQuota: '编制数', executed: '全年执行数',
};


interface RateRule {
  /** The numerator, or a difference (a − b). */
  num: BaseField | [BaseField, BaseField];
  /** The denominator, or a sum of fields. */
  den: BaseField | BaseField[];
}

function rules(profile: ScoringProfile): Record<DepartmentRate, RateRule> {
  return {
    executionRate: { num: 'executed', den: 'budget' },
    // 预算调整数 is the change made during the year: 全年预算数 − 年初预算数.
    adjustmentRate: { num: ['budget', 'initialBudget'], den: 'initialBudget' },
    carryOverRate: { num: 'carryOverEnd', den: profile.carryOverBase === 'executed' ? 'executed' : ['carryOverStart', 'appropriation'] },
    finalVarianceRate: { num: ['final', 'budget'], den: 'budget' },
    procurementRate: { num: 'procurementActual', den: 'procurementBudget' },
    publicCostRate: { num: 'publicActual', den: 'publicBudget' },
    threeCostRate: { num: 'threeActual', den: 'threeBudget' },
    threeCostChange: { num: ['threeActual', 'threeLastYear'], den: 'threeLastYear' },
    staffRate: { num: 'staffActual', den: 'staffQuota' },
  };
}

function computeRates(dept: Department, profile: ScoringProfile, findings: Findings, plan: PlanBuilder): void {
  const value = (f: BaseField) => dept.base[f]?.value ?? null;
  for (const [rate, rule] of Object.entries(rules(profile)) as Array<[DepartmentRate, RateRule]>) {
    const nums = Array.isArray(rule.num) ? rule.num.map(value) : [value(rule.num)];
    const dens = (Array.isArray(rule.den) ? rule.den : [rule.den]).map(value);
    if (nums.some((n) => n === null) || dens.some((d) => d === null)) continue; // figures not given: nothing to say
    const numerator = nums.length === 2 ? (nums[0] as Dec).minus(nums[1] as Dec) : (nums[0] as Dec);
    const denominator = sum(dens as Dec[]);
    const cell = dept.rates[rate]?.cell ?? null;
    if (denominator.lte(0)) {
      const denField = Array.isArray(rule.den) ? rule.den[0] : rule.den;
      dept.rates[rate] = { value: null, cell, why: `${BASE_NAMES[denField] ?? denField}为0` };
      const at = dept.base[denField] as NonNullable<Department['base'][BaseField]>;
      const actualField = Array.isArray(rule.num) ? rule.num[0] : rule.num;
      findings.add('dept.rate-undefined', at.sheet, at.row, at.col, {
        rate: RATE_NAMES[rate], base: BASE_NAMES[denField] ?? denField,
        actual: numerator.isZero() ? '' : `${numerator.toString()}`, actualLabel: BASE_NAMES[actualField] ?? actualField,
      });
      continue;
    }
    const result = roundRate(numerator.div(denominator));
    dept.rates[rate] = { value: result, cell };
    if (cell) plan.set(cell, result, 'departmentRate');
  }
}

export function computeDepartment(grid: Grid, dept: Department, profile: ScoringProfile, findings: Findings, plan: PlanBuilder): void {
  computeRates(dept, profile, findings, plan);
  const at = (row: number, col: number) => ({ sheet: dept.sheet, row, col });
  for (const item of dept.items) {
    if (!item.applicable) {
      if (item.score !== null) findings.add('dept.not-applicable-scored', dept.sheet, item.row, dept.cols.score);
      continue;
    }
    if (item.score === null) {
      if (item.weight !== null) findings.add('dept.score-missing', dept.sheet, item.row, dept.cols.score);
      continue;
    }
    if (item.weight === null) continue;
    if (item.score.gt(item.weight)) {
      findings.add('dept.score-above-weight', dept.sheet, item.row, dept.cols.score, { score: formatScore(item.score), weight: formatScore(item.weight) });
    } else if (item.score.lt(item.weight) && item.reason === '') {
      findings.add('dept.reason-missing', dept.sheet, item.row, dept.cols.reason >= 0 ? dept.cols.reason : dept.cols.score, { lost: formatScore(item.weight.minus(item.score)) });
    }
  }

  const applicable = dept.items.filter((i) => i.applicable);
  if (applicable.length === 0 || applicable.some((i) => i.score === null || i.weight === null)) return;
  dept.score = sum(applicable.map((i) => round2(i.score as Dec)));
  dept.weight = sum(applicable.map((i) => i.weight as Dec));
  dept.converted = convertedScore(dept.score, dept.weight);
  dept.grade = dept.converted ? gradeOf(dept.converted, profile) : null;

  if (dept.totalRow !== null) {
    const allWeights = dept.items.every((i) => i.weight !== null) ? sum(dept.items.map((i) => i.weight as Dec)) : null;
    if (allWeights) plan.set(at(dept.totalRow, dept.cols.weight), allWeights, 'totalWeight');
    const stated = plan.hasFormula(at(dept.totalRow, dept.cols.score)) ? null : parseValue(plan.valueAt(at(dept.totalRow, dept.cols.score)));
    if (stated?.kind === 'number' && stated.value.minus(dept.score).abs().gt(0.01)) {
      findings.add('total.mismatch', dept.sheet, dept.totalRow, dept.cols.score, { what: '部门整体自评总分', stated: formatScore(stated.value), sum: formatScore(dept.score) });
    }
    plan.set(at(dept.totalRow, dept.cols.score), dept.score, 'totalScore');
  }
  const cells = resultCells(grid, dept);
  if (cells.converted && dept.converted) plan.set(cells.converted, dept.converted, 'convertedScore');
  if (cells.grade && dept.grade) plan.set(cells.grade, dept.grade, 'grade');
}

export function describeRate(rate: DepartmentRate, r: { value: Dec | null; why?: string }): string {
  return r.value === null ? `${RATE_NAMES[rate]}无法计算（${r.why}）` : `${RATE_NAMES[rate]}${formatPercent(r.value)}`;
}

