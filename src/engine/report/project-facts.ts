// What the project part of the report may state (RULES.md §3), computed only from what the workbook
// holds: every sum says over how many projects it runs, every shortfall keeps the reason the unit wrote.

import { indicatorCompletion } from '../compute/project';
import { inBand, qualitativeBand } from '../compute/scoring';
import { Dec, round2, roundRate, sum } from '../decimal';
import type { Indicator, Project } from '../model';
import type { ScoringProfile } from '../profile';
import { fold } from '../text';
import { quoted } from './words';

/** A sum over the projects that have the figure, and the projects that do not. */
export interface Tally {
  sum: Dec;
  count: number;
  missing: Project[];
}

export type Band = 'full' | 'high' | 'mid' | 'low' | 'notStarted' | 'unknown';

export interface BandFacts {
  band: Band;
  projects: Project[];
  /** Σ 全年预算数 of the band's projects that have one, and how many have one. */
  funds: Dec;
  funded: number;
}

/** A project that fell short: spent too little, reached less than its goal, or was not carried out. */
export interface ProjectShortfall {
  project: Project;
  /** Execution rate below the profile's threshold (a project not carried out is not counted here). */
  lowExecution: boolean;
  /** Goal achievement when below 100 %. */
  achievement: Dec | null;
  notStarted: boolean;
  /** The reason written in the workbook (偏差原因 / 备注), or null when none was. */
  reason: string | null;
}

export interface IndicatorShortfall {
  project: Project;
  indicator: Indicator;
  /** Completed after its deadline, an answer that negates achieving, or points lost. */
  why: 'late' | 'negated' | 'score';
  reason: string | null;
}

/** An indicator whose achievement cannot be judged: its answer is unclear, or its actual value blank. */
export interface IndicatorUnknown {
  project: Project;
  indicator: Indicator;
  why: 'unclear' | 'missing';
}

/** Why a project cannot be judged: the figures a deviation would be read from are not there. */
export type Gap = 'noBudget' | 'zeroBudget' | 'noExecuted' | 'noAchievement';

/** A total typed in a form that disagrees with the sum of its items. */
export interface StatedTotal {
  project: Project;
  stated: Dec;
}

export interface ProjectFacts {
  projects: Project[];
  /** The projects whose text may be quoted (not 涉密). */
  open: Project[];
  classified: number;
  budget: Tally;
  initialBudget: Tally;
  executed: Tally;
  /** Projects listed in a 项目汇总表 that has no 执行数 column (and without a form): their executed amount is not asked for. */
  withoutExecutedColumn: number;
  /** Execution over the projects that have both a budget above 0 and an executed amount. */
  execution: { count: number; budget: Dec; executed: Dec; rate: Dec | null };
  bands: BandFacts[];
  scored: number;
  averageScore: Dec | null;
  weightedScore: Dec | null;
  grades: Array<{ grade: string; count: number }>;
  lowExecutionRate: Dec;
  shortProjects: ProjectShortfall[];
  shortIndicators: IndicatorShortfall[];
  unknownIndicators: IndicatorUnknown[];
  gaps: Array<{ project: Project; gaps: Gap[] }>;
  statedTotals: StatedTotal[];
  indicators: Indicator[];
  quantitative: Indicator[];
  /** Quantitative indicators with an actual value to compare (completion known). */
  measured: number;
  directions: { positive: number; reverse: number; equal: number };
  overAchieved: Indicator[];
  overAchievementRatio: Dec;
  withoutCost: Project[];
}

const NOT_STARTED = /未实施|未开展|资金未下达|未启动|未执行|尚未实施/;

/** What the report reads of a project, worked out once: an analysed project does not change, and each band and table asks. */
const read = new WeakMap<Project, { achievement: Dec | null; notStarted: boolean }>();

function readProject(p: Project): { achievement: Dec | null; notStarted: boolean } {
  let r = read.get(p);
  if (!r) {
    const derived = p.achievement === null ? indicatorCompletion(p.indicators) : null;
    const achievement = p.achievement ?? (derived === null ? null : roundRate(derived));
    r = { achievement, notStarted: (achievement === null || achievement.isZero()) && NOT_STARTED.test(fold(`${p.note} ${p.outcome}`)) };
    read.set(p, r);
  }
  return r;
}

/** Goal achievement: as the list states it, else from the indicators' scores (the engine's rule). */
export function achievementOf(p: Project): Dec | null {
  return readProject(p).achievement;
}

function notStarted(p: Project): boolean {
  return readProject(p).notStarted;
}

function bandOf(p: Project): Band {
  if (notStarted(p)) return 'notStarted';
  const a = achievementOf(p);
  if (a === null) return 'unknown';
  if (a.gte(1)) return 'full';
  if (a.gte(0.5)) return 'high';
  if (a.gte(0.3)) return 'mid';
  return 'low';
}

/**
 * Why the engine judges an indicator short of its target, or null: late, a negated answer, a partial or
 * failed grade, points lost. A met answer scored below its band is a scoring error (said at its cell),
 * not a shortfall; nor is the unit's reasoned deduction for a target set too low (an over-achievement).
 */
function shortfallOf(i: Indicator, profile: ScoringProfile): IndicatorShortfall['why'] | null {
  if (i.classified || i.weight === null) return null;
  if (i.onTime === false) return 'late';
  if (i.reading === 'negated') return 'negated';
  if (i.qualitative === 'partial' || i.qualitative === 'notAchieved') return 'score';
  if (i.score === null || i.score.gte(i.weight) || i.scoreSource === 'kept') return null;
  if (i.qualitative === 'achieved' && !inBand(i.score, qualitativeBand('achieved', i.weight, profile))) return null;
  return 'score';
}

function unknownOf(i: Indicator): IndicatorUnknown['why'] | null {
  if (i.classified || i.weight === null || i.target.kind === 'blank' || i.target.kind === 'malformed') return null;
  if (i.reading === 'unclear') return 'unclear';
  return i.actualText === '' ? 'missing' : null;
}

function tally(projects: Project[], field: (p: Project) => Dec | null): Tally {
  const have = projects.filter((p) => field(p) !== null);
  return { sum: sum(have.map((p) => field(p) as Dec)), count: have.length, missing: projects.filter((p) => field(p) === null) };
}

/** A project whose only amounts are a list's without an 执行数 column: a real layout, not a gap (TEMPLATE.md §1). */
function listHasNoExecuted(p: Project): boolean {
  return p.listRow !== null && p.listRow.cols.executed === undefined && p.form === null;
}

function gapsOf(p: Project): Gap[] {
  if (notStarted(p)) return [];
  const gaps: Gap[] = [];
  if (p.budget === null) gaps.push('noBudget');
  else if (p.budget.isZero()) gaps.push('zeroBudget');
  if (p.executed === null && !listHasNoExecuted(p)) gaps.push('noExecuted');
  if (achievementOf(p) === null) gaps.push('noAchievement');
  return gaps;
}

export function projectFacts(projects: Project[], profile: ScoringProfile, statedTotals: StatedTotal[]): ProjectFacts {
  const open = projects.filter((p) => !p.classified);
  const spent = projects.filter((p) => p.budget !== null && p.budget.gt(0) && p.executed !== null);
  const execBudget = sum(spent.map((p) => p.budget as Dec));
  const execDone = sum(spent.map((p) => p.executed as Dec));

  const bandOfProject = new Map(projects.map((p) => [p, bandOf(p)]));
  const bands = (['full', 'high', 'mid', 'low', 'notStarted', 'unknown'] as Band[]).map((band) => {
    const inBand = projects.filter((p) => bandOfProject.get(p) === band);
    const funded = inBand.filter((p) => p.budget !== null);
    return { band, projects: inBand, funds: sum(funded.map((p) => p.budget as Dec)), funded: funded.length };
  });

  const scored = projects.filter((p) => p.score !== null);
  const averageScore = scored.length ? round2(sum(scored.map((p) => p.score as Dec)).div(scored.length)) : null;
  const weighted = scored.filter((p) => p.budget !== null && p.budget.gt(0));
  const weight = sum(weighted.map((p) => p.budget as Dec));
  const weightedScore = weight.gt(0) ? round2(sum(weighted.map((p) => (p.score as Dec).times(p.budget as Dec))).div(weight)) : null;

  const low = new Dec(profile.lowExecutionRate);
  const shortProjects = open.flatMap((p): ProjectShortfall[] => {
    const a = achievementOf(p);
    const stopped = notStarted(p);
    // A project not carried out is said to be so; its execution is not a separate shortfall.
    const lowExecution = !stopped && p.executionRate !== null && p.executionRate.lt(low);
    const short = a !== null && a.lt(1) ? a : null;
    return lowExecution || short || stopped ? [{ project: p, lowExecution, achievement: stopped ? null : short, notStarted: stopped, reason: quoted(p.note) }] : [];
  });
  // One walk over the indicators, without an array per indicator: a county's workbook has 20,000 of them.
  const shortIndicators: IndicatorShortfall[] = [];
  const unknownIndicators: IndicatorUnknown[] = [];
  const indicators: Indicator[] = [];
  for (const p of open) {
    for (const i of p.indicators) {
      const short = shortfallOf(i, profile);
      if (short) shortIndicators.push({ project: p, indicator: i, why: short, reason: quoted(i.reason) });
      const unknown = unknownOf(i);
      if (unknown) unknownIndicators.push({ project: p, indicator: i, why: unknown });
      if (!i.classified) indicators.push(i);
    }
  }
  const quantitative = indicators.filter((i) => i.target.kind === 'quantitative');
  const direction = (d: string) => quantitative.filter((i) => i.target.kind === 'quantitative' && i.target.direction === d).length;
  const ratio = new Dec(profile.overAchievementRatio);
  const overAchieved = quantitative.filter((i) => i.target.kind === 'quantitative' && i.target.direction !== 'reverse' && i.completion !== null && i.completion.gte(ratio));

  return {
    projects,
    open,
    classified: projects.length - open.length,
    budget: tally(projects, (p) => p.budget),
    initialBudget: tally(projects, (p) => p.initialBudget),
    executed: tally(projects, (p) => p.executed),
    withoutExecutedColumn: projects.filter(listHasNoExecuted).length,
    execution: { count: spent.length, budget: execBudget, executed: execDone, rate: spent.length ? roundRate(execDone.div(execBudget)) : null },
    bands,
    scored: scored.length,
    averageScore,
    weightedScore,
    grades: profile.gradeBands.map(({ grade }) => ({ grade, count: scored.filter((p) => p.grade === grade).length })),
    lowExecutionRate: low,
    shortProjects,
    shortIndicators,
    unknownIndicators,
    gaps: open.map((p) => ({ project: p, gaps: gapsOf(p) })).filter((g) => g.gaps.length > 0),
    statedTotals,
    indicators,
    quantitative,
    measured: quantitative.filter((i) => i.completion !== null).length,
    directions: { positive: direction('positive'), reverse: direction('reverse'), equal: direction('equal') },
    overAchieved,
    overAchievementRatio: ratio,
    withoutCost: open.filter((p) => p.indicators.length > 0 && !p.indicators.some((i) => i.level2.includes('成本'))),
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
