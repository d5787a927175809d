// The department-wide sheet (RULES.md §2, TEMPLATE.md §4) with the real figures.
import { analyse, reportText, summarise } from '../../src/engine';
import { applyPlanToSnapshot } from '../../src/gateways/memory';
import { departmentSheet, type DepartmentSpec } from '../../src/samples/layouts';
import { book, fromSpec, issue, planned, sheet, where } from '../support/snapshot';

// Revenue (收入) 2788.56 budgeted and final; expenditure (支出) 2845.81 of 2900, adjusted from 2700. The
// revenue budget comes first: read as the budget it gave the 102.05 % of a mixed-up sheet.
const BASE: DepartmentSpec['base'] = [
  ['财政拨款收入预算数', 2788.56], ['财政拨款收入决算数', 2788.56], ['年初预算数', 2700], ['全年预算数', 2900], ['全年执行数', 2845.81],
  ['年初结转结余', 756], ['本年财政拨款', 2032.56], ['年末结转结余', 0], ['政府采购预算数', 0], ['实际政府采购金额', 1.32], ['编制数', 86], ['实有在职人数', 82],
];
const RATES = ['预算执行率', '预算调整率', '结转结余率', '财政拨款收入预决算差异率', '政府采购执行率', '在职人员控制率'];
// Scores adding up to 85 over an applicable 95, and a not-applicable item of 5 points.
const ITEMS: DepartmentSpec['indicators'] = [
  { l1: '预算编制', l2: '预算编制管理', l3: '预算编制合理性', standard: '合理得20分', weight: 20, score: 20 },
  { l1: '预算执行', l2: '预算执行管理', l3: '预算执行率', standard: '', weight: 30, score: 30 },
  { l1: '预算执行', l2: '预算执行管理', l3: '政府采购执行率', standard: '执行率×15', weight: 15, score: 5, reason: '政府采购预算为0' },
  { l1: '预算绩效', l2: '预算绩效管理', l3: '绩效目标合理性', standard: '明确细化得30分', weight: 30, score: 30 },
  { l1: '债务管理', l2: '债务管理', l3: '债务风险控制', standard: '无新增债务得5分', weight: 5, applicable: '不适用' },
];

const spec = (items = ITEMS, base = BASE, extra: Partial<DepartmentSpec> = {}) =>
  departmentSheet('部门整体', '2025年度部门整体支出绩效自评表', { base, rates: RATES, indicators: items, ...extra });
const dept = (items = ITEMS, base = BASE, extra: Partial<DepartmentSpec> = {}) => book(fromSpec(spec(items, base, extra)));

// Excel rows of the layout: title, base header, the base block from row 3, a blank row, the rate header,
// the rates, a blank row, the table header, the items, 总分, 换算得分, 评价等级.
const BASE_ROW = (label: string, base = BASE) => 3 + base.findIndex(([l]) => l === label);
const RATE_ROW = (label: string, base = BASE) => 3 + base.length + 2 + RATES.indexOf(label);
const ITEM_ROW = (i: number, base = BASE) => 3 + base.length + 2 + RATES.length + 2 + i;
const TOTAL_ROW = (items: unknown[], base = BASE) => ITEM_ROW(items.length, base);

describe('rates from the base figures (RULES.md §2)', () => {
  test('revenue and expenditure are different fields: 执行率 98.13 % (not 102.05 %), 调整率 7.41 %, 预决算差异率 0', () => {
    const a = analyse(dept());
    const d = a.model.departments[0];
    expect(d.rates.executionRate?.value?.toString()).toBe('0.9813');
    expect(d.rates.adjustmentRate?.value?.toString()).toBe('0.0741');
    expect(d.rates.finalVarianceRate?.value?.toString()).toBe('0');
    expect(d.rates.carryOverRate?.value?.toString()).toBe('0');
    expect(d.rates.staffRate?.value?.toString()).toBe('0.9535');
    expect(planned(a, `部门整体!D${RATE_ROW('预算执行率')}`)).toBe(0.9813);
    expect(planned(a, `部门整体!D${RATE_ROW('预算调整率')}`)).toBe(0.0741);
    expect(planned(a, `部门整体!D${RATE_ROW('财政拨款收入预决算差异率')}`)).toBe(0);
    expect(a.plan.writes.find((w) => w.cell === `D${RATE_ROW('预算执行率')}`)?.numberFormat).toBe('0.00%');
  });

  test('a sheet with only the revenue figures has no execution rate, and says so at its rate row', () => {
    const base = BASE.filter(([l]) => !['年初预算数', '全年预算数', '全年执行数'].includes(l));
    const a = analyse(dept(ITEMS, base));
    const d = a.model.departments[0];
    expect(d.rates.executionRate).toEqual({ value: null, cell: expect.anything(), why: '缺少全年执行数、全年预算数' });
    expect(issue(a, 'dept.rate-no-figures', `部门整体!D${RATE_ROW('预算执行率', base)}`).message)
      .toBe('预算执行率无法计算：基础数据缺少全年执行数、全年预算数；请补充，或在说明中写明。');
    expect(d.rates.finalVarianceRate?.value?.toString()).toBe('0');
  });

  test('a procurement budget of 0 with 1.32 spent leaves the rate undefined and says so, never 0 %', () => {
    const a = analyse(dept());
    const at = `部门整体!D${BASE_ROW('政府采购预算数')}`;
    expect(at).toBe('部门整体!D11');
    expect(issue(a, 'dept.rate-undefined', at).message).toBe('政府采购执行率无法计算：政府采购预算数为0，而实际政府采购金额为1.32；请在说明中写明情况，不要按0%计分。');
    expect(planned(a, `部门整体!D${RATE_ROW('政府采购执行率')}`)).toBeUndefined();
    expect(a.model.departments[0].rates.procurementRate?.value).toBeNull();
  });
});

describe('the base-data block as units lay it out', () => {
  /** label │ (empty) │ value, or label │ 万元 │ value, as real sheets have it; the point table below. */
  const block = (rows: Array<[string, string | null, number | null]>) => book(sheet('部门整体', [
    ['某县农业农村局2024年度部门整体支出绩效自评表'],
    ['基础数据', null, '数值'],
    ...rows.map(([label, middle, value]) => [label, middle, value]),
    [],
    ['一级指标', '二级指标', '三级指标', '评分标准', '分值', '自评得分'],
    ['预算执行', '预算执行管理', '预算执行率', '执行率×100', 100, null],
    ['总分', null, null, null, null, null],
  ]));

  test('a value two columns right of its label, over an empty unmerged cell, is its value', () => {
    const a = analyse(block([['全年预算数', null, 1200], ['全年执行数', null, 1080], ['年初预算数', null, 1000]]));
    const d = a.model.departments[0];
    expect([d.base.budget?.col, d.base.budget?.value?.toString(), d.rates.executionRate?.value?.toString(), d.rates.adjustmentRate?.value?.toString()]).toEqual([2, '1200', '0.9', '0.2']);
    expect(planned(a, '部门整体!F8')).toBe(90);
    const wb = block([['全年预算数', null, 1200], ['全年执行数', null, 1080], ['年初预算数', null, 1000]]);
    expect(reportText(summarise(a, wb).document)).toContain('支出方面，年初预算数1000万元，全年预算数1200万元，全年执行数1080万元。');
  });

  test('a unit word between label and value is stepped over; a blank value stays blank, not the next label\'s', () => {
    const a = analyse(block([['全年预算数', '万元', 1200], ['全年执行数', '万元', null], ['年初预算数', '万元', 1000]]));
    const d = a.model.departments[0];
    expect([d.base.budget?.value?.toString(), d.base.executed?.col, d.base.executed?.value ?? null]).toEqual(['1200', 2, null]);
    expect(where(a, 'cell.not-number')).toEqual([]);
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
      i.l3 === '预算编制合理性' ? { ...i, score: 25 } : i.l3 === '政府采购执行率' ? { ...i, score: undefined }
        : i.l3 === '绩效目标合理性' ? { ...i, score: 26 } : i.l3 === '债务风险控制' ? { ...i, score: 5 } : i);
    const a = analyse(dept(items));
    expect(issue(a, 'dept.score-above-weight', `部门整体!F${ITEM_ROW(0)}`).message).toBe('指标“预算编制合理性”：自评得分25高于分值20；请按评分标准重新打分。');
    expect(where(a, 'dept.score-missing')).toEqual([`部门整体!F${ITEM_ROW(2)}`]);
    expect(issue(a, 'dept.reason-missing').message).toBe('指标“绩效目标合理性”：此项扣了4分，请填写扣分原因。');
    expect(where(a, 'dept.not-applicable-scored')).toHaveLength(1);
    // A missing score leaves the total open, and the total's cell says why.
    expect(a.model.departments[0].converted).toBeNull();
    expect(issue(a, 'dept.total-open', `部门整体!F${TOTAL_ROW(items)}`).message)
      .toBe(`部门整体自评总分无法计算：1项适用指标未打分（首个在 部门整体!F${ITEM_ROW(2)}）；补齐后即可计算总分和换算得分。`);
  });

  test('a score above its 分值 and a negative one: no 总分, 换算得分 or grade is written; the total cell says why', () => {
    const items = ITEMS.map((i) => (i.l3 === '预算编制合理性' ? { ...i, score: 25 } : i.l3 === '绩效目标合理性' ? { ...i, score: -5, reason: 'x' } : i));
    const a = analyse(dept(items));
    expect(where(a, 'dept.score-above-weight')).toEqual([`部门整体!F${ITEM_ROW(0)}`]);
    expect(where(a, 'dept.score-negative')).toEqual([`部门整体!F${ITEM_ROW(3)}`]);
    expect(issue(a, 'total.not-filled', `部门整体!F${TOTAL_ROW(items)}`).message)
      .toBe(`有错误未修正，未回填部门整体自评总分、换算得分和评价等级：F${ITEM_ROW(0)}、F${ITEM_ROW(3)}的自评得分或分值有误；修正后再回填。`);
    expect(a.plan.writes.filter((w) => w.col === 5 && w.row >= TOTAL_ROW(items) - 1)).toEqual([]);
    expect([a.model.departments[0].score, a.model.departments[0].grade]).toEqual([null, null]);
    const text = reportText(summarise(a, dept(items)).document);
    expect(text).toContain('有2项指标的自评得分或分值有误（预算编制合理性、绩效目标合理性），部门整体总分、换算得分和评价等级未计算。');
    expect(text).not.toContain('扣35.00分');
  });

  test('an unreadable score is said once, as unreadable, not also as "未填写"', () => {
    const items = ITEMS.map((i) => (i.l3 === '预算编制合理性' ? { ...i, score: '二十' } : i));
    const a = analyse(dept(items));
    expect(a.issues.filter((i) => i.cell === `F${ITEM_ROW(0)}`).map((i) => i.rule)).toEqual(['cell.not-number']);
    expect(where(a, 'total.not-filled')).toEqual([`部门整体!F${TOTAL_ROW(items)}`]);
  });

  test('分值 of the scored rows that do not make 100: a warning at the total 分值 cell', () => {
    const items = ITEMS.map((i) => (i.l3 === '预算编制合理性' ? { ...i, weight: 15, score: 15 } : i));
    const a = analyse(dept(items));
    expect(issue(a, 'dept.weights-total', `部门整体!E${TOTAL_ROW(items)}`)).toMatchObject({
      severity: 'warning', message: '计分指标的分值合计为95分，不是100分；请核对分值（换算得分按适用指标的分值折算）。',
    });
    expect(where(analyse(dept()), 'dept.weights-total')).toEqual([]);
  });

  test('a stated 分值 total that differs from its items is said and kept; a blank one is filled', () => {
    const items = ITEMS.map((i) => (i.l3 === '预算编制合理性' ? { ...i, weight: 30, score: 30 } : i));
    const typed = dept(items);
    typed.sheets[0].values[TOTAL_ROW(items) - 1][4] = 100;
    const a = analyse(typed);
    expect(planned(a, `部门整体!E${TOTAL_ROW(items)}`)).toBeUndefined();
    expect(issue(a, 'total.weight-differs', `部门整体!E${TOTAL_ROW(items)}`)).toMatchObject({
      severity: 'warning', message: '分值合计填写为100，各项分值之和为110；此单元格未改写，请核对。',
    });
    const blank = dept(items);
    blank.sheets[0].values[TOTAL_ROW(items) - 1][4] = null;
    expect(planned(analyse(blank), `部门整体!E${TOTAL_ROW(items)}`)).toBe(110);
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
    expect(text).toContain('预算执行率98.13%');
    expect(text).toContain('财政拨款收入预决算差异率0.00%');
    expect(text).toContain('政府采购执行率无法计算（政府采购预算数为0）');
  });
});

describe('评分标准 computes the rows scored from a rate (RULES.md §2)', () => {
  const withRule = (l3: string, standard: string, weight: number, score?: number, reason = '') =>
    ITEMS.map((i) => (i.l3 === '预算执行率' ? { ...i, l3, standard, weight, score, reason } : i.l3 === '预算编制合理性' ? { ...i, weight: 50 - weight, score: 50 - weight } : i));

  test('proportional (执行率×分值): 98.13 % of 30 is 29.44; a blank score is filled, a different one reported', () => {
    const filled = analyse(dept(withRule('预算执行率', '执行率×分值', 30)));
    expect(planned(filled, `部门整体!F${ITEM_ROW(1)}`)).toBe(29.44);
    const item = filled.model.departments[0].items[1];
    expect([item.scoreSource, item.expected?.toString(), item.rule]).toEqual(['computed', '29.44', { kind: 'proportional' }]);
    const entered = analyse(dept(withRule('预算执行率', '执行率×分值', 30, 30)));
    expect(issue(entered, 'dept.rule-differs', `部门整体!F${ITEM_ROW(1)}`).message).toBe('按评分标准“执行率×分值”，预算执行率为98.13%，应得29.44分，填写为30分；请核对。');
    expect(planned(entered, `部门整体!F${ITEM_ROW(1)}`)).toBeUndefined(); // the unit's score is reported, not replaced
  });

  test('step ("每低于1个百分点扣0.5分，扣完为止"): 1.87 points short reads as 9.07, 9.5 or 9: left to the unit, each reading accepted', () => {
    const standard = '预算执行率100%得满分，每低于1个百分点扣0.5分，扣完为止';
    const blank = analyse(dept(withRule('预算执行率', standard, 10)));
    expect(planned(blank, `部门整体!F${ITEM_ROW(1)}`)).toBeUndefined();
    expect(issue(blank, 'dept.rule-choose', `部门整体!F${ITEM_ROW(1)}`).message).toBe(
      `按评分标准“${standard}”，预算执行率为98.13%，得分可读作9.07、9.50、9.00分（按比例或按整个百分点扣分），未自动填写；请按本地口径填写得分。`,
    );
    for (const score of [9.07, 9.5, 9]) expect(where(analyse(dept(withRule('预算执行率', standard, 10, score, '执行率98.13%'))), 'dept.rule-differs')).toEqual([]);
    expect(where(analyse(dept(withRule('预算执行率', standard, 10, 10))), 'dept.rule-differs')).toHaveLength(1);
  });

  test('step on whole points reads one way and is filled: 全年执行数 2842 of 2900 is 98.00 %, 1 point off → 9', () => {
    const standard = '预算执行率100%得满分，每低于1个百分点扣0.5分，扣完为止';
    const base = BASE.map(([l, v]): [string, number] => [l, l === '全年执行数' ? 2842 : v as number]);
    const a = analyse(dept(withRule('预算执行率', standard, 10), base));
    expect(a.model.departments[0].rates.executionRate?.value?.toString()).toBe('0.98');
    expect(planned(a, `部门整体!F${ITEM_ROW(1)}`)).toBe(9);
    expect(where(a, 'dept.rule-choose')).toEqual([]);
  });

  test('预决算差异率 is scored on its absolute value: −7.41 % reads as 1.30, 1.50 or 1.00 of 5; 2484 of 2700 (−8 %) gives 1', () => {
    const base = (final: number) => BASE.map(([l, v]): [string, number] => [l, l === '财政拨款收入决算数' ? final : l === '财政拨款收入预算数' ? 2700 : v as number]);
    const rule = '差异率为0得5分，每超过1个百分点扣0.5分，扣完为止';
    const a = analyse(dept(withRule('财政拨款收入预决算差异率', rule, 5), base(2500)));
    expect(a.model.departments[0].rates.finalVarianceRate?.value?.toString()).toBe('-0.0741');
    expect(planned(a, `部门整体!D${RATE_ROW('财政拨款收入预决算差异率')}`)).toBe(-0.0741);
    expect(issue(a, 'dept.rule-choose', `部门整体!F${ITEM_ROW(1)}`).message).toContain('得分可读作1.30、1.50、1.00分');
    expect(planned(analyse(dept(withRule('财政拨款收入预决算差异率', rule, 5), base(2484))), `部门整体!F${ITEM_ROW(1)}`)).toBe(1);
  });

  test('banded ("≥95%得10分；90%(含)-95%得8分；<90%不得分"): 98.13 % gets 10', () => {
    const standard = '≥95%得10分；90%(含)-95%得8分；<90%不得分';
    const a = analyse(dept(withRule('预算执行率', standard, 10)));
    expect(planned(a, `部门整体!F${ITEM_ROW(1)}`)).toBe(10);
    expect(a.model.departments[0].items[1].rule).toEqual({
      kind: 'banded',
      bands: [
        { min: { value: 0.95, included: true }, max: null, points: 10 },
        { min: { value: 0.9, included: true }, max: { value: 0.95, included: false }, points: 8 },
        { min: null, max: { value: 0.9, included: false }, points: 0 },
      ],
    });
  });

  test('conditions ("未公开的不得分") are judged by the unit: only 0 ≤ score ≤ 分值 is checked', () => {
    const items = ITEMS.map((i) => (i.l3 === '预算编制合理性' ? { ...i, l3: '预决算公开', standard: '按时公开得满分，未公开的不得分', score: 12, reason: '公开不及时' } : i));
    const a = analyse(dept(items));
    expect(a.model.departments[0].items[0].rule).toEqual({ kind: 'conditions', clauses: [{ condition: '按时公开', points: 'full' }, { condition: '未公开的', points: 0 }] });
    expect(a.issues.filter((i) => i.sheet === '部门整体' && i.cell === `F${ITEM_ROW(0)}`)).toEqual([]);
  });

  test('a standard the parser cannot read on a rate row is said, and the row is only range-checked', () => {
    const a = analyse(dept(withRule('预算执行率', '视执行进度酌情打分', 10, 9, '执行率98.13%')));
    expect(issue(a, 'dept.standard-unread', `部门整体!D${ITEM_ROW(1)}`).message).toBe('评分标准“视执行进度酌情打分”无法自动识别，未按预算执行率计算得分，只检查得分在0～分值之间。');
  });
});

/**
 * The Guangdong township table behind shared/examples/county-department-report-2021.txt: the items and
 * scores that report states (adding up to 97 while it states 94), its unscored 项目管理 rows, and 分值
 * chosen for the test (the report publishes scores, not 分值) to make 100.
 */
const GUANGDONG: DepartmentSpec['indicators'] = [
  ['预算编制', '预算编制', '预算编制合理性', 2, 2], ['预算编制', '预算编制', '预算编制规范性', 3, 3],
  ['预算编制', '预算编制', '财政拨款收入预决算差异率', 5, 5], ['预算编制', '目标设置', '绩效目标合理性', 10, 10],
  ['预算编制', '目标设置', '绩效指标明确性', 10, 10],
  ['预算执行', '资金管理', '结转结余率', 5, 5], ['预算执行', '资金管理', '财务管理合规性', 9, 9],
  ['预算执行', '信息公开', '预决算公开合规性', 3, 3], ['预算执行', '信息公开', '绩效信息公开情况', 2, 2],
  ['预算执行', '采购管理', '政府采购执行率', 2, 0, '政府采购预算为0万元，实际采购1.32万元'], ['预算执行', '采购管理', '采购合规性', 5, 5],
  ['预算执行', '项目管理', '专项资金绩效完成情况', null, null], ['预算执行', '项目管理', '项目实施程序', null, null], ['预算执行', '项目管理', '项目监管', null, null],
  ['预算执行', '资产管理', '资产配置合规性', 2, 2], ['预算执行', '资产管理', '资产收益上缴的及时性', 1, 0, '未及时上缴资金'],
  ['预算执行', '资产管理', '资产盘点情况', 2, 2], ['预算执行', '资产管理', '数据质量', 2, 2], ['预算执行', '资产管理', '资产管理合规性', 3, 3],
  ['预算使用效益', '经济性', '经济成本控制情况', 4, 4], ['预算使用效益', '经济性', '公用经费控制率', 4, 4],
  ['预算使用效益', '效率性', '重点工作完成率', 4, 4], ['预算使用效益', '效率性', '绩效目标完成率', 4, 4], ['预算使用效益', '效率性', '项目完成及时性', 4, 4],
  ['预算使用效益', '效果性', '社会经济环境效益', 10, 10],
  ['预算使用效益', '公平性', '群众信访办理情况', 2, 2], ['预算使用效益', '公平性', '公众或服务对象满意度', 2, 2],
].map(([l1, l2, l3, weight, score, reason]) => ({ l1, l2, l3, standard: '', weight, score: score ?? undefined, reason: reason ?? '' }) as DepartmentSpec['indicators'][number]);
const GUANGDONG_BASE: DepartmentSpec['base'] = BASE.filter(([l]) => l.startsWith('财政拨款') || l.includes('结转') || l === '本年财政拨款' || l.includes('政府采购'));

describe('the Guangdong township table (guangdong-township)', () => {
  test('unscored 项目管理 rows are skipped; items add up to 97 and the stated 94 is an error at the 总分 cell', () => {
    const a = analyse(dept(GUANGDONG, GUANGDONG_BASE, { statedTotal: 94 }), { profile: 'guangdong-township' });
    const d = a.model.departments[0];
    expect(d.items.filter((i) => i.kind === 'unscored').map((i) => i.level3)).toEqual(['专项资金绩效完成情况', '项目实施程序', '项目监管']);
    expect([d.score?.toString(), d.weight?.toString(), d.converted?.toString(), d.grade]).toEqual(['97', '100', '97', '优']);
    const total = `部门整体!F${TOTAL_ROW(GUANGDONG, GUANGDONG_BASE)}`;
    expect(issue(a, 'total.mismatch', total).message).toBe('部门整体自评总分填写为94，但各项之和为97；回填时改为97。');
    expect(planned(a, total)).toBe(97);
    expect(d.categories.map((c) => [c.name, c.weight.toString(), c.score?.toString()])).toEqual([['预算编制', '30', '30'], ['预算执行', '36', '33'], ['预算使用效益', '34', '34']]);
  });

  test('the preset scores 政府采购执行率 as rate × 分值, and the undefined rate is reported rather than scored 0 %', () => {
    const a = analyse(dept(GUANGDONG, GUANGDONG_BASE), { profile: 'guangdong-township' });
    const item = a.model.departments[0].items.find((i) => i.level3 === '政府采购执行率')!;
    expect([item.standard, item.rule, item.rate, item.expected]).toEqual(['执行率×分值', { kind: 'proportional' }, 'procurementRate', null]);
    expect(where(a, 'dept.rate-undefined')).toEqual([`部门整体!D${BASE_ROW('政府采购预算数', GUANGDONG_BASE)}`]);
    // 公用经费控制率 is scored from a rate whose figures the sheet does not hold: said at the row.
    const publicRow = ITEM_ROW(GUANGDONG.findIndex((i) => i.l3 === '公用经费控制率'), GUANGDONG_BASE);
    expect(issue(a, 'dept.rate-no-figures', `部门整体!F${publicRow}`).message).toBe('公用经费控制率无法计算：基础数据缺少实际公用经费、公用经费预算数；请补充，或在说明中写明。');
  });
});

/** A Hebei county's category table: eight categories (91 points), 参与财政改革创新 as a 9-point 加分项, 存在问题 as a 扣分项. */
const HEBEI = (bonus: { applicable?: string; score?: number }, deduction?: number): DepartmentSpec['indicators'] => [
  { l1: '重大政策落实', l2: '', l3: '重大政策落实情况', standard: '', weight: 10, score: 10 },
  { l1: '预算编制管理', l2: '', l3: '预算编制质量', standard: '', weight: 15, score: 15 },
  { l1: '预算执行管理', l2: '', l3: '预算执行进度', standard: '', weight: 20, score: 19.5, reason: '四季度支出偏快' },
  { l1: '预算绩效管理', l2: '', l3: '绩效目标和评价', standard: '', weight: 20, score: 20 },
  { l1: '资产管理', l2: '', l3: '资产管理规范性', standard: '', weight: 10, score: 10 },
  { l1: '债务管理', l2: '', l3: '债务风险防控', standard: '', weight: 6, score: 6 },
  { l1: '预算透明度', l2: '', l3: '预决算公开', standard: '', weight: 5, score: 5 },
  { l1: '预算信息化', l2: '', l3: '一体化系统应用', standard: '', weight: 5, score: 5 },
  { l1: '参与财政改革创新', l2: '', l3: '改革创新试点', standard: '', weight: 9, ...bonus },
  { l1: '存在问题', l2: '', l3: '审计发现问题', standard: '每发现一个问题扣1分', weight: null, score: deduction, reason: deduction ? '审计发现往来款清理不及时' : '' },
];

describe('the Hebei county category table (hebei-county)', () => {
  const run = (bonus: { applicable?: string; score?: number }, deduction?: number) =>
    analyse(dept(HEBEI(bonus, deduction), BASE), { profile: 'hebei-county' }).model.departments[0];

  test('90.5 of an applicable 91 with the 9-point 加分项 not applicable converts to 99.45', () => {
    const d = run({ applicable: '否' });
    expect(d.items.map((i) => i.kind)).toEqual([...Array(8).fill('scored'), 'bonus', 'deduction']);
    expect([d.score?.toString(), d.weight?.toString(), d.converted?.toString(), d.grade]).toEqual(['90.5', '91', '99.45', '优']);
  });

  test('a deduction row counts: 90.5 − 1 = 89.5 over 91 → 98.35; written in the 总分 and 换算得分 cells', () => {
    const a = analyse(dept(HEBEI({ applicable: '否' }, -1), BASE), { profile: 'hebei-county' });
    const d = a.model.departments[0];
    expect([d.score?.toString(), d.deductions?.toString(), d.converted?.toString()]).toEqual(['89.5', '1', '98.35']);
    const total = TOTAL_ROW(HEBEI({}));
    expect([planned(a, `部门整体!F${total}`), planned(a, `部门整体!F${total + 1}`), planned(a, `部门整体!F${total + 2}`)]).toEqual([89.5, 98.35, '优']);
    expect(d.categories.map((c) => c.name)).toEqual(['重大政策落实', '预算编制管理', '预算执行管理', '预算绩效管理', '资产管理', '债务管理', '预算透明度', '预算信息化', '存在问题']);
    expect(d.categories.at(-1)?.score?.toString()).toBe('-1');
  });

  test('an applicable bonus counts with its 分值: 90.5 + 5 of 100 → 95.5; a blank bonus is 0, not a missing score', () => {
    expect(run({ score: 5 }).converted?.toString()).toBe('95.5');
    const blank = run({});
    expect([blank.score?.toString(), blank.weight?.toString(), blank.converted?.toString()]).toEqual(['90.5', '100', '90.5']);
  });

  test('without the preset, a negative score without 分值 is still a deduction', () => {
    const d = analyse(dept(HEBEI({ applicable: '否' }, -1), BASE)).model.departments[0];
    expect(d.items.at(-1)?.kind).toBe('deduction');
    expect([d.score?.toString(), d.converted?.toString()]).toEqual(['89.5', '98.35']);
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

test('a blank score the 评分标准 fills in is said, to confirm, with a request for its 扣分原因 below full', () => {
  const items = ITEMS.map((i) => (i.l3 === '预算执行率' ? { ...i, standard: '执行率×分值', score: undefined } : i));
  const snap = dept(items);
  const first = analyse(snap);
  expect(planned(first, `部门整体!F${ITEM_ROW(1)}`)).toBe(29.44);
  expect(issue(first, 'dept.score-filled', `部门整体!F${ITEM_ROW(1)}`)).toMatchObject({
    severity: 'info', message: '自评得分为空，已按评分标准“执行率×分值”（预算执行率为98.13%）填入29.44分；请确认。',
  });
  expect(issue(first, 'dept.reason-missing', `部门整体!H${ITEM_ROW(1)}`).message).toBe('指标“预算执行率”：此项扣了0.56分，请填写扣分原因。');
  // Once in the sheet, it is a score typed as its 评分标准 gives: the rate explains it, as for any such score.
  const second = analyse(applyPlanToSnapshot(snap, first.plan));
  expect(where(second, 'dept.score-filled')).toEqual([]);
  expect(where(second, 'dept.reason-missing')).toEqual([]);
});

test('the department messages in English leave nothing unfilled', () => {
  const items = ITEMS.map((i) => (i.l3 === '政府采购执行率' ? { ...i, score: undefined } : i.l3 === '预算执行率' ? { ...i, standard: '执行率×分值' } : i));
  const base = BASE.filter(([l]) => l !== '财政拨款收入决算数');
  const a = analyse(dept(items, base), { lang: 'en' });
  const messages = Object.fromEntries(a.issues.map((i) => [i.rule, i.message]));
  expect(messages['dept.total-open']).toBe(`The department total cannot be computed: 1 applicable item has no score (first at 部门整体!F${ITEM_ROW(2, base)}); complete them to get the total and the converted score.`);
  expect(messages['dept.rule-differs']).toBe('By the standard "执行率×分值", the budget execution rate (预算执行率) is 98.13%, which gives 29.44 points, not 30; check it.');
  expect(messages['dept.rate-no-figures']).toBe('The appropriation revenue variance rate (财政拨款收入预决算差异率) cannot be computed: the base data has no final appropriation revenue (财政拨款收入决算数); add it or explain why.');
  expect(messages['dept.rate-undefined']).toBe('The procurement execution rate (政府采购执行率) cannot be computed: the procurement budget (政府采购预算数) is 0 while the actual procurement (实际政府采购金额) is 1.32; explain it rather than scoring it as 0 %.');
  expect(analyse(dept(ITEMS, BASE, { statedTotal: 94 }), { lang: 'en' }).issues.find((i) => i.rule === 'total.mismatch')?.message)
    .toBe('The department total is written as 94 but its items add up to 85; filling writes 85.');
  // Singular where it is one: "1 point", "1 item".
  const one = analyse(dept(ITEMS.map((i) => (i.l3 === '绩效目标合理性' ? { ...i, score: 29 } : i))), { lang: 'en' });
  expect(one.issues.find((i) => i.rule === 'dept.reason-missing')?.message).toBe('Indicator "绩效目标合理性": This item lost 1 point; write why.');
  for (const m of Object.values(messages)) expect(m).not.toMatch(/undefined|NaN|\$\{/);
});
