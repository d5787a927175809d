import { scoreByStandard } from '../../src/engine/compute/standard';
import { Dec } from '../../src/engine/decimal';
import { compareDates, formatDay, parseCompletion, parseDateText, serialDay } from '../../src/engine/parse/date';
import { parseStandard } from '../../src/engine/parse/standard';
import { parseActual, parseTarget } from '../../src/engine/parse/target';
import { convertUnit } from '../../src/engine/parse/units';
import { asFraction, parseValue } from '../../src/engine/parse/value';
import { labelKey } from '../../src/engine/text';

const num = (v: unknown) => {
  const p = parseValue(v as never);
  if (p.kind !== 'number') throw new Error(`not a number: ${JSON.stringify(p)}`);
  return { value: p.value.toString(), unit: p.unit };
};

describe('cell values as a user reads them (TEMPLATE.md "What real files look like")', () => {
  test.each([
    ['190.00', '190', ''],
    ["'190.00", '190', ''],
    ['0.00%', '0', '%'],
    ['1,234.5', '1234.5', ''],
    ['１２.５', '12.5', ''],
    ['95.66分', '95.66', '分'],
    ['100％', '100', '%'],
    [' 1672.699499 ', '1672.699499', ''],
    ['≥100百分比'.slice(1), '100', '%'],
    ['90万元', '90', '万元'],
    ['1818 平方米', '1818', '平方米'],
  ])('%s is %s %s', (text, value, unit) => {
    expect(num(text)).toEqual({ value, unit });
  });

  test('numbers keep the precision entered', () => {
    expect(num(1672.699499).value).toBe('1672.699499');
    expect(num(1759.62291).value).toBe('1759.62291');
  });

  test.each(['—', '-', '/', '*', '无', '', '   ', null, '——'])('placeholder %p means nothing', (v) => {
    expect(parseValue(v as never).kind).toBe('blank');
  });

  test.each(['#DIV/0!', '#REF!', '#N/A', '#VALUE!'])('%s is an error value', (v) => {
    expect(parseValue(v)).toEqual({ kind: 'error', code: v });
  });

  test.each(['待定', '约90', '12.5.3', '3-5'])('%s is text, not a number', (v) => {
    expect(parseValue(v).kind).toBe('text');
  });

  test('a percent column reads 95.06, "95.06%" and 0.9506 alike', () => {
    const f = (v: unknown) => {
      const p = parseValue(v as never);
      if (p.kind !== 'number') throw new Error('not a number');
      return asFraction(p, p.fromText).toString();
    };
    expect(f('95.06%')).toBe('0.9506');
    expect(f('95.06')).toBe('0.9506');
    expect(f(0.9506)).toBe('0.9506');
  });
});

describe('header labels', () => {
  test.each([
    ['全年预算数（A）', '全年预算数'],
    ['全年执行数(B)', '全年执行数'],
    ['执行率（B/A）', '执行率'],
    ['资金数额（万元）', '资金数额'],
    ['12月底绩效目标实现程度（%）', '12月底绩效目标实现程度'],
    ['  其中：财政拨款', '财政拨款'],
    ['偏差原因分析\n及改进措施', '偏差原因分析及改进措施'],
    ['项 目 名 称', '项目名称'],
  ])('%p is matched as %p', (header, key) => {
    expect(labelKey(header)).toBe(key);
  });
});

describe('targets (RULES.md §1.3)', () => {
  const q = (text: string, isCost = false) => {
    const t = parseTarget(text, isCost);
    if (t.kind !== 'quantitative') throw new Error(`${text}: ${t.kind}`);
    return [t.operator, t.direction, t.value.toString(), t.unit];
  };
  test.each([
    ['≥95%', ['>=', 'positive', '95', '%']],
    ['≤90万元', ['<=', 'reverse', '90', '万元']],
    ['=100%', ['=', 'equal', '100', '%']],
    ['≥1818平方米', ['>=', 'positive', '1818', '平方米']],
    ['不低于85%', ['>=', 'positive', '85', '%']],
    ['大于3万元', ['>', 'positive', '3', '万元']],
    ['≥100百分比', ['>=', 'positive', '100', '%']],
    ['＞80%', ['>', 'positive', '80', '%']],
    ['＜5天', ['<', 'reverse', '5', '天']],
    ['>= 90', ['>=', 'positive', '90', '']],
    ['不超过30天', ['<=', 'reverse', '30', '天']],
    ['不高于5%', ['<=', 'reverse', '5', '%']],
    ['小于等于2次', ['<=', 'reverse', '2', '次']],
    ['低于3起', ['<', 'reverse', '3', '起']],
    ['至少12场', ['>=', 'positive', '12', '场']],
    ['＝100%', ['=', 'equal', '100', '%']],
    ['等于1项', ['=', 'equal', '1', '项']],
    ['20集', ['>=', 'positive', '20', '集']],
    ['95%以上', ['>=', 'positive', '95', '%']],
    ['3天以内', ['<=', 'reverse', '3', '天']],
    // Durations: a ceiling in their unit (12月内完成, a month of the year, is a date: see below).
    ['3个月内完成', ['<=', 'reverse', '3', '个月']],
    ['15天内', ['<=', 'reverse', '15', '天']],
    ['10个工作日之内办结', ['<=', 'reverse', '10', '个工作日']],
  ])('%s', (text, expected) => {
    expect(q(text)).toEqual(expected);
  });

  test('a bare cost target is a ceiling', () => {
    expect(q('90万元', true)).toEqual(['<=', 'reverse', '90', '万元']);
  });

  test('text targets are qualitative, an operator without a number is malformed', () => {
    expect(parseTarget('作用明显')).toEqual({ kind: 'qualitative', text: '作用明显' });
    expect(parseTarget('≥优秀').kind).toBe('malformed');
    expect(parseTarget('—').kind).toBe('blank');
  });

  test('an actual value with a copied operator is still its number', () => {
    expect(parseActual('≥96%')).toMatchObject({ kind: 'number', unit: '%' });
    expect(parseActual(0.93)).toMatchObject({ kind: 'number', typed: false });
    expect(parseActual('已完成')).toEqual({ kind: 'text', text: '已完成' });
    expect(parseActual('2个月完成')).toMatchObject({ kind: 'number', unit: '个月' });
    expect(parseTarget('12月内完成').kind).toBe('date');
  });
});

describe('units', () => {
  test('元 and 万元 convert, % against nothing is %, 个 against 次 does not', () => {
    expect(convertUnit(new Dec(850000), '元', '万元')?.toString()).toBe('85');
    expect(convertUnit(new Dec(2), '公里', '米')?.toString()).toBe('2000');
    expect(convertUnit(new Dec(93), '', '%')?.toString()).toBe('93');
    expect(convertUnit(new Dec(3), '个', '次')).toBeNull();
    expect(convertUnit(new Dec(1), '年', '个月')?.toString()).toBe('12');
  });

  test('万 and 千 in front of a unit convert where the unit is the same: 1.2万人 is 12000人', () => {
    expect(convertUnit(new Dec('1.2'), '万人', '人')?.toString()).toBe('12000');
    expect(convertUnit(new Dec(3500), '人次', '千人次')?.toString()).toBe('3.5');
    expect(convertUnit(new Dec(2), '万平方米', '平方公里')?.toString()).toBe('0.02');
    expect(convertUnit(new Dec(1), '万人', '户')).toBeNull();
    expect(convertUnit(new Dec(5), '万', '个')).toBeNull();
  });
});

describe('dates of time targets (RULES.md §1.4)', () => {
  test.each([
    ['12月底前完成', { year: null, start: [12, null], end: [12, null], before: true, monthOnly: false }],
    ['11月完成', { year: null, start: [11, 1], end: [11, null], before: false, monthOnly: true }],
    ['2023年9月底前', { year: 2023, start: [9, null], end: [9, null], before: true, monthOnly: false }],
    ['2024年3月', { year: 2024, start: [3, 1], end: [3, null], before: false, monthOnly: true }],
    ['6月30日前', { year: null, start: [6, 30], end: [6, 30], before: true, monthOnly: false }],
    ['十二月底前', { year: null, start: [12, null], end: [12, null], before: true, monthOnly: false }],
    ['年底前', { year: null, start: [12, null], end: [12, null], before: true, monthOnly: false }],
    ['2025年内完成', { year: 2025, start: [1, 1], end: [12, null], before: true, monthOnly: false }],
    ['三季度末', { year: null, start: [9, null], end: [9, null], before: false, monthOnly: false }],
    ['2025-11-20', { year: 2025, start: [11, 20], end: [11, 20], before: false, monthOnly: false }],
    ['≤12月', { year: null, start: [12, 1], end: [12, null], before: true, monthOnly: true }],
  ])('%s', (text, date) => expect(parseDateText(text)).toEqual(date));

  test.each(['≥95%', '3个月', '20集', '2025年', '13月底前', '2月30日前', '作用明显', ''])('%s is no date', (text) => expect(parseDateText(text)).toBeNull());

  test('a completion may name its date anywhere; a date cell is an Excel serial', () => {
    expect(parseCompletion('项目于2024年3月完工')).toMatchObject({ year: 2024, start: [3, 1] });
    expect(parseDateText('项目于2024年3月完工')).toBeNull();
    expect(parseCompletion(45991)).toBe(serialDay(45991));
    expect(formatDay(serialDay(45991) as number)).toBe('2025年11月30日');
    expect(parseCompletion(95.5)).toBeNull();
  });

  const compare = (target: string, done: string, year: number | null) => compareDates(parseDateText(target)!, parseCompletion(done)!, year).kind;
  test.each([
    ['12月底前完成', '11月完成', 2025, 'met'],
    ['12月底前完成', '12月', 2025, 'met'],
    ['2023年9月底前', '2024年3月', null, 'missed'],
    ['2023年9月底前', '2023年9月30日', null, 'met'],
    ['12月底前完成', '2026年1月', 2025, 'missed'],
    ['6月30日前', '7月1日', 2025, 'missed'],
    ['12月前完成', '12月10日', 2025, 'unclear'],
    ['12月前完成', '11月', 2025, 'met'],
    ['12月底前完成', '2025年11月', null, 'unclear'],
    ['年底前', '2月29日', null, 'met'],
  ])('%s against %s (%s): %s', (target, done, year, kind) => expect(compare(target, done, year)).toBe(kind));
});

describe('评分标准 as data (RULES.md §2)', () => {
  test.each([
    ['按完成比例计分', { kind: 'proportional' }],
    ['执行率×分值', { kind: 'proportional' }],
    ['得分=预算执行率×10', { kind: 'proportional' }],
    ['预算执行率100%得满分，每低于1个百分点扣0.5分，扣完为止', { kind: 'step', direction: 'below', threshold: 1, step: 0.01, points: 0.5 }],
    ['差异率为0得5分，每超过1个百分点扣0.5分', { kind: 'step', direction: 'above', threshold: 0, step: 0.01, points: 0.5 }],
    ['执行率达到95%（含）以上得满分，每低于2个百分点扣1分', { kind: 'step', direction: 'below', threshold: 0.95, step: 0.02, points: 1 }],
    ['95%以上得10分，90%-95%得8分，90%以下不得分', {
      kind: 'banded', bands: [
        { min: { value: 0.95, included: true }, max: null, points: 10 },
        { min: { value: 0.9, included: true }, max: { value: 0.95, included: false }, points: 8 },
        { min: null, max: { value: 0.9, included: true }, points: 0 },
      ],
    }],
    ['执行率≥95%得满分；90%≤执行率<95%得8分', {
      kind: 'banded', bands: [
        { min: { value: 0.95, included: true }, max: null, points: 'full' },
        { min: { value: 0.9, included: true }, max: { value: 0.95, included: false }, points: 8 },
      ],
    }],
    ['未公开的不得分', { kind: 'conditions', clauses: [{ condition: '未公开的', points: 0 }] }],
    ['有一处问题扣1分', { kind: 'conditions', clauses: [{ condition: '有一处问题扣1分', points: null }] }],
    ['视情况酌情打分', null],
    ['', null],
  ])('%s', (text, standard) => expect(parseStandard(text)).toEqual(standard));

  const score = (text: string, rate: string, weight: number) => scoreByStandard(parseStandard(text)!, new Dec(rate), new Dec(weight));
  test('each form scores a rate: proportional, step (with its whole-step readings), banded; conditions do not', () => {
    expect(score('执行率×分值', '0.9813', 10)?.expected.toString()).toBe('9.81');
    expect(score('执行率×分值', '1.12', 10)?.expected.toString()).toBe('10');
    const step = score('每低于1个百分点扣0.5分，扣完为止', '0.9813', 10)!;
    expect([step.expected, ...step.accepted].map(String)).toEqual(['9.07', '9.07', '9.5', '9']);
    expect(score('每低于1个百分点扣0.5分，扣完为止', '0.5', 10)?.expected.toString()).toBe('0');
    expect(score('差异率为0得5分，每超过1个百分点扣0.5分', '0.0741', 5)?.expected.toString()).toBe('1.3');
    expect(score('95%以上得10分，90%-95%得8分，90%以下不得分', '0.93', 10)?.expected.toString()).toBe('8');
    expect(score('95%以上得10分，90%-95%得8分，90%以下不得分', '0.9', 10)?.expected.toString()).toBe('8');
    expect(score('≥95%得12分', '0.97', 10)?.expected.toString()).toBe('10');
    expect(score('≥95%得10分', '0.5', 10)).toBeNull();
    expect(score('未公开的不得分', '0.5', 10)).toBeNull();
  });
});
