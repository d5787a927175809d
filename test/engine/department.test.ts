// The department-wide sheet (RULES.md §2, TEMPLATE.md §4) with the real figures.
import { analyse, reportText, summarise } from '../../src/engine';
import { applyPlanToSnapshot } from '../../src/gateways/memory';
import { departmentSheet, type DepartmentSpec } from '../../src/samples/layouts';
import { book, fromSpec, issue, planned, sheet, where } from '../support/snapshot';

const BASE: DepartmentSpec['base'] = [
  ['年初预算数', 2788.56], ['全年预算数', 2788.56], ['全年执行数', 2788.56], ['决算数', 2788.56], ['年初结转结余', 756],
  ['本年财政拨款', 2032.56], ['年末结转结余', 0], ['政府采购预算数', 0], ['实际政府采购金额', 1.32], ['编制数', 86], ['实有在职人数', 82],
];
const RATES = ['预算执行率', '预算调整率', '结转结余率', '财政拨款收入预决算差异率', '政府采购执行率', '在职人员控制率'];
// Scores adding up to 85 over an applicable 95, and a not-applicable item of 5 points.
const ITEMS: DepartmentSpec['indicators'] = [
  { l1: '预算编制', l2: '预算编制管理', l3: '预算编制合理性', standard: '合理得20分', weight: 20, score: 20 },
  { l1: '预算执行', l2: '预算执行管理', l3: '预算执行率', standard: '执行率×30', weight: 30, score: 30 },
  { l1: '预算执行', l2: '预算执行管理', l3: '政府采购执行率', standard: '执行率×15', weight: 15, score: 5, reason: '政府采购预算为0' },
  { l1: '预算绩效', l2: '预算绩效管理', l3: '绩效目标合理性', standard: '明确细化得30分', weight: 30, score: 30 },
  { l1: '债务管理', l2: '债务管理', l3: '债务风险控制', standard: '无新增债务得5分', weight: 5, applicable: '不适用' },
];

const dept = (items = ITEMS, base = BASE) => book(fromSpec(departmentSheet('部门整体', '2025年度部门整体支出绩效自评表', { base, rates: RATES, indicators: items })));

// Excel rows of the layout: title, base header, the base block from row 3, a blank row, the rate header, the rates.
const BASE_ROW = (label: string) => 3 + BASE.findIndex(([l]) => l === label);
const RATE_ROW = (label: string) => 3 + BASE.length + 2 + RATES.indexOf(label);

describe('rates from the base figures (RULES.md §2)', () => {
  test('2788.56 budget and 2788.56 final: 预决算差异率 0; 0 carried over of 756 + 2032.56: 结转结余率 0', () => {
    const a = analyse(dept());
    const d = a.model.departments[0];
    expect(d.rates.finalVarianceRate?.value?.toString()).toBe('0');
    expect(d.rates.carryOverRate?.value?.toString()).toBe('0');
    expect(d.rates.executionRate?.value?.toString()).toBe('1');
    expect(d.rates.staffRate?.value?.toString()).toBe('0.9535');
    expect(RATE_ROW('在职人员控制率')).toBe(21);
    expect(planned(a, `部门整体!D${RATE_ROW('在职人员控制率')}`)).toBe(0.9535);
    expect(planned(a, `部门整体!D${RATE_ROW('财政拨款收入预决算差异率')}`)).toBe(0);
    expect(a.plan.writes.find((w) => w.cell === `D${RATE_ROW('预算执行率')}`)?.numberFormat).toBe('0.00%');
  });

  test('a procurement budget of 0 with 1.32 spent leaves the rate undefined and says so, never 0 %', () => {
    const a = analyse(dept());
    const at = `部门整体!D${BASE_ROW('政府采购预算数')}`;
    expect(at).toBe('部门整体!D10');
    expect(issue(a, 'dept.rate-undefined', at).message).toBe('政府采购执行率无法计算：政府采购预算数为0，而实际政府采购金额为1.32；请在说明中写明情况，不要按0%计分。');
    expect(planned(a, `部门整体!D${RATE_ROW('政府采购执行率')}`)).toBeUndefined();
    expect(a.model.departments[0].rates.procurementRate?.value).toBeNull();
  });
});

describe('scores, total, converted score and grade', () => {
  test('85 of an applicable 95 converts to 89.47 (良); the not-applicable item is left out', () => {
    const a = analyse(dept());
    const d = a.model.departments[0];
    expect([d.score?.toString(), d.weight?.toString(), d.converted?.toString(), d.grade]).toEqual(['85', '95', '89.47', '良']);
    const rows = a.plan.writes.filter((w) => w.sheet === '部门整体' && w.col === 5).map((w) => w.value);
    expect(rows).toEqual([85, 89.47, '良']);
  });

  test('the unit\'s own scores are checked: above 分值, missing, short without a reason, scored though not applicable', () => {
    const items = ITEMS.map((i) =>
      i.l3 === '预算编制合理性' ? { ...i, score: 25 } : i.l3 === '预算执行率' ? { ...i, score: undefined }
        : i.l3 === '绩效目标合理性' ? { ...i, score: 26 } : i.l3 === '债务风险控制' ? { ...i, score: 5 } : i);
    const a = analyse(dept(items));
    expect(issue(a, 'dept.score-above-weight').message).toBe('自评得分25高于分值20；请按评分标准重新打分。');
    expect(where(a, 'dept.score-missing')).toHaveLength(1);
    expect(issue(a, 'dept.reason-missing').message).toBe('此项扣了4分，请填写扣分原因。');
    expect(where(a, 'dept.not-applicable-scored')).toHaveLength(1);
    expect(a.model.departments[0].converted).toBeNull(); // a missing score leaves the total open
  });

  test('filling twice changes nothing the second time', () => {
    const snap = dept();
    const first = analyse(snap);
    expect(analyse(applyPlanToSnapshot(snap, first.plan)).plan.writes).toEqual([]);
  });

  test('the report states the department score, the converted score and the rates', () => {
    const snap = dept();
    const text = reportText(summarise(analyse(snap), snap).document);
    expect(text).toContain('部门整体支出绩效自评得分85.00分（1项指标不适用，适用指标满分95.00分），换算为百分制得分89.47分，评价等级为“良”。');
    expect(text).toContain('财政拨款收入预决算差异率0.00%');
    expect(text).toContain('政府采购执行率无法计算（政府采购预算数为0）');
  });
});

test('a table of 三级指标 with 分值 and 得分 but no 年度指标值 is a department table, not an indicator list', () => {
  const a = analyse(book(sheet('整体', [
    ['一级指标', '二级指标', '三级指标', '分值', '自评得分', '扣分原因'],
    ['预算执行', '预算执行管理', '预算执行率', 10, 9, '执行率90%'],
    ['总分', null, null, 10, null, null],
  ])));
  expect(a.model.indicatorLists).toHaveLength(0);
  expect(a.model.departments[0].score?.toString()).toBe('9');
  expect(planned(a, '整体!E3')).toBe(9);
});
