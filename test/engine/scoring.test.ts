// The arithmetic of RULES.md with its real figures.
import { classifyQualitative } from '../../src/engine/compute/qualitative';
import {
  convertedScore, executionRate, executionScore, gradeOf, inBand, qualitativeBand, quantitativeScore,
} from '../../src/engine/compute/scoring';
import { Dec, formatPercent } from '../../src/engine/decimal';
import { PROFILES } from '../../src/engine/profile';

const d = (x: number | string) => new Dec(x);
const national = PROFILES.national;
const grades807060 = PROFILES['grades-80-70-60'];

describe('budget execution (RULES.md §1.2)', () => {
  test('1759.62291 adjusted, 1672.699499 executed: 95.06 %', () => {
    const rate = executionRate(d('1759.62291'), d('1672.699499'));
    expect(formatPercent(rate!)).toBe('95.06%');
    expect(rate!.toString()).toBe('0.9506');
    expect(executionScore(d('1759.62291'), d('1672.699499'), d(10), true)!.toString()).toBe('9.51');
  });

  test('76 % of 10 points is 7.6', () => {
    expect(executionScore(d(100), d(76), d(10), true)!.toString()).toBe('7.6');
  });

  test('the score is rounded once, from the unrounded rate: 76.245 of 100 → 76.25 % and 7.62 (not 7.63)', () => {
    const rate = executionRate(d(100), d('76.245'))!;
    expect(formatPercent(rate)).toBe('76.25%');
    expect(executionScore(d(100), d('76.245'), d(10), true)!.toString()).toBe('7.62');
    // Through the shown rate it would be 0.7625 × 10 = 7.625 → 7.63.
    expect(rate.times(10).toDecimalPlaces(2).toString()).toBe('7.63');
  });

  test('over-execution is capped at 分值 unless the profile says otherwise', () => {
    const rate = executionRate(d(100), d(112))!;
    expect(formatPercent(rate)).toBe('112.00%');
    expect(executionScore(d(100), d(112), d(10), true)!.toString()).toBe('10');
    expect(executionScore(d(100), d(112), d(10), false)!.toString()).toBe('11.2');
  });

  test('a zero or blank budget has no rate', () => {
    expect(executionRate(d(0), d(5))).toBeNull();
    expect(executionRate(null, d(5))).toBeNull();
  });
});

describe('quantitative indicators (RULES.md §1.3)', () => {
  test('positive: met gives full points, short gives the ratio', () => {
    expect(quantitativeScore('positive', d(95), d(96), d(10), 'ratio').toString()).toBe('10');
    expect(quantitativeScore('positive', d(95), d(90), d(10), 'ratio').toString()).toBe('9.47');
    expect(quantitativeScore('positive', d(20), d(5), d(15), 'ratio').toString()).toBe('3.75');
  });

  test('reverse, ratio rule: target ÷ actual', () => {
    expect(quantitativeScore('reverse', d(90), d(85), d(10), 'ratio').toString()).toBe('10');
    expect(quantitativeScore('reverse', d(90), d(100), d(10), 'ratio').toString()).toBe('9');
  });

  test('reverse, linear rule (FASP2): 1 − overshoot, 0 from twice the target', () => {
    expect(quantitativeScore('reverse', d(90), d(100), d(10), 'linear').toString()).toBe('8.89');
    expect(quantitativeScore('reverse', d(90), d(180), d(10), 'linear').toString()).toBe('0');
    expect(quantitativeScore('reverse', d(90), d(179), d(10), 'linear').toString()).toBe('0.11');
  });

  test('equal to zero: nothing is full, anything is 0', () => {
    expect(quantitativeScore('equal', d(0), d(0), d(5), 'ratio').toString()).toBe('5');
    expect(quantitativeScore('equal', d(0), d(1), d(5), 'ratio').toString()).toBe('0');
    expect(quantitativeScore('equal', d(100), d(98), d(5), 'ratio').toString()).toBe('4.9');
  });

  test('a negative actual is scored as 0', () => {
    expect(quantitativeScore('positive', d(10), d(-3), d(10), 'ratio').toString()).toBe('0');
    expect(quantitativeScore('reverse', d(0), d(-3), d(10), 'ratio').toString()).toBe('10');
  });

  test('half-up at the second decimal', () => {
    // 2 ÷ 3 × 10 = 6.666… → 6.67; 1 ÷ 8 × 1 = 0.125 → 0.13 (binary floats would give 0.12 for some inputs)
    expect(quantitativeScore('positive', d(3), d(2), d(10), 'ratio').toString()).toBe('6.67');
    expect(quantitativeScore('positive', d(8), d(1), d(1), 'ratio').toString()).toBe('0.13');
  });
});

describe('qualitative bands (RULES.md §1.4)', () => {
  test('分值 8: 达成 is [6.4, 8], 部分达成 [4.8, 6.4), 未达成 [0, 4.8)', () => {
    const achieved = qualitativeBand('achieved', d(8), national);
    expect([achieved.min.toString(), achieved.max.toString()]).toEqual(['6.4', '8']);
    expect(inBand(d('6.4'), achieved)).toBe(true);
    expect(inBand(d(8), achieved)).toBe(true);
    expect(inBand(d('6.39'), achieved)).toBe(false);
    const partial = qualitativeBand('partial', d(8), national);
    expect(inBand(d('4.8'), partial)).toBe(true);
    expect(inBand(d('6.4'), partial)).toBe(false);
    const not = qualitativeBand('notAchieved', d(8), national);
    expect(inBand(d(0), not)).toBe(true);
    expect(inBand(d('4.8'), not)).toBe(false);
  });

  test.each([
    ['达成年度指标', 'achieved'],
    ['达成预期指标', 'achieved'],
    ['效果明显', 'achieved'],
    ['好', 'achieved'],
    ['是', 'achieved'],
    ['按时完成', 'achieved'],
    ['部分达成年度指标并具有一定效果', 'partial'],
    ['基本完成', 'partial'],
    ['未达成年度指标且效果较差', 'notAchieved'],
    ['未完成', 'notAchieved'],
    ['不满意', 'notAchieved'],
    ['不好', 'notAchieved'],
    ['已制作5集样片', null],
    ['90', null],
  ])('%s → %s', (text, level) => {
    expect(classifyQualitative(text, '作用明显', national)).toBe(level);
  });

  test('writing the target itself as the actual value means it was met', () => {
    expect(classifyQualitative('推广面广', '推广面广', national)).toBe('achieved');
  });
});

describe('grades and conversion (RULES.md §1.6–1.7)', () => {
  test('national bands 90/80/60, lower bound inclusive', () => {
    expect([90, 89.99, 80, 79.99, 60, 59.99].map((s) => gradeOf(d(s), national))).toEqual(['优', '良', '良', '中', '中', '差']);
  });

  test('one province\'s bands 80/70/60; FASP2 keeps 90/80/60', () => {
    expect([80, 79.99, 70, 60, 59].map((s) => gradeOf(d(s), grades807060))).toEqual(['优', '良', '良', '中', '差']);
    expect(PROFILES.fasp2.gradeBands.map((b) => b.min)).toEqual([90, 80, 60, 0]);
    expect([PROFILES.fasp2.reverseRule, grades807060.reverseRule, PROFILES.national.reverseRule]).toEqual(['linear', 'linear', 'ratio']);
  });

  // RULES.md §1.7 quotes "90.5 out of an applicable 95 → 89.47"; 89.47 is 85 ÷ 95, and 90.5 ÷ 95 is 95.26.
  test('converted score over the applicable points: 85 of 95 is 89.47, 90.5 of 95 is 95.26', () => {
    expect(convertedScore(d(85), d(95))!.toString()).toBe('89.47');
    expect(convertedScore(d('90.5'), d(95))!.toString()).toBe('95.26');
    expect(convertedScore(d(5), d(0))).toBeNull();
  });
});
