// The bureau's review of many units' workbooks (审核汇总): the units ranked, their totals, every issue,
// every project, the notes for the units whose workbooks go back, and the execution rates to chart.
// Pure and deterministic: the command line (worker threads) and the web page build the same review from
// the same files, whatever order the files were read in.

import { Dec, round2, roundRate } from '../decimal';
import { returnNote } from './notes';
import type { SkippedFile } from './files';
import type { ReviewIssue, ReviewProject, UnitReview } from './unit';

export { fileKind, shortNames, baseName, isReviewWorkbook, REVIEW_SHEETS, REVIEW_TITLE, type FileKind, type SkippedFile } from './files';
export { unitReview, unreadableUnit, recognisedTables, type UnitReview, type ReviewIssue, type ReviewProject, type UnitSums, type UnitInput } from './unit';
export { returnNote } from './notes';

/** How a unit's workbook stands: could not be read, goes back for its errors, has points to check, or passes. */
export type UnitStatus = 'unreadable' | 'errors' | 'warnings' | 'clean';

export function unitStatus(u: UnitReview): UnitStatus {
  if (u.status === 'unreadable') return 'unreadable';
  if (u.errors) return 'errors';
  return u.warnings ? 'warnings' : 'clean';
}

export const STATUS_TEXT: Record<UnitStatus, string> = { unreadable: '无法读取', errors: '需退回修改', warnings: '请核实', clean: '通过' };

export interface ReviewTotals {
  files: number;
  readable: number;
  unreadable: number;
  projects: number;
  totalBudget: string | null;
  totalExecuted: string | null;
  /** Σ executed ÷ Σ budget over every unit's projects that have both (a budget above 0). */
  executionRate: string | null;
  /** Over every scored project of every unit. */
  averageScore: string | null;
  weightedScore: string | null;
  grades: Record<string, number>;
  errors: number;
  warnings: number;
  differences: number | null;
  /** Units whose workbooks go back: with errors, or unreadable. */
  returned: number;
}

export interface ReturnNote {
  file: string;
  unit: string | null;
  errors: number | null;
  warnings: number | null;
  lines: string[];
}

export interface ChartPoint {
  label: string;
  rate: string;
  low: boolean;
}

export interface Review {
  /** Ranked: by 换算得分, then execution rate (highest first, those without last), then file; unreadable files last. */
  units: UnitReview[];
  /** The grades counted, in the order of the profiles that use them. */
  grades: string[];
  totals: ReviewTotals;
  issues: Array<ReviewIssue & { file: string; unit: string | null }>;
  projects: Array<ReviewProject & { file: string; unit: string | null }>;
  notes: ReturnNote[];
  /** Units with an execution rate, highest first. */
  chart: ChartPoint[];
  skipped: SkippedFile[];
  /** The units were compared with the bureau's template. */
  compared: boolean;
  /** The year most units evaluate; null when none says. */
  year: number | null;
}

/** Codepoint order: the same in Node and in every browser (locale collation is not). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Higher first; a missing figure after every present one. */
function descending(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return new Dec(b).cmp(new Dec(a));
}

export function rankUnits(units: UnitReview[]): UnitReview[] {
  return [...units].sort((a, b) => (a.status === b.status ? 0 : a.status === 'unreadable' ? 1 : -1)
    || descending(a.department?.converted ?? null, b.department?.converted ?? null)
    || descending(a.executionRate, b.executionRate)
    || byText(a.file, b.file));
}

const total = (values: Array<string | null>): string | null => {
  const held = values.filter((v): v is string => v !== null);
  return held.length ? held.reduce((acc, v) => acc.plus(v), new Dec(0)).toFixed() : null;
};

function totals(units: UnitReview[], grades: string[]): ReviewTotals {
  const readable = units.filter((u) => u.status === 'ok');
  const sums = readable.map((u) => u.sums).filter((s) => s !== null);
  const add = (pick: (s: (typeof sums)[number]) => string) => sums.reduce((acc, s) => acc.plus(pick(s)), new Dec(0));
  const executionCount = sums.reduce((n, s) => n + s.executionCount, 0);
  const scored = sums.reduce((n, s) => n + s.scored, 0);
  const weightBase = add((s) => s.weightBase);
  return {
    files: units.length,
    readable: readable.length,
    unreadable: units.length - readable.length,
    projects: readable.reduce((n, u) => n + (u.projects ?? 0), 0),
    totalBudget: total(readable.map((u) => u.totalBudget)),
    totalExecuted: total(readable.map((u) => u.totalExecuted)),
    executionRate: executionCount ? roundRate(add((s) => s.executionExecuted).div(add((s) => s.executionBudget))).toFixed() : null,
    averageScore: scored ? round2(add((s) => s.scoreSum).div(scored)).toFixed() : null,
    weightedScore: weightBase.gt(0) ? round2(add((s) => s.weightedSum).div(weightBase)).toFixed() : null,
    grades: Object.fromEntries(grades.map((g) => [g, readable.reduce((n, u) => n + (u.grades?.find((x) => x.grade === g)?.count ?? 0), 0)])),
    errors: readable.reduce((n, u) => n + (u.errors ?? 0), 0),
    warnings: readable.reduce((n, u) => n + (u.warnings ?? 0), 0),
    differences: readable.some((u) => u.differences !== null) ? readable.reduce((n, u) => n + (u.differences ?? 0), 0) : null,
    returned: units.filter((u) => u.status === 'unreadable' || (u.errors ?? 0) > 0).length,
  };
}

/** The year most units name (the later one on a tie). */
function commonYear(units: UnitReview[]): number | null {
  const counts = new Map<number, number>();
  for (const u of units) if (u.year !== null) counts.set(u.year, (counts.get(u.year) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
}

/** A unit's name in the chart: its name, with the file where two units share a name or none is known. */
function chartLabels(units: UnitReview[]): Map<UnitReview, string> {
  const names = new Map<string, number>();
  for (const u of units) if (u.unit) names.set(u.unit, (names.get(u.unit) ?? 0) + 1);
  return new Map(units.map((u) => [u, u.unit === null ? u.file : (names.get(u.unit) ?? 0) > 1 ? `${u.unit}（${u.file}）` : u.unit]));
}

export function buildReview(input: UnitReview[], skipped: SkippedFile[] = []): Review {
  const units = rankUnits(input);
  const grades = [...new Set(units.flatMap((u) => u.grades?.map((g) => g.grade) ?? []))];
  const labels = chartLabels(units);
  return {
    units,
    grades,
    totals: totals(units, grades),
    issues: units.flatMap((u) => u.issues.map((i) => ({ file: u.file, unit: u.unit, ...i }))),
    projects: units.flatMap((u) => u.projectRows.map((p) => ({ file: u.file, unit: u.unit, ...p }))),
    notes: units.flatMap((u) => {
      const lines = returnNote(u);
      return lines ? [{ file: u.file, unit: u.unit, errors: u.errors, warnings: u.warnings, lines }] : [];
    }),
    chart: units
      .filter((u): u is UnitReview & { executionRate: string } => u.executionRate !== null)
      .map((u) => ({ label: labels.get(u) ?? u.file, rate: u.executionRate, low: u.lowExecution }))
      .sort((a, b) => descending(a.rate, b.rate) || byText(a.label, b.label)),
    skipped: [...skipped].sort((a, b) => byText(a.file, b.file)),
    compared: units.some((u) => u.differences !== null),
    year: commonYear(units),
  };
}
