// `selfeval batch --json`: a contract other tools rely on (README). Units in the review's order; numbers
// as JSON numbers rounded as the rules say (rates as fractions, scores with 2 decimals, amounts as
// entered); what a workbook lacks, or what a file that could not be read cannot say, is null.

import type { Issue } from '../engine';
import type { Review, UnitReview } from '../engine/review';

export interface BatchJson {
  units: Array<{
    file: string; unit: string | null; year: number | null; projects: number | null; totalBudget: number | null; totalExecuted: number | null;
    executionRate: number | null; averageScore: number | null; weightedScore: number | null; grades: Record<string, number> | null;
    department: { total: number | null; converted: number | null; grade: string | null } | null;
    errors: number | null; warnings: number | null; status: 'ok' | 'unreadable'; reason: string | null;
  }>;
  issues: Array<{ file: string } & Pick<Issue, 'sheet' | 'cell' | 'rule' | 'severity' | 'message'>>;
  summary: { files: number; readable: number; unreadable: number; errors: number; warnings: number; seconds: number };
}

/** Messages in another language than the review's: the reason and each issue's message, by unit. */
export type Translations = Map<UnitReview, { reason: string | null; messages: string[] }>;

const num = (text: string | null | undefined): number | null => (text === null || text === undefined ? null : Number(text));

export function batchJson(review: Review, seconds: number, translations?: Translations): BatchJson {
  return {
    units: review.units.map((u) => ({
      file: u.file,
      unit: u.unit,
      year: u.year,
      projects: u.projects,
      totalBudget: num(u.totalBudget),
      totalExecuted: num(u.totalExecuted),
      executionRate: num(u.executionRate),
      averageScore: num(u.averageScore),
      weightedScore: num(u.weightedScore),
      grades: u.grades ? Object.fromEntries(u.grades.map((g) => [g.grade, g.count])) : null,
      department: u.department ? { total: num(u.department.total), converted: num(u.department.converted), grade: u.department.grade } : null,
      errors: u.errors,
      warnings: u.warnings,
      status: u.status,
      reason: translations?.get(u)?.reason ?? u.reason,
    })),
    issues: review.units.flatMap((u) => u.issues.map((i, n) => ({
      file: u.file, sheet: i.sheet, cell: i.cell, rule: i.rule, severity: i.severity, message: translations?.get(u)?.messages[n] ?? i.message,
    }))),
    summary: {
      files: review.totals.files,
      readable: review.totals.readable,
      unreadable: review.totals.unreadable,
      errors: review.totals.errors,
      warnings: review.totals.warnings,
      seconds: Math.round(seconds * 100) / 100,
    },
  };
}
