// One unit's workbook as the bureau's review sees it: who, which year, its figures, its issues and its
// projects. Plain data (figures as decimal text), so a worker thread can hand it back and the review can
// total it exactly. What the workbook lacks is null, never 0.

import { toA1 } from '../address';
import { unfilledCount } from '../analyse';
import { type Dec, sum } from '../decimal';
import type { Analysis, Issue } from '../model';
import { DEFAULT_PROFILE, getProfile } from '../profile';
import { titleTexts } from '../report';
import { reportFacts } from '../report/facts';
import type { WorkbookSnapshot } from '../snapshot';

export type ReviewIssue = Pick<Issue, 'sheet' | 'cell' | 'rule' | 'severity' | 'message'>;

/** One project with its figures: rates as fractions (0.9506), scores with 2 decimals, amounts as entered. */
export interface ReviewProject {
  sheet: string;
  cell: string;
  name: string;
  category: string;
  budget: string | null;
  executed: string | null;
  executionRate: string | null;
  executionScore: string | null;
  score: string | null;
  grade: string | null;
  achievement: string | null;
}

/** The sums behind a unit's figures, unrounded: the review's total row is computed from them. */
export interface UnitSums {
  /** Projects with a budget above 0 and an executed amount: the execution rate's base. */
  executionCount: number;
  executionBudget: string;
  executionExecuted: string;
  /** Projects with a score: their number and the sum of their scores. */
  scored: number;
  scoreSum: string;
  /** Scored projects with a budget above 0: Σ score × budget and Σ budget. */
  weightedSum: string;
  weightBase: string;
}

export interface UnitReview {
  /** The file as the review names it (see shortNames). */
  file: string;
  status: 'ok' | 'unreadable';
  /** Why the file could not be used, with what to do; null when it was. */
  reason: string | null;
  unit: string | null;
  year: number | null;
  /** The scoring profile's name as shown ("全国通用（财预〔2020〕10号）"). */
  profile: string | null;
  projects: number | null;
  totalBudget: string | null;
  totalExecuted: string | null;
  executionRate: string | null;
  /** The execution rate is below the profile's threshold for low execution. */
  lowExecution: boolean;
  averageScore: string | null;
  weightedScore: string | null;
  /** Scored projects by grade, in the profile's order; null when no project has a score. */
  grades: Array<{ grade: string; count: number }> | null;
  /** The department-wide sheet's 总分, 换算得分 and 等级 (the first such sheet); null without one. */
  department: { total: string | null; converted: string | null; grade: string | null } | null;
  errors: number | null;
  warnings: number | null;
  /** Differences from the bureau's template (rules template.*); null when not compared. */
  differences: number | null;
  issues: ReviewIssue[];
  projectRows: ReviewProject[];
  sums: UnitSums | null;
}

const text = (d: Dec | null | undefined): string | null => (d === null || d === undefined ? null : d.toFixed());

export interface UnitInput {
  file: string;
  analysis: Analysis;
  snapshot: WorkbookSnapshot;
  /** Every issue of the workbook: the engine's, the file reader's and the template's, in the order shown. */
  issues: Issue[];
  /** Whether the workbook was compared with a template. */
  compared: boolean;
}

/** True when the engine recognised at least one table. */
export function recognisedTables(analysis: Analysis): boolean {
  const m = analysis.model;
  return m.forms.length + m.lists.length + m.indicatorLists.length + m.departments.length + unfilledCount(m) > 0;
}

/** The review writes nothing into a unit's workbook: that a protected sheet could not be filled is not its business. */
const NOT_REVIEWED = new Set(['sheet.protected']);

export function unitReview({ file, analysis, snapshot, issues: all, compared }: UnitInput): UnitReview {
  const issues = all.filter((i) => !NOT_REVIEWED.has(i.rule));
  if (!recognisedTables(analysis)) {
    return unreadableUnit(file, analysis.issues.find((i) => i.rule === 'workbook.no-table')?.message ?? '');
  }
  // The report's facts (not its text): the same figures the unit's report states.
  const facts = reportFacts(analysis, { unitName: analysis.unitName, titles: titleTexts(snapshot) });
  const profile = getProfile(analysis.profile) ?? DEFAULT_PROFILE;
  const p = facts.projects;
  const d = analysis.model.departments[0];
  const projects = analysis.model.projects;
  const scored = projects.filter((x) => x.score !== null);
  const weighted = scored.filter((x) => x.budget !== null && x.budget.gt(0));
  const rate = p?.execution.rate ?? null;
  return {
    file,
    status: 'ok',
    reason: null,
    unit: facts.unitName,
    year: analysis.year ?? facts.year,
    profile: analysis.profileLabel.zh,
    projects: projects.length,
    totalBudget: p && p.budget.count ? text(p.budget.sum) : null,
    totalExecuted: p && p.executed.count ? text(p.executed.sum) : null,
    executionRate: text(rate),
    lowExecution: rate !== null && rate.lt(profile.lowExecutionRate),
    averageScore: text(p?.averageScore),
    weightedScore: text(p?.weightedScore),
    grades: p && p.scored ? p.grades : null,
    department: d ? { total: text(d.score), converted: text(d.converted), grade: d.grade } : null,
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    differences: compared ? issues.filter((i) => i.rule.startsWith('template.')).length : null,
    issues: issues.map(({ sheet, cell, rule, severity, message }) => ({ sheet, cell, rule, severity, message })),
    projectRows: projects.map((x) => ({
      sheet: x.sheet,
      cell: toA1(x.nameCell.row, x.nameCell.col),
      name: x.name,
      category: x.listRow?.category ?? '',
      budget: text(x.budget),
      executed: text(x.executed),
      executionRate: text(x.executionRate),
      executionScore: text(x.executionScore),
      score: text(x.score),
      grade: x.grade,
      achievement: text(x.achievement),
    })),
    sums: {
      executionCount: p?.execution.count ?? 0,
      executionBudget: (p?.execution.budget ?? sum([])).toFixed(),
      executionExecuted: (p?.execution.executed ?? sum([])).toFixed(),
      scored: scored.length,
      scoreSum: sum(scored.map((x) => x.score as Dec)).toFixed(),
      weightedSum: sum(weighted.map((x) => (x.score as Dec).times(x.budget as Dec))).toFixed(),
      weightBase: sum(weighted.map((x) => x.budget as Dec)).toFixed(),
    },
  };
}

/** A file that could not be used: a row of its own, with the reason. */
export function unreadableUnit(file: string, reason: string): UnitReview {
  return {
    file, status: 'unreadable', reason, unit: null, year: null, profile: null, projects: null, totalBudget: null, totalExecuted: null,
    executionRate: null, lowExecution: false, averageScore: null, weightedScore: null, grades: null, department: null, errors: null,
    warnings: null, differences: null, issues: [], projectRows: [], sums: null,
  };
}
