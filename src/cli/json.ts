// The --json output: a contract other tools rely on (see README). Numbers are JSON numbers rounded as
// RULES.md says (rates as fractions: 0.9506 for 95.06 %); absent or undefined values are null.

import { type Analysis, type CellWrite, type Issue, toA1 } from '../engine';
import type { Dec } from '../engine/decimal';
import { sum } from '../engine/decimal';

const num = (d: Dec | null | undefined): number | null => (d === null || d === undefined ? null : d.toNumber());

export interface JsonReport {
  projects: Array<{
    name: string; sheet: string; unit: string; budget: number | null; executed: number | null;
    executionRate: number | null; executionScore: number | null; score: number | null; grade: string | null;
    achievement: number | null;
  }>;
  indicators: Array<{
    project: string; sheet: string; cell: string; level1: string; level2: string; level3: string;
    target: string; actual: string; weight: number | null; score: number | null;
  }>;
  issues: Array<Pick<Issue, 'rule' | 'severity' | 'sheet' | 'cell' | 'message'>>;
  summary: { projects: number; indicators: number; errors: number; warnings: number; totalBudget: number; totalExecuted: number };
  writes?: Array<{ sheet: string; cell: string; before: unknown; after: number | string }>;
}

export function toJson(analysis: Analysis, issues: Issue[], writes?: CellWrite[]): JsonReport {
  const { projects, indicators } = analysis.model;
  const report: JsonReport = {
    projects: projects.map((p) => ({
      name: p.name,
      sheet: p.sheet,
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
    summary: {
      projects: projects.length,
      indicators: indicators.length,
      errors: issues.filter((i) => i.severity === 'error').length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
      totalBudget: sum(projects.flatMap((p) => (p.budget ? [p.budget] : []))).toNumber(),
      totalExecuted: sum(projects.flatMap((p) => (p.executed ? [p.executed] : []))).toNumber(),
    },
  };
  if (writes) report.writes = writes.map((w) => ({ sheet: w.sheet, cell: w.cell, before: w.before, after: w.value }));
  return report;
}
