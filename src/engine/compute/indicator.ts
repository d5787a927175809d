// One indicator: read its actual value against its target, score it, and check what RULES.md §1.3–1.5
// asks of it. Sets `score`, `completion`, `qualitative` and `onTime` on the indicator. A score the rules
// let the unit choose (a qualitative score in its band, a deduction at ≥ 130 %) is never replaced.

import { Dec, decimal, formatPercent, formatScore, round2 } from '../decimal';
import type { Findings } from '../findings';
import type { Indicator, QualitativeLevel } from '../model';
import { compareDates, type DateComparison, formatDay, parseCompletion } from '../parse/date';
import { parseActual, type Target } from '../parse/target';
import { convertUnit } from '../parse/units';
import type { ScoringProfile } from '../profile';
import { shortText } from '../text';
import { readQualitative } from './qualitative';
import { type Band, inBand, qualitativeBand, quantitativeScore } from './scoring';

const LEVEL_NAMES: Record<QualitativeLevel, string> = {
  achieved: '达成年度指标',
  partial: '部分达成年度指标并具有一定效果',
  notAchieved: '未达成年度指标且效果较差',
};

export function bandText(band: Band): string {
  return `[${formatScore(band.min)}, ${formatScore(band.max)}${band.maxIncluded ? ']' : ')'}`;
}

const limits = new WeakMap<ScoringProfile, Dec>();

/** The ratio from which a positive target counts as set too low (130 %), as a decimal once per profile. */
function overAchievementLimit(profile: ScoringProfile): Dec {
  let limit = limits.get(profile);
  if (!limit) limits.set(profile, (limit = new Dec(profile.overAchievementRatio)));
  return limit;
}

type Add = (rule: Parameters<Findings['add']>[0], col: number, params?: Record<string, string>) => void;

/**
 * @param year the evaluation year, for time targets and completions that write none (null: unknown).
 */
export function evaluateIndicator(ind: Indicator, profile: ScoringProfile, findings: Findings, year: number | null = null): void {
  const at = (col: number) => (col >= 0 ? col : ind.cols.level3);
  const add: Add = (rule, col, params = {}) => findings.add(rule, ind.sheet, ind.row, at(col), params);
  ind.score = ind.scoreEntered;
  if (ind.classified) {
    add('classified.skipped', ind.cols.level3);
    return;
  }
  const weight = ind.weight;
  if (weight === null) {
    // An unreadable 分值 was said where it was read; a blank one is said here.
    if (ind.cols.weight >= 0 && !ind.unreadable.weight) add('weight.missing', ind.cols.weight);
    ind.invalid = true;
    return;
  }
  const target = ind.target;
  if (target.kind === 'blank') add('target.missing', ind.cols.target);
  if (target.kind === 'malformed') {
    add('target.malformed', ind.cols.target, { text: shortText(target.text) });
    return;
  }

  if (target.kind === 'quantitative') {
    if (!scoreQuantitative(ind, target, weight, profile, add)) {
      checkAboveWeight(ind, weight, add); // a typed score that could not be checked still cannot exceed 分值
      return;
    }
  } else if (target.kind === 'date') {
    if (!scoreTime(ind, target, weight, profile, year, add)) return;
  } else if (!scoreQualitative(ind, weight, profile, add)) {
    return;
  }
  checkReason(ind, weight, profile, add);
}

/** RULES.md §1.3. Returns false when nothing more can be checked. */
function scoreQuantitative(ind: Indicator, target: Extract<Target, { kind: 'quantitative' }>, weight: Dec, profile: ScoringProfile, add: Add): boolean {
  if (target.direction === 'positive' && !target.implicitOperator && ind.level2.includes('成本')) {
    add('cost.positive-operator', ind.cols.target, { text: ind.targetText, operator: target.operator === '>' ? '>' : '≥' });
  }
  const actual = parseActual(ind.actualValue);
  if (actual.kind === 'blank') {
    add('actual.missing', ind.cols.actual);
    return false;
  }
  if (actual.kind === 'text') {
    add('actual.not-number', ind.cols.actual, { target: ind.targetText, text: shortText(actual.text), example: `${target.value.toString()}${target.unit}` });
    return false;
  }
  let value = actual.value;
  // A percent-formatted cell holds 0.93 for 93 %: read it as a percentage when the target is one.
  if (target.unit === '%' && actual.unit === '' && !actual.typed && value.abs().lte(1) && target.value.gt(1)) {
    value = value.times(100);
    add('actual.percent-assumed', ind.cols.actual, { actual: actual.value.toString(), percent: `${value.toString()}%` });
  }
  const converted = convertUnit(value, actual.unit, target.unit);
  if (converted === null) {
    add('target.unit-mismatch', ind.cols.actual, { targetUnit: target.unit, actualUnit: actual.unit });
    return false;
  }
  if (converted.isNegative()) add('actual.negative', ind.cols.actual, { actual: converted.toString() });
  const computed = quantitativeScore(target.direction, target.value, converted, weight, profile.reverseRule);
  ind.completion = target.value.gt(0) ? converted.div(target.value) : null;

  // A target set too low: the unit reduces the score by the deviation (RULES.md §1.5); its score stands.
  // An "=" target is scored like "≥" (§1.3), so it is over-achieved the same way.
  const limit = overAchievementLimit(profile);
  const entered = ind.scoreEntered;
  if (target.direction !== 'reverse' && ind.completion?.gte(limit) && entered !== null && entered.gte(0) && entered.lt(computed)) {
    ind.score = entered;
    ind.scoreSource = 'kept';
    const params = { ratio: formatPercent(ind.completion), limit: formatPercent(limit), score: formatScore(entered), weight: formatScore(weight) };
    if (ind.reason !== '') add('over.deduction-kept', ind.cols.score, params);
    else add('over.deduction-no-reason', ind.cols.reason, params);
    return false;
  }
  ind.score = computed;
  ind.scoreSource = 'computed';
  return true;
}

/** A qualitative answer (RULES.md §1.4). Returns false when nothing more can be checked. */
function scoreQualitative(ind: Indicator, weight: Dec, profile: ScoringProfile, add: Add): boolean {
  const target = ind.target;
  const reading = readQualitative(ind.actualText, target.kind === 'qualitative' || target.kind === 'date' ? target.text : '', profile);
  if (ind.actualText === '' || reading.level === null) {
    if (target.kind === 'blank') return false; // already reported: without a target nothing more can be said
    if (ind.actualText === '') add('actual.missing', ind.cols.actual);
    else if (reading.negated) {
      ind.reading = 'negated';
      add('qual.negated', ind.cols.actual, { text: shortText(ind.actualText) });
      notMetWithFullScore(ind, weight, profile, add);
    } else {
      ind.reading = 'unclear';
      add('qual.unclear', ind.cols.actual, { text: shortText(ind.actualText) });
    }
    checkAboveWeight(ind, weight, add);
    return false;
  }
  return scoreInBand(ind, reading.level, weight, profile, add);
}

/** A time target: the completion date against the deadline; an answer without a date is read as words. */
function scoreTime(ind: Indicator, target: Extract<Target, { kind: 'date' }>, weight: Dec, profile: ScoringProfile, year: number | null, add: Add): boolean {
  const done = parseCompletion(ind.actualValue);
  if (done === null) return scoreQualitative(ind, weight, profile, add);
  const shown = typeof done === 'number' ? formatDay(done) : shortText(ind.actualText);
  const shownEn = typeof done === 'number' ? formatDay(done, 'en') : shown;
  const result: DateComparison = compareDates(target.date, done, year);
  if (result.kind === 'unclear') {
    const why = result.reason === 'no-year'
      ? ['只有一方写了年份，表格上方的标题中也未写明评价年度（如“2025年度”）', 'one names a year and the other does not, and no title above the tables names the evaluation year (such as 2025年度)']
      : ['时限可理解为该月之前或该月底之前，完成时间落在两者之间', 'the deadline reads as before that month or by its end, and the completion falls between'];
    ind.reading = 'unclear';
    add('time.unclear', ind.cols.actual, { actual: shown, actualEn: shownEn, target: shortText(target.text), why: why[0], whyEn: why[1] });
    checkAboveWeight(ind, weight, add);
    return false;
  }
  if (result.kind === 'met') {
    ind.onTime = true;
    return scoreInBand(ind, 'achieved', weight, profile, add);
  }
  ind.onTime = false;
  const { first, last } = result.deadline;
  const deadline = first === last ? formatDay(last) : `${formatDay(first)}或${formatDay(last)}`;
  const deadlineEn = first === last ? formatDay(last, 'en') : `${formatDay(first, 'en')} or ${formatDay(last, 'en')}`;
  const achieved = qualitativeBand('achieved', weight, profile);
  add('time.missed', ind.cols.actual, { actual: shown, actualEn: shownEn, target: shortText(target.text), deadline, deadlineEn, limit: formatScore(achieved.min) });
  notMetWithFullScore(ind, weight, profile, add);
  checkAboveWeight(ind, weight, add);
  // A late completion is 部分达成 or 未达成: the unit scores it below the 达成 band; nothing is suggested.
  return ind.scoreEntered !== null;
}

/** The unit's score inside the band of its grade; a blank score gets the band's default, to confirm. */
function scoreInBand(ind: Indicator, level: QualitativeLevel, weight: Dec, profile: ScoringProfile, add: Add): boolean {
  ind.qualitative = level;
  const band = qualitativeBand(level, weight, profile);
  if (ind.scoreEntered === null && ind.unreadable.score) {
    // Text in the 得分 cell (said where it was read) is the unit's to correct: nothing is suggested over it.
    ind.invalid = true;
    return false;
  }
  if (ind.scoreEntered === null) {
    ind.score = round2(weight.times(decimal(profile.qualitativeDefaults[level])));
    ind.scoreSource = 'suggested';
    if (ind.cols.score >= 0) add('qual.default-filled', ind.cols.score, { grade: LEVEL_NAMES[level], score: formatScore(ind.score), range: bandText(band) });
  } else if (ind.scoreEntered.gt(weight)) {
    ind.invalid = true;
    add('score.above-weight', ind.cols.score, { score: formatScore(ind.scoreEntered), weight: formatScore(weight) });
  } else if (!inBand(ind.scoreEntered, band)) {
    ind.invalid = true;
    add('qual.out-of-band', ind.cols.score, { grade: LEVEL_NAMES[level], range: bandText(band), score: formatScore(ind.scoreEntered) });
    // A met answer scored below its band: the score is wrong (said), the target was not missed.
    if (level === 'achieved') return false;
  }
  return true;
}

/** A negated or late answer with a score in the 达成 band: full marks the words do not support. */
function notMetWithFullScore(ind: Indicator, weight: Dec, profile: ScoringProfile, add: Add): void {
  const band = qualitativeBand('achieved', weight, profile);
  if (ind.scoreEntered !== null && inBand(ind.scoreEntered, band)) {
    ind.invalid = true;
    add('qual.not-met-full', ind.cols.score, { text: shortText(ind.actualText), score: formatScore(ind.scoreEntered), range: bandText(band), limit: formatScore(band.min) });
  }
}

function checkAboveWeight(ind: Indicator, weight: Dec, add: Add): void {
  if (ind.score === ind.scoreEntered && ind.scoreEntered?.gt(weight)) {
    ind.invalid = true;
    add('score.above-weight', ind.cols.score, { score: formatScore(ind.scoreEntered), weight: formatScore(weight) });
  }
}

/** 偏差原因 is required below full points, and at ≥ 130 % of a positive or equal target (RULES.md §1.5). */
function checkReason(ind: Indicator, weight: Dec, profile: ScoringProfile, add: Add): void {
  if (ind.reason !== '' || ind.score === null) return;
  if (ind.score.lt(weight)) {
    add('reason.missing-short', ind.cols.reason, { score: formatScore(ind.score), weight: formatScore(weight) });
    return;
  }
  const limit = overAchievementLimit(profile);
  if (ind.target.kind === 'quantitative' && ind.target.direction !== 'reverse' && ind.completion?.gte(limit)) {
    add('reason.missing-over', ind.cols.reason, {
      actual: ind.actualText, target: ind.targetText, ratio: formatPercent(ind.completion), limit: formatPercent(limit),
    });
  }
}
