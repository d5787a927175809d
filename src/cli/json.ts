// The --json output: a contract other tools rely on (see README). Numbers are JSON numbers rounded as
// RULES.md says (rates as fractions: 0.9506 for 95.06 %); absent or undefined values are null.

import { type Analysis, type CellWrite, type Department, type DepartmentItemKind, type Issue, toA1 } from '../engine';
import type { Dec } from '../engine/decimal';
import { sum } from '../engine/decimal';

const num = (d: Dec | null | undefined): number | null => (d === null || d === undefined ? null : d.toNumber());

export interface JsonReport {
  /** One per list row (same-name rows are separate projects: `cell` tells them apart), form or indicator group. */
  projects: Array<{
    name: string; sheet: string; cell: string; unit: string; budget: number | null; executed: number | null;
    executionRate: number | null; executionScore: number | null; score: number | null; grade: string | null;
    achievement: number | null;
  }>;
  indicators: Array<{
    project: string; sheet: string; cell: string; level1: string; level2: string; level3: string;
    target: string; actual: string; weight: number | null; score: number | null;
  }>;
  issues: Array<Pick<Issue, 'rule' | 'severity' | 'sheet' | 'cell' | 'message'>>;
  /**
   * The department-wide sheets. `rates` by rate id (executionRate, adjustmentRate, carryOverRate,
   * finalVarianceRate, procurementRate, publicCostRate, threeCostRate, threeCostChange, staffRate): null
   * where undefined or not computable; `total` = applicable scores + bonus − deductions, `weight` = Σ
   * applicable 分值, `converted` = total ÷ weight × 100; item `cell` is the score cell.
   */
  departments: Array<{
    sheet: string; rates: Record<string, number | null>; total: number | null; weight: number | null;
    converted: number | null; grade: string | null;
    items: Array<{ cell: string; level1: string; name: string; kind: DepartmentItemKind; weight: number | null; score: number | null; applicable: boolean; reason: string }>;
  }>;
  /** Totals of the amounts the workbook holds; null when no project holds one (never 0 for "absent"). */
  summary: { projects: number; indicators: number; errors: number; warnings: number; totalBudget: number | null; totalExecuted: number | null };
  writes?: Array<{ sheet: string; cell: string; before: unknown; after: number | string }>;
}

export function toJson(analysis: Analysis, issues: Issue[], writes?: CellWrite[]): JsonReport {
  const { projects, indicators } = analysis.model;
  const report: JsonReport = {
    projects: projects.map((p) => ({
      name: p.name,
      sheet: p.sheet,
      cell: toA1(p.nameCell.row, p.nameCell.col),
      unit: p.unit,
      budget: num(p.budget),
      executed: num(p.executed),
      executionRate: num(p.executionRate),
      executionScore: num(p.executionScore),
      score: num(p.score),
      grade: p.grade,
      achievement: num(p.achievement),
    })),
    indicators: indicators.map((i) => ({
      project: i.project,
      sheet: i.sheet,
      cell: toA1(i.row, i.cols.score >= 0 ? i.cols.score : i.cols.level3),
      level1: i.level1,
      level2: i.level2,
      level3: i.level3,
      target: i.targetText,
      actual: i.actualText,
      weight: num(i.weight),
      score: num(i.score),
    })),
    issues: issues.map(({ rule, severity, sheet, cell, message }) => ({ rule, severity, sheet, cell, message })),
    departments: analysis.model.departments.map(department),
    summary: {
      projects: projects.length,
      indicators: indicators.length,
      errors: issues.filter((i) => i.severity === 'error').length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
      totalBudget: total(projects.map((p) => p.budget)),
      totalExecuted: total(projects.map((p) => p.executed)),
    },
  };
  if (writes) report.writes = writes.map((w) => ({ sheet: w.sheet, cell: w.cell, before: w.before, after: w.value }));
  return report;
}

function total(amounts: Array<Dec | null>): number | null {
  const held = amounts.filter((a): a is Dec => a !== null);
  return held.length ? sum(held).toNumber() : null;
}

function department(d: Department): JsonReport['departments'][number] {
  return {
    sheet: d.sheet,
    rates: Object.fromEntries(Object.entries(d.rates).map(([rate, r]) => [rate, num(r?.value)])),
    total: num(d.score),
    weight: num(d.weight),
    converted: num(d.converted),
    grade: d.grade,
    items: d.items.map((i) => ({
      cell: toA1(i.row, d.cols.score >= 0 ? d.cols.score : d.cols.level3),
      level1: i.level1,
      name: i.level3,
      kind: i.kind,
      weight: num(i.weight),
      score: num(i.score),
      applicable: i.applicable,
      reason: i.reason,
    })),
  };
}
