// Every figure the summary report states, computed from the recognised workbook (REPORT.md, RULES.md §3).
// The report's sentences only format these; no number is typed twice.

import { Dec, round2, roundRate, sum, ZERO } from '../decimal';
import type { Analysis, Department, Indicator, Project } from '../model';
import { DEFAULT_PROFILE, getProfile } from '../profile';
import { fold } from '../text';

export type Band = 'full' | 'high' | 'mid' | 'low' | 'notStarted' | 'unknown';

export interface BandFacts {
  band: Band;
  projects: Project[];
  funds: Dec;
}

export interface Shortfall {
  project: Project;
  indicator: Indicator | null;
  /** The reason written in the workbook, or null when none was. */
  reason: string | null;
}

export interface ReportFacts {
  /** The department-wide sheet, when the workbook has one. */
  department: Department | null;
  year: number | null;
  unitName: string | null;
  projects: Project[];
  classified: number;
  initialBudget: Dec | null;
  budget: Dec;
  executed: Dec;
  executionRate: Dec | null;
  bands: BandFacts[];
  averageScore: Dec | null;
  weightedScore: Dec | null;
  grades: Array<{ grade: string; count: number }>;
  lowExecution: Shortfall[];
  shortIndicators: Shortfall[];
  overAchieved: Indicator[];
  indicators: Indicator[];
  quantitative: number;
  qualitative: number;
  directions: { positive: number; reverse: number; equal: number };
  withoutCost: Project[];
  errors: number;
  warnings: number;
  missingReasons: number;
}

const NOT_STARTED = /未实施|未开展|资金未下达|未启动|未执行|尚未实施/;

function bandOf(p: Project): Band {
  const a = p.achievement;
  const text = fold(`${p.note} ${p.outcome}`);
  if ((a === null || a.isZero()) && NOT_STARTED.test(text)) return 'notStarted';
  if (a === null) return 'unknown';
  if (a.gte(1)) return 'full';
  if (a.gte(0.5)) return 'high';
  if (a.gte(0.3)) return 'mid';
  return 'low';
}

/** The year most often written in titles ("（2025年度）", "2025年度…汇总表"); the later one on a tie. */
export function detectYear(titles: string[]): number | null {
  const counts = new Map<number, number>();
  for (const t of titles) {
    for (const m of fold(t).matchAll(/(20\d{2})\s*年度?/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [year, n] of counts) if (best === null || n > (counts.get(best) ?? 0) || (n === counts.get(best) && year > best)) best = year;
  return best;
}

/** The unit named most often in the forms (实施单位) and the list (部门名称). */
function detectUnit(projects: Project[]): string | null {
  const counts = new Map<string, number>();
  for (const p of projects) {
    const unit = p.form?.unit || p.listRow?.unit || p.form?.department || '';
    if (unit) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

export interface ReportSettings {
  year?: number | null;
  unitName?: string | null;
  /** Texts to look for the year in (sheet titles); the gateway passes the first rows' text. */
  titles?: string[];
}

export function reportFacts(analysis: Analysis, settings: ReportSettings = {}): ReportFacts {
  const projects = analysis.model.projects;
  const open = projects.filter((p) => !p.classified);
  const amount = (f: (p: Project) => Dec | null) => sum(projects.map((p) => f(p) ?? ZERO));
  const budget = amount((p) => p.budget);
  const executed = amount((p) => p.executed);
  const anyInitial = projects.some((p) => p.initialBudget !== null);

  const bands = (['full', 'high', 'mid', 'low', 'notStarted', 'unknown'] as Band[]).map((band) => {
    const inBand = projects.filter((p) => bandOf(p) === band);
    return { band, projects: inBand, funds: sum(inBand.map((p) => p.budget ?? ZERO)) };
  });

  const scored = projects.filter((p) => p.score !== null);
  const averageScore = scored.length ? round2(sum(scored.map((p) => p.score as Dec)).div(scored.length)) : null;
  const weighted = scored.filter((p) => p.budget !== null && p.budget.gt(0));
  const weight = sum(weighted.map((p) => p.budget as Dec));
  const weightedScore = weight.gt(0) ? round2(sum(weighted.map((p) => (p.score as Dec).times(p.budget as Dec))).div(weight)) : null;
  const profile = getProfile(analysis.profile) ?? DEFAULT_PROFILE;

  const low = profile.lowExecutionRate;
  // The sentence adds its own full stop.
  const reasonOf = (text: string) => text.trim().replace(/[。．.；;，,\s]+$/, '') || null;
  const lowExecution = open
    .filter((p) => p.executionRate !== null && p.executionRate.lt(low))
    .map((p) => ({ project: p, indicator: null, reason: reasonOf(p.note) }));
  const shortIndicators = open.flatMap((p) =>
    p.indicators
      .filter((i) => !i.classified && i.score !== null && i.weight !== null && i.score.lt(i.weight))
      .map((i) => ({ project: p, indicator: i, reason: reasonOf(i.reason) })));

  const indicators = open.flatMap((p) => p.indicators.filter((i) => !i.classified));
  const quantitative = indicators.filter((i) => i.target.kind === 'quantitative');
  const direction = (d: string) => quantitative.filter((i) => i.target.kind === 'quantitative' && i.target.direction === d).length;
  const overAchieved = quantitative.filter((i) => i.target.kind === 'quantitative' && i.target.direction === 'positive' && i.completion !== null && i.completion.gte(1.3));
  const withoutCost = open.filter((p) => p.indicators.length > 0 && !p.indicators.some((i) => i.level2.includes('成本')));

  return {
    department: analysis.model.departments[0] ?? null,
    year: settings.year ?? detectYear(settings.titles ?? []),
    unitName: settings.unitName || detectUnit(projects),
    projects,
    classified: projects.length - open.length,
    initialBudget: anyInitial ? amount((p) => p.initialBudget) : null,
    budget,
    executed,
    executionRate: budget.gt(0) ? roundRate(executed.div(budget)) : null,
    bands,
    averageScore,
    weightedScore,
    grades: profile.gradeBands.map(({ grade }) => ({ grade, count: scored.filter((p) => p.grade === grade).length })),
    lowExecution,
    shortIndicators,
    overAchieved,
    indicators,
    quantitative: quantitative.length,
    qualitative: indicators.length - quantitative.length,
    directions: { positive: direction('positive'), reverse: direction('reverse'), equal: direction('equal') },
    withoutCost,
    errors: analysis.issues.filter((i) => i.severity === 'error').length,
    warnings: analysis.issues.filter((i) => i.severity === 'warning').length,
    missingReasons: analysis.issues.filter((i) => i.rule === 'reason.missing-short' || i.rule === 'reason.missing-over').length,
  };
}

export const BAND_LABELS: Record<Band, string> = {
  full: '达到100%',
  high: '50%（含）至100%',
  mid: '30%（含）至50%',
  low: '低于30%',
  notStarted: '未实施',
  unknown: '未填写实现程度',
};
