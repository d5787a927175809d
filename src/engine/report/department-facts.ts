// What the department-wide part of the report may state (RULES.md §2): the base figures the sheet holds,
// the rates with the undefined ones said as such, the points by category as the engine totals them, the
// items that lost points, bonus and deduction rows, and the result. Nothing the sheet leaves blank is
// filled in.

import type { Dec } from '../decimal';
import type { Department, DepartmentItem } from '../model';
import type { BaseField, DepartmentRate, ScoringProfile } from '../profile';
import { percent, quoted } from './words';

export type FigureGroup = 'revenue' | 'expenditure' | 'staff' | 'other';

export interface Figure {
  field: BaseField;
  label: string;
  value: Dec;
  unit: '万元' | '人';
}

export interface RateFact {
  rate: DepartmentRate;
  name: string;
  value: Dec | null;
  /** Why the rate is undefined (a zero denominator, figures not given). */
  why: string | null;
}

export interface LostPoints {
  item: DepartmentItem;
  lost: Dec;
  /** The 扣分原因 the unit wrote; null when it wrote none. */
  reason: string | null;
  /** What the row's 评分标准 gives for its computed rate, when the score is that ("预算执行率为90.00%"): the tool's, not the unit's. */
  byStandard: string | null;
  /** The engine asks the unit for a reason: none written, and the score is not one the unit scored by its 评分标准. */
  reasonAsked: boolean;
}

/** A row whose entered score is none its 评分标准 gives for the computed rate. */
export interface StandardDifference {
  item: DepartmentItem;
  rate: string;
  expected: Dec;
}

export interface DepartmentFacts {
  department: Department;
  figures: Record<FigureGroup, Figure[]>;
  rates: RateFact[];
  /** Applicable scored rows below their 分值. */
  lost: LostPoints[];
  /** Bonus (加分项) rows that count, and deduction (扣分项) rows with their reasons. */
  bonus: DepartmentItem[];
  deductions: LostPoints[];
  /** Scored and bonus rows marked not applicable: left out of 总分 and of the 分值 it is converted over. */
  notApplicable: DepartmentItem[];
  /** Applicable scored rows without a score or a 分值: they keep the total open. */
  open: DepartmentItem[];
  /** Rows whose score or 分值 has an error (unreadable, negative, above 分值): no total stands on them. */
  invalid: DepartmentItem[];
  /** The 总分 typed in the sheet when it differs from the sum of the items. */
  statedTotal: Dec | null;
  /** Rows scored otherwise than their 评分标准 gives (the unit's scores stand, and count in 总分). */
  standardDiffers: StandardDifference[];
}

// Revenue (收入) and expenditure (支出) are different fields (RULES.md §2): they are stated apart.
const GROUPS: Record<FigureGroup, string[]> = {
  revenue: ['revenueBudget', 'revenueFinal', 'appropriation', 'carryOverStart'],
  expenditure: ['initialBudget', 'budget', 'executed', 'carryOverEnd'],
  staff: ['staffQuota', 'staffActual'],
  other: [],
};

function groupOf(field: string): FigureGroup {
  return (Object.keys(GROUPS) as FigureGroup[]).find((g) => GROUPS[g].includes(field)) ?? 'other';
}

/** The field's label: the profile's first, with curly quotes (“三公经费”控制率). */
const label = (aliases: string[] | undefined, field: string) => (aliases?.[0] ?? field).replace(/"([^"]*)"/g, '“$1”');

export function departmentFacts(d: Department, profile: ScoringProfile, statedTotal: Dec | null): DepartmentFacts {
  const figures: Record<FigureGroup, Figure[]> = { revenue: [], expenditure: [], staff: [], other: [] };
  // In the profile's order, which follows the sheet's usual order.
  for (const field of Object.keys(profile.departmentBase) as BaseField[]) {
    const value = d.base[field]?.value;
    if (value === null || value === undefined) continue;
    const group = groupOf(field);
    figures[group].push({ field, label: label(profile.departmentBase[field], field), value, unit: group === 'staff' ? '人' : '万元' });
  }

  const rates = (Object.keys(profile.departmentRates) as DepartmentRate[])
    .filter((rate) => d.rates[rate] !== undefined)
    .map((rate): RateFact => {
      const r = d.rates[rate]!;
      return { rate, name: label(profile.departmentRates[rate], rate), value: r.value, why: r.value === null ? r.why ?? '计算所需的基础数据未填写' : null };
    });
  const rateName = (rate: DepartmentRate) => rates.find((r) => r.rate === rate)?.name ?? label(profile.departmentRates[rate], rate);

  const rateText = (i: DepartmentItem): string => {
    const value = i.rate ? d.rates[i.rate]?.value : null;
    return i.rate && value ? `${rateName(i.rate)}为${percent(value)}` : '';
  };
  /** A score its 评分标准 gives for the row's rate: the rate explains it (the tool's words, not the unit's). */
  const byStandard = (i: DepartmentItem): string | null => {
    if (!rateText(i) || i.expected === null || i.score === null || i.expected.minus(i.score).abs().gt(profile.tolerance)) return null;
    return rateText(i);
  };
  const lostPoints = (i: DepartmentItem): LostPoints => {
    const reason = quoted(i.reason);
    const standard = byStandard(i);
    // As the engine asks (dept.reason-missing): a score the unit typed by its 评分标准 needs no reason, one filled in by the tool does.
    return { item: i, lost: (i.weight as Dec).minus(i.score as Dec), reason, byStandard: standard, reasonAsked: reason === null && (standard === null || i.scoreSource === 'computed') };
  };
  const scored = d.items.filter((i) => i.kind === 'scored' && i.applicable);

  return {
    department: d,
    figures,
    rates,
    lost: scored
      .filter((i) => !i.invalid && i.score !== null && i.weight !== null && i.score.lt(i.weight))
      .map(lostPoints),
    bonus: d.items.filter((i) => i.kind === 'bonus' && i.applicable && i.score !== null && !i.score.isZero()),
    deductions: d.items
      .filter((i) => i.kind === 'deduction' && !i.invalid && i.score !== null && !i.score.isZero())
      .map((i) => ({ item: i, lost: (i.score as Dec).abs(), reason: quoted(i.reason), byStandard: null, reasonAsked: quoted(i.reason) === null })),
    notApplicable: d.items.filter((i) => (i.kind === 'scored' || i.kind === 'bonus') && !i.applicable),
    open: scored.filter((i) => !i.invalid && (i.score === null || i.weight === null)),
    invalid: d.items.filter((i) => i.invalid),
    statedTotal: statedTotal !== null && d.score !== null && statedTotal.minus(d.score).abs().gt(profile.tolerance) ? statedTotal : null,
    standardDiffers: d.items.filter((i) => i.differsFromStandard && i.expected !== null).map((i) => ({ item: i, rate: rateText(i), expected: i.expected as Dec })),
  };
}
