// One indicator: read its actual value against its target, score it, and check what RULES.md §1.3–1.5
// asks of it. Sets `score`, `completion` and `qualitative` on the indicator.

import { Dec, formatPercent, formatScore, round2 } from '../decimal';
import type { Findings } from '../findings';
import type { Indicator, QualitativeLevel } from '../model';
import { parseActual } from '../parse/target';
import { convertUnit } from '../parse/units';
import type { ScoringProfile } from '../profile';
import { shortText } from '../text';
import { classifyQualitative } from './qualitative';
import { type Band, inBand, qualitativeBand, quantitativeScore } from './scoring';

const LEVEL_NAMES: Record<QualitativeLevel, string> = {
  achieved: '达成年度指标',
  partial: '部分达成年度指标并具有一定效果',
  notAchieved: '未达成年度指标且效果较差',
};

export function bandText(band: Band): string {
  return `[${formatScore(band.min)}, ${formatScore(band.max)}${band.maxIncluded ? ']' : ')'}`;
}

export function evaluateIndicator(ind: Indicator, profile: ScoringProfile, findings: Findings): void {
  const at = (col: number) => (col >= 0 ? col : ind.cols.level3);
  const add = (rule: Parameters<Findings['add']>[0], col: number, params = {}) => findings.add(rule, ind.sheet, ind.row, at(col), params);
  ind.score = ind.scoreEntered;
  if (ind.classified) {
    add('classified.skipped', ind.cols.level3);
    return;
  }
  const weight = ind.weight;
  if (weight === null) {
    if (ind.cols.weight >= 0) add('weight.missing', ind.cols.weight);
    return;
  }
  const target = ind.target;
  if (target.kind === 'blank') add('target.missing', ind.cols.target);
  if (target.kind === 'malformed') {
    add('target.malformed', ind.cols.target, { text: shortText(target.text) });
    return;
  }

  if (target.kind === 'quantitative') {
    if (target.direction === 'positive' && !target.implicitOperator && ind.level2.includes('成本')) {
      add('cost.positive-operator', ind.cols.target, { text: ind.targetText, operator: target.operator === '>' ? '>' : '≥' });
    }
    const actual = parseActual(ind.actualValue);
    if (actual.kind === 'blank') return add('actual.missing', ind.cols.actual);
    if (actual.kind === 'text') {
      return add('actual.not-number', ind.cols.actual, { target: ind.targetText, text: shortText(actual.text), example: `${target.value.toString()}${target.unit}` });
    }
    let value = actual.value;
    // A percent-formatted cell holds 0.93 for 93 %: read it as a percentage when the target is one.
    if (target.unit === '%' && actual.unit === '' && !actual.typed && value.abs().lte(1) && target.value.gt(1)) {
      value = value.times(100);
      add('actual.percent-assumed', ind.cols.actual, { actual: actual.value.toString(), percent: `${value.toString()}%` });
    }
    const converted = convertUnit(value, actual.unit, target.unit);
    if (converted === null) return add('target.unit-mismatch', ind.cols.actual, { targetUnit: target.unit, actualUnit: actual.unit });
    if (converted.isNegative()) add('actual.negative', ind.cols.actual, { actual: converted.toString() });
    ind.score = quantitativeScore(target.direction, target.value, converted, weight, profile.reverseRule);
    ind.scoreSource = 'computed';
    ind.completion = target.value.gt(0) ? converted.div(target.value) : null;
  } else {
    const level = classifyQualitative(ind.actualText, target.kind === 'qualitative' ? target.text : '', profile);
    if (ind.actualText === '' || level === null) {
      if (target.kind === 'blank') return; // already reported: without a target nothing more can be said
      if (ind.actualText === '') add('actual.missing', ind.cols.actual);
      else add('qual.unclear', ind.cols.actual, { text: shortText(ind.actualText) });
      if (ind.scoreEntered?.gt(weight)) add('score.above-weight', ind.cols.score, { score: formatScore(ind.scoreEntered), weight: formatScore(weight) });
      return;
    }
    ind.qualitative = level;
    const band = qualitativeBand(level, weight, profile);
    if (ind.scoreEntered === null) {
      ind.score = round2(weight.times(profile.qualitativeDefaults[level]));
      ind.scoreSource = 'suggested';
      if (ind.cols.score >= 0) add('qual.default-filled', ind.cols.score, { grade: LEVEL_NAMES[level], score: formatScore(ind.score), range: bandText(band) });
    } else if (ind.scoreEntered.gt(weight)) {
      add('score.above-weight', ind.cols.score, { score: formatScore(ind.scoreEntered), weight: formatScore(weight) });
    } else if (!inBand(ind.scoreEntered, band)) {
      add('qual.out-of-band', ind.cols.score, { grade: LEVEL_NAMES[level], range: bandText(band), score: formatScore(ind.scoreEntered) });
    }
  }

  checkReason(ind, weight, profile, add);
}

/** 偏差原因 is required below full points, and at ≥ 130 % of a positive target (RULES.md §1.5). */
function checkReason(ind: Indicator, weight: Dec, profile: ScoringProfile, add: (rule: 'reason.missing-short' | 'reason.missing-over', col: number, params: Record<string, string>) => void): void {
  if (ind.reason !== '' || ind.score === null) return;
  if (ind.score.lt(weight)) {
    add('reason.missing-short', ind.cols.reason, { score: formatScore(ind.score), weight: formatScore(weight) });
    return;
  }
  const limit = new Dec(profile.overAchievementRatio);
  if (ind.target.kind === 'quantitative' && ind.target.direction === 'positive' && ind.completion?.gte(limit)) {
    add('reason.missing-over', ind.cols.reason, {
      actual: ind.actualText, target: ind.targetText, ratio: formatPercent(ind.completion), limit: formatPercent(limit),
    });
  }
}
