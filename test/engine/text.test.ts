// The shortcuts the engine takes for speed give exactly what the long way gives: folding skips NFKC only
// where NFKC changes nothing, and a remembered result is never another cell's.
import { analyse } from '../../src/engine';
import { remembered } from '../../src/engine/remember';
import { fold, isBlankLike, labelKey } from '../../src/engine/text';
import { book, planned, sheet } from '../support/snapshot';

describe('fold is NFKC', () => {
  test('for every character of the Basic Multilingual Plane', () => {
    const differing: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue; // halves of surrogate pairs are not characters
      const ch = String.fromCharCode(code);
      if (fold(ch) !== ch.normalize('NFKC')) differing.push(code.toString(16));
    }
    expect(differing).toEqual([]);
  });

  test('for every canonical decomposition: characters that compose are folded, not passed over', () => {
    const differing: string[] = [];
    for (let code = 0; code < 0x30000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const decomposed = String.fromCodePoint(code).normalize('NFD');
      if (decomposed.length > 1 && fold(decomposed) !== decomposed.normalize('NFKC')) differing.push(code.toString(16));
    }
    expect(differing).toEqual([]);
  });

  test('full-width text is folded, common text passes as it is', () => {
    expect(fold('（万元）≥９５％')).toBe('(万元)≥95%');
    expect(fold('项目名称：乡村道路维修 “一事一议”')).toBe('项目名称:乡村道路维修 “一事一议”');
    expect(labelKey('全年预算数（万元）')).toBe('全年预算数');
    expect(isBlankLike('　－　')).toBe(true);
    expect(isBlankLike(0)).toBe(false);
  });
});

describe('remembered results', () => {
  test('are worked out once per input, and again once the store is full', () => {
    const calls: string[] = [];
    const upper = remembered((text: string) => {
      calls.push(text);
      return text.toUpperCase();
    }, 2);
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
    upper('c'); // the store held two: it starts again
    upper('a');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });

  test('a target read once for two rows takes each row\'s own 计量单位', () => {
    const header = ['项目名称', '一级指标', '二级指标', '三级指标', '计算符号', '年度指标值', '计量单位', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
    const a = analyse(book(sheet('指标', [
      header,
      ['甲', '产出指标', '数量指标', '培训人次', '≥', '20', '人次', '25人次', 10, null, ''],
      ['甲', '产出指标', '数量指标', '培训场次', '≥', '20', '场', '25场', 10, null, ''],
      ['乙', '产出指标', '数量指标', '培训人次', '≥', '20', '人次', '15场', 10, null, '场地不足'],
    ])));
    expect(a.model.indicators.map((i) => (i.target.kind === 'quantitative' ? i.target.unit : null))).toEqual(['人次', '场', '人次']);
    expect(planned(a, '指标!J3')).toBe(10);
    // 15场 against a target in 人次 cannot be scored: its unit is its own, not the row above's.
    expect(a.issues.find((i) => i.rule === 'target.unit-mismatch')?.cell).toBe('H4');
    expect(analyse(book(sheet('指标', [header, ['丙', '产出指标', '数量指标', '培训', '≥', '20', null, '25', 10, null, '']]))).model.indicators[0].target)
      .toMatchObject({ kind: 'quantitative', unit: '' });
  });
});
