// The indicator rules a bureau reviewer checks first (RULES.md §1.4–1.5): negated answers are never 达成,
// the unit's deduction for a target set too low stands, time targets are compared as dates.
import { analyse } from '../../src/engine';
import { readQualitative } from '../../src/engine/compute/qualitative';
import { PROFILES } from '../../src/engine/profile';
import { applyPlanToSnapshot } from '../../src/gateways/memory';
import { formSheet, type IndicatorSpec, type ProjectSpec } from '../../src/samples/layouts';
import { book, fromSpec, issue, planned, sheet, where } from '../support/snapshot';

const national = PROFILES.national;

// Rows of the form (1-based): 7 年度资金总额, 14 … 19 the indicators, 20 总分. Column G actual, I score, J reason.
const base: IndicatorSpec[] = [
  { l1: '产出指标', l2: '数量指标', l3: '改造户数', target: '≥100户', actual: '100户', weight: 20 },
  { l1: '产出指标', l2: '质量指标', l3: '验收合格率', target: '=100%', actual: '100%', weight: 15 },
  { l1: '产出指标', l2: '时效指标', l3: '完成时限', target: '12月底前完成', actual: '11月完成', weight: 10 },
  { l1: '产出指标', l2: '成本指标', l3: '户均成本', target: '≤1万元', actual: '0.9万元', weight: 5 },
  { l1: '效益指标', l2: '社会效益指标', l3: '群众居住条件', target: '明显改善', actual: '达成年度指标', weight: 30 },
  { l1: '满意度指标', l2: '服务对象满意度指标', l3: '群众满意度', target: '≥90%', actual: '95%', weight: 10 },
];

const at = (l3: string, change: Partial<IndicatorSpec>) => base.map((i) => (i.l3 === l3 ? { ...i, ...change } : i));
const form = (indicators: IndicatorSpec[], p: Partial<ProjectSpec> = {}, year = 2025) =>
  book(fromSpec(formSheet('自评表', [{ name: '农村危房改造', budget: 100, executed: 100, indicators, ...p }], year, '住建办')));

describe('negated answers are never 达成 (RULES.md §1.4)', () => {
  test.each(['未按时完成', '未按期完成', '未全部完成', '没有完成', '不够明显', '尚未建立', '无明显提升', '未能按时完成。', '还没有完成'])(
    '%s: not 达成, and unclear',
    (text) => expect(readQualitative(text, '明显改善', national)).toEqual({ level: null, negated: true }),
  );

  test.each([
    ['基本完成', 'partial'], ['部分完成', 'partial'], ['虽未全部完成，但基本完成', 'partial'], ['未完成', 'notAchieved'],
    ['不满意', 'notAchieved'], ['未达成年度指标且效果较差', 'notAchieved'], ['非常满意', 'achieved'], ['不断提升，效果明显', 'achieved'],
    ['无安全事故，按时完成', 'achieved'], ['已建立', 'achieved'],
  ])('%s → %s', (text, level) => expect(readQualitative(text, '明显改善', national).level).toBe(level));

  test('a negated answer with a blank score gets no score and a warning at its cell; the total stays open', () => {
    const a = analyse(form(at('群众居住条件', { actual: '未按时完成' })));
    expect(issue(a, 'qual.negated', '自评表!G18')).toMatchObject({
      severity: 'warning',
      message: '项目“农村危房改造”：实际完成值“未按时完成”是否定的表述，不能按“达成年度指标”计分；请改填“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”，并在相应范围内打分。',
    });
    expect(planned(a, '自评表!I18')).toBeUndefined();
    expect(planned(a, '自评表!I20')).toBeUndefined();
    expect(a.model.projects[0].score).toBeNull();
  });

  test('full marks typed beside a negated answer are an error naming the 达成 band', () => {
    const a = analyse(form(at('群众居住条件', { actual: '无明显提升', score: 30 })));
    expect(issue(a, 'qual.not-met-full', '自评表!I18').message).toBe('项目“农村危房改造”：实际完成值“无明显提升”表明指标未达成，得分30却在“达成”档[24, 30]内；请按部分达成或未达成重新打分（低于24分）。');
  });

  test('基本完成 is 部分达成: its band\'s default is suggested, 10 of 10 would be out of band', () => {
    const a = analyse(form(at('群众居住条件', { actual: '基本完成', reason: '个别户未入住' })));
    expect(planned(a, '自评表!I18')).toBe(18);
    const full = analyse(form(at('群众居住条件', { actual: '基本完成', score: 30, reason: '个别户未入住' })));
    expect(issue(full, 'qual.out-of-band', '自评表!I18').message).toContain('得分应在[18, 24)之间，当前为30');
  });
});

describe('the unit\'s deduction for a target set too low stands (RULES.md §1.5)', () => {
  // 300 户 against ≥ 100 户: 300 % of the target.
  const over = (score: number | undefined, reason: string) => form(at('改造户数', { actual: '300户', score, reason }));

  test('at 300 % a score of 8 with its reason is kept, never overwritten with full marks', () => {
    const indicators = at('改造户数', { actual: '300户', weight: 10, score: 8, reason: '年初指标值设定偏低，按偏离度调减2分' }).map((i) => (i.l3 === '验收合格率' ? { ...i, weight: 25 } : i));
    const a = analyse(form(indicators));
    expect(planned(a, '自评表!I14')).toBeUndefined();
    const ind = a.model.indicators[0];
    expect([ind.score?.toString(), ind.scoreSource, ind.completion?.toString()]).toEqual(['8', 'kept', '3']);
    expect(issue(a, 'over.deduction-kept', '自评表!I14')).toMatchObject({
      severity: 'info', message: '项目“农村危房改造”：实际完成值达到年度指标值的300.00%（≥130.00%），单位按偏离度调减为8分（满分10分）并说明了原因，得分保留。',
    });
    // The total uses the unit's 8: 10 + 8 + 25 + 10 + 5 + 30 + 10.
    expect(planned(a, '自评表!I20')).toBe(98);
    expect(where(a, 'reason.missing-short')).toEqual([]);
  });

  test('without a reason the score is kept too, with a warning at the reason cell', () => {
    const a = analyse(over(16, ''));
    expect(planned(a, '自评表!I14')).toBeUndefined();
    expect(issue(a, 'over.deduction-no-reason', '自评表!J14').severity).toBe('warning');
    expect(where(a, 'reason.missing-short')).toEqual([]);
  });

  test('below 130 % the computed score replaces the typed one as before', () => {
    const a = analyse(form(at('改造户数', { actual: '120户', score: 16 })));
    expect(planned(a, '自评表!I14')).toBe(20);
  });

  test('a full score at 300 % without a reason still asks for one; filling twice changes nothing', () => {
    const a = analyse(over(undefined, ''));
    expect(planned(a, '自评表!I14')).toBe(20);
    expect(where(a, 'reason.missing-over')).toEqual(['自评表!J14']);
    // The same severity as a reduced score without its reason (RULES.md §1.5: "without a reason, warn").
    expect(issue(a, 'reason.missing-over', '自评表!J14').severity).toBe('warning');
    expect(issue(analyse(over(16, '')), 'over.deduction-no-reason', '自评表!J14').severity).toBe('warning');
    const kept = form(at('改造户数', { actual: '300户', score: 16, reason: '指标值偏低' }));
    expect(analyse(applyPlanToSnapshot(kept, analyse(kept).plan)).plan.writes).toEqual([]);
  });
});

describe('a typed score the rules do not give is said before filling replaces it', () => {
  test('50户 of ≥100户 typed as full marks: an error naming both figures, and filling writes 10', () => {
    const a = analyse(form(at('改造户数', { actual: '50户', score: 20, reason: '资金到位晚' })));
    expect(issue(a, 'score.differs', '自评表!I14')).toMatchObject({
      severity: 'error',
      message: '项目“农村危房改造”：得分填写为20，按规则应为10（年度指标值≥100户，实际完成值50户）；回填时改为10。',
    });
    expect(planned(a, '自评表!I14')).toBe(10);
    // The same message in check and fill: the analysis is one; once filled, nothing is left to say.
    expect(where(analyse(applyPlanToSnapshot(form(at('改造户数', { actual: '50户', score: 20, reason: '资金到位晚' })), a.plan)), 'score.differs')).toEqual([]);
  });

  test('a typed score the rules agree with (20.00 as 20) is not a difference', () => {
    expect(where(analyse(form(at('改造户数', { score: '20.00' }))), 'score.differs')).toEqual([]);
  });

  test('a score the unit chooses (qualitative, in its band) is neither replaced nor questioned', () => {
    const a = analyse(form(at('群众居住条件', { score: 26 })));
    expect(where(a, 'score.differs')).toEqual([]);
    expect(planned(a, '自评表!I18')).toBeUndefined();
  });
});

describe('an "=" target is over-achieved like "≥" (RULES.md §1.3, §1.5)', () => {
  test('=100户 against 150户 (150 %): the unit\'s 14 of 20 with its reason stands, never 20', () => {
    const a = analyse(form(at('改造户数', { target: '=100户', actual: '150户', score: 14, reason: '年初目标设定偏低，按偏离度调减' })));
    expect(planned(a, '自评表!I14')).toBeUndefined();
    expect(a.model.indicators[0]).toMatchObject({ scoreSource: 'kept' });
    expect(issue(a, 'over.deduction-kept', '自评表!I14').message).toBe('项目“农村危房改造”：实际完成值达到年度指标值的150.00%（≥130.00%），单位按偏离度调减为14分（满分20分）并说明了原因，得分保留。');
    // 10 + 14 + 15 + 10 + 5 + 30 + 10
    expect(planned(a, '自评表!I20')).toBe(94);
  });

  test('full marks at 150 % of an "=" target still ask why the target was set so low', () => {
    const a = analyse(form(at('改造户数', { target: '=100户', actual: '150户' })));
    expect(planned(a, '自评表!I14')).toBe(20);
    expect(issue(a, 'reason.missing-over', '自评表!J14').message).toBe('项目“农村危房改造”：实际完成值150户达到年度指标值=100户的150.00%（≥130.00%），指标值可能设定偏低；请填写偏差原因分析。');
  });
});

describe('time targets are dates (RULES.md §1.4)', () => {
  test('12月底前完成 against 11月完成: met, no unit mismatch; the 达成 score is suggested', () => {
    const a = analyse(form(base));
    expect(where(a, 'target.unit-mismatch')).toEqual([]);
    expect(a.model.indicators[2]).toMatchObject({ onTime: true, qualitative: 'achieved' });
    expect(planned(a, '自评表!I16')).toBe(10);
  });

  test('2023年9月底前 against 2024年3月: missed, said at the actual cell, and no score is suggested', () => {
    const a = analyse(form(at('完成时限', { target: '2023年9月底前', actual: '2024年3月' }), {}, 2023));
    expect(a.model.indicators[2].onTime).toBe(false);
    expect(issue(a, 'time.missed', '自评表!G16').message).toBe('项目“农村危房改造”：完成时间“2024年3月”晚于年度指标值“2023年9月底前”（2023年9月30日），未按时完成；请按部分达成或未达成打分（低于8分），并填写偏差原因。');
    expect(planned(a, '自评表!I16')).toBeUndefined();
    const full = analyse(form(at('完成时限', { target: '2023年9月底前', actual: '2024年3月', score: 10 }), {}, 2023));
    expect(where(full, 'qual.not-met-full')).toEqual(['自评表!I16']);
  });

  test('the year of the evaluation is used where none is written; a date cell (Excel serial) is a date', () => {
    // Serial 45991 is 2025-11-30; the form's title says （2025年度）.
    expect(analyse(form(at('完成时限', { actual: 45991 }))).model.indicators[2].onTime).toBe(true);
    expect(analyse(form(at('完成时限', { actual: 46023 }))).model.indicators[2].onTime).toBe(false); // 2026-01-01
    expect(analyse(form(at('完成时限', { actual: '2026年1月' }))).model.indicators[2].onTime).toBe(false);
    expect(analyse(form(at('完成时限', { actual: '2025年11月' }))).model.indicators[2].onTime).toBe(true);
  });

  test('a completion that cannot be placed against the deadline is said, not guessed', () => {
    const a = analyse(form(at('完成时限', { target: '12月前完成', actual: '12月10日' })));
    expect(issue(a, 'time.unclear', '自评表!G16').message).toBe('项目“农村危房改造”：无法比较完成时间“12月10日”与年度指标值“12月前完成”：时限可理解为该月之前或该月底之前，完成时间落在两者之间；请写明完成的年月日（如“2025年11月20日”）。');
    expect(planned(a, '自评表!I16')).toBeUndefined();
  });

  test('an answer without a date is read as words: 按时完成 is 达成, 未按时完成 is not', () => {
    expect(analyse(form(at('完成时限', { actual: '按时完成' }))).model.indicators[2].qualitative).toBe('achieved');
    expect(where(analyse(form(at('完成时限', { actual: '未按时完成' }))), 'qual.negated')).toEqual(['自评表!G16']);
  });

  test('a year in a data row is not the evaluation year: without a title or --year a yearless deadline is unclear, never met', () => {
    const rows = [
      ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['甲项目', '产出指标', '时效指标', '开工时间', '12月底前完成', '2026年1月', 20, null, null],
      [null, '产出指标', '时效指标', '完工时间', '6月底前', '2025年8月', 30, null, null],
    ];
    const a = analyse(book(sheet('绩效指标表', rows)));
    expect(a.year).toBeNull();
    expect(where(a, 'time.unclear')).toEqual(['绩效指标表!F2', '绩效指标表!F3']);
    expect(issue(a, 'time.unclear', '绩效指标表!F3').message).toBe('项目“甲项目”：无法比较完成时间“2025年8月”与年度指标值“6月底前”：只有一方写了年份，表格上方的标题中也未写明评价年度（如“2025年度”）；请写明完成的年月日（如“2025年11月20日”）。');
    expect([planned(a, '绩效指标表!H2'), planned(a, '绩效指标表!H3')]).toEqual([undefined, undefined]);
    // A title above the table names the year: both are late.
    const titled = analyse(book(sheet('绩效指标表', [['2025年度项目绩效指标完成情况表'], ...rows])));
    expect(titled.year).toBe(2025);
    expect(where(titled, 'time.missed')).toEqual(['绩效指标表!F3', '绩效指标表!F4']);
  });

  test('≥12000人 against 1.2万人 is met, not a unit mismatch (RULES.md §1.3: convert where unambiguous)', () => {
    const a = analyse(form(at('群众满意度', { l3: '受益人数', target: '≥12000人', actual: '1.2万人' })));
    expect(where(a, 'target.unit-mismatch')).toEqual([]);
    expect(planned(a, '自评表!I19')).toBe(10);
  });

  test('a duration target compares as a duration: 3个月内完成 against 2个月 is met, against 4个月 is not', () => {
    const met = analyse(form(at('完成时限', { target: '3个月内完成', actual: '2个月' })));
    expect(where(met, 'target.unit-mismatch')).toEqual([]);
    expect(planned(met, '自评表!I16')).toBe(10);
    const late = analyse(form(at('完成时限', { target: '3个月内完成', actual: '4个月', reason: '雨季停工' })));
    expect(planned(late, '自评表!I16')).toBe(7.5); // 3 ÷ 4 × 10, the reverse ratio rule
  });

  test('the analysis carries the year it used: given, or from the titles', () => {
    expect(analyse(form(base)).year).toBe(2025);
    expect(analyse(form(base), { year: 2024 }).year).toBe(2024);
  });
});

test('the new messages in English name the project and leave nothing unfilled', () => {
  const indicators = at('群众居住条件', { actual: '未按时完成', score: 30 })
    .map((i) => (i.l3 === '完成时限' ? { ...i, target: '12月前完成', actual: '12月10日' } : i.l3 === '改造户数' ? { ...i, actual: '300户', score: 16 } : i));
  const a = analyse(form(indicators), { lang: 'en' });
  const messages = Object.fromEntries(a.issues.map((i) => [i.rule, i.message]));
  expect(messages['qual.negated']).toMatch(/^Project "农村危房改造": The actual value "未按时完成" is a negation/);
  expect(messages['qual.not-met-full']).toContain('score it below 24');
  expect(messages['time.unclear']).toContain('the deadline reads as before that month or by its end');
  expect(messages['over.deduction-no-reason']).toContain("the unit's reduced score 16 of 20 is kept");
  expect(messages['time.unclear']).toContain('(e.g. 2025-11-20)');
  // Dates in ISO form in English: a missed deadline, and a completion read from a date cell.
  const late = analyse(form(at('完成时限', { target: '2025年10月31日前', actual: 46000 })), { lang: 'en' });
  expect(late.issues.find((i) => i.rule === 'time.missed')?.message).toBe('Project "农村危房改造": Completed "2025-12-09", later than the target "2025年10月31日前" (2025-10-31): not on time; score it below 8 and explain the deviation.');
  for (const m of Object.values(messages)) expect(m).not.toMatch(/undefined|NaN|\$\{/);
});
