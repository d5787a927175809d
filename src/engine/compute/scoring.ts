// The arithmetic of RULES.md §1.2–1.6, on decimals. Each function is one rule.

import { Dec, decimal, round2, roundRate, ZERO } from '../decimal';
import type { Direction } from '../parse/target';
import type { Grade, ReverseRule, ScoringProfile } from '../profile';

/** 执行率 = 全年执行数 ÷ 全年预算数, as a fraction with a 2-decimal percent; null when undefined. */
export function executionRate(budget: Dec | null, executed: Dec | null): Dec | null {
  if (budget === null || executed === null || budget.lte(0)) return null;
  return roundRate(executed.div(budget));
}

/**
 * 得分 = 执行数 ÷ 全年预算数 × 分值, rounded once from the unrounded rate as FASP2 does (RULES.md §1.2):
 * 76.245 of 100 is shown as 76.25 % and scores 7.62, not 7.63 through the rounded rate.
 */
export function executionScore(budget: Dec, executed: Dec, weight: Dec, cap: boolean): Dec | null {
  if (budget.lte(0)) return null;
  const score = round2(executed.div(budget).times(weight));
  return cap && score.gt(weight) ? weight : score;
}

/** A quantitative indicator's score (RULES.md §1.3). A negative actual is scored as 0. */
export function quantitativeScore(direction: Direction, target: Dec, actualIn: Dec, weight: Dec, reverseRule: ReverseRule): Dec {
  const actual = actualIn.isNegative() ? ZERO : actualIn;
  if (direction === 'reverse') {
    if (actual.lte(target)) return weight;
    if (target.lte(0)) return ZERO;
    if (reverseRule === 'ratio') return round2(target.div(actual).times(weight));
    if (actual.gte(target.times(2))) return ZERO;
    return round2(new Dec(1).minus(actual.minus(target).div(target)).times(weight));
  }
  if (direction === 'equal' && target.isZero()) return actual.lte(0) ? weight : ZERO;
  if (actual.gte(target)) return weight;
  if (target.lte(0)) return weight;
  return round2(actual.div(target).times(weight));
}

export interface Band {
  min: Dec;
  max: Dec;
  /** True when `max` itself belongs to the band (only the top band). */
  maxIncluded: boolean;
}

/** The band of 分值 a qualitative grade allows (RULES.md §1.4). */
export function qualitativeBand(level: 'achieved' | 'partial' | 'notAchieved', weight: Dec, profile: ScoringProfile): Band {
  return qualitativeBands(weight, profile)[level];
}

type Bands = Record<'achieved' | 'partial' | 'notAchieved', Band>;

/**
 * The bands of each 分值 once per profile: indicators share the decimal of a 分值 they hold alike (20, 10, 5),
 * and the bands of one are asked for by every qualitative indicator that carries it.
 */
const bandsByWeight = new WeakMap<ScoringProfile, WeakMap<Dec, Bands>>();

function qualitativeBands(weight: Dec, profile: ScoringProfile): Bands {
  let byWeight = bandsByWeight.get(profile);
  if (!byWeight) bandsByWeight.set(profile, (byWeight = new WeakMap()));
  let bands = byWeight.get(weight);
  if (!bands) {
    const high = round2(weight.times(profile.qualitativeBands.achieved));
    const mid = round2(weight.times(profile.qualitativeBands.partial));
    bands = {
      achieved: { min: high, max: weight, maxIncluded: true },
      partial: { min: mid, max: high, maxIncluded: false },
      notAchieved: { min: ZERO, max: mid, maxIncluded: false },
    };
    byWeight.set(weight, bands);
  }
  return bands;
}

export function inBand(score: Dec, band: Band): boolean {
  return score.gte(band.min) && (band.maxIncluded ? score.lte(band.max) : score.lt(band.max));
}

export function gradeOf(score: Dec, profile: ScoringProfile): Grade {
  for (const band of profile.gradeBands) {
    if (score.gte(decimal(band.min))) return band.grade;
  }
  return profile.gradeBands[profile.gradeBands.length - 1].grade;
}

/** 换算得分 = Σ applicable scores ÷ Σ applicable 分值 × 100 (RULES.md §1.7). */
export function convertedScore(scores: Dec, weights: Dec): Dec | null {
  return weights.lte(0) ? null : round2(scores.div(weights).times(100));
}
