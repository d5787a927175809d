import { Dec } from '../../src/engine/decimal';
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
  });
});

describe('units', () => {
  test('元 and 万元 convert, % against nothing is %, 个 against 次 does not', () => {
    expect(convertUnit(new Dec(850000), '元', '万元')?.toString()).toBe('85');
    expect(convertUnit(new Dec(2), '公里', '米')?.toString()).toBe('2000');
    expect(convertUnit(new Dec(93), '', '%')?.toString()).toBe('93');
    expect(convertUnit(new Dec(3), '个', '次')).toBeNull();
  });
});
