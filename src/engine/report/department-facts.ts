// What the department-wide part of the report may state (RULES.md §2): the base figures the sheet holds,
// the rates with the undefined ones said as such, the points by category, the items that lost points and
// the result. Nothing the sheet leaves blank is filled in.

import { type Dec, round2, ZERO } from '../decimal';
import type { Department, DepartmentItem } from '../model';
import type { BaseField, DepartmentRate, ScoringProfile } from '../profile';
import { quoted } from './words';

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

export interface Category {
  name: string;
  items: number;
  weight: Dec;
  /** Null while an item of the category has no score. */
  score: Dec | null;
}

export interface LostPoints {
  item: DepartmentItem;
  lost: Dec;
  reason: string | null;
}

export interface DepartmentFacts {
  department: Department;
  figures: Record<FigureGroup, Figure[]>;
  rates: RateFact[];
  categories: Category[];
  notApplicable: DepartmentItem[];
  lost: LostPoints[];
  unscored: DepartmentItem[];
  /** The 总分 typed in the sheet when it differs from the sum of the items. */
  statedTotal: Dec | null;
}

// Revenue (收入) and expenditure (支出) are different fields (RULES.md §2): they are stated apart.
const GROUPS: Record<FigureGroup, string[]> = {
  revenue: ['revenueBudget', 'revenueFinal', 'final', 'appropriation', 'carryOverStart'],
  expenditure: ['initialBudget', 'budget', 'executed', 'carryOverEnd'],
  staff: ['staffQuota', 'staffActual'],
  other: [],
};

function groupOf(field: string): FigureGroup {
  return (Object.keys(GROUPS) as FigureGroup[]).find((g) => GROUPS[g].includes(field)) ?? 'other';
}

// Where the profile's first label is ambiguous out of its sheet: 决算数 of revenue, not of spending.
const LABELS: Record<string, string> = { final: '财政拨款收入决算数', appropriation: '本年财政拨款收入' };

/** The field's label: the profile's first, with curly quotes (“三公经费”控制率). */
const label = (aliases: string[] | undefined, field: string) => (LABELS[field] ?? aliases?.[0] ?? field).replace(/"([^"]*)"/g, '“$1”');

/** Items the total counts: applicable ones with a score. */
const counted = (i: DepartmentItem) => i.applicable && i.score !== null;

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

  const categories: Category[] = [];
  for (const item of d.items.filter((i) => i.applicable)) {
    const name = item.level1 || item.level2 || item.level3;
    let c = categories.find((x) => x.name === name);
    if (!c) categories.push((c = { name, items: 0, weight: ZERO, score: ZERO }));
    c.items++;
    if (item.weight !== null) c.weight = c.weight.plus(item.weight);
    c.score = c.score === null || item.score === null ? null : c.score.plus(round2(item.score));
  }

  return {
    department: d,
    figures,
    rates,
    categories,
    notApplicable: d.items.filter((i) => !i.applicable),
    lost: d.items
      .filter((i) => counted(i) && i.weight !== null && (i.score as Dec).lt(i.weight))
      .map((i) => ({ item: i, lost: (i.weight as Dec).minus(i.score as Dec), reason: quoted(i.reason) })),
    unscored: d.items.filter((i) => i.applicable && i.score === null && i.weight !== null),
    statedTotal: statedTotal !== null && d.score !== null && statedTotal.minus(d.score).abs().gt(profile.tolerance) ? statedTotal : null,
  };
}
