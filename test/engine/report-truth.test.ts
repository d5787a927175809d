// Every sentence of the report is a claim: run on workbooks made here, one situation each, the true
// sentences are present and the false ones absent (issue: "The 自评报告 says only what the workbook says").
import { draftReport, reportText, type WorkbookSnapshot } from '../../src/engine';
import { departmentSheet, type DepartmentSpec, formSheet, projectListSheet, type ProjectSpec } from '../../src/samples/layouts';
import { book, fromSpec, sheet } from '../support/snapshot';

function draft(snapshot: WorkbookSnapshot) {
  const summary = draftReport(snapshot);
  if (!summary) throw new Error('no table recognised');
  return { summary, text: reportText(summary.document) };
}

const list = (projects: ProjectSpec[]) => book(fromSpec(projectListSheet('项目汇总表', '红旗乡2025年度项目支出绩效自评汇总表', projects)));

/** The lines of the text that hold `part`. */
const lines = (text: string, part: string) => text.split('\n').filter((l) => l.includes(part));

describe('a list without a 执行数 column', () => {
  const { text, summary } = draft(book(sheet('项目汇总表', [
    ['2025年度红旗乡项目支出绩效自评汇总表'],
    ['序号', '项目名称', '全年预算数', '绩效目标实现程度', '自评得分', '偏差原因'],
    [1, '道路养护', 50, 1, 95, ''],
    [2, '村级办公经费', 30, 0.9, 88, '部分经费年底结转'],
  ])));

  test('says once that the list has no 执行数 column; never 0 万元 or 0.00 %', () => {
    expect(summary.facts.projects?.executed.count).toBe(0);
    expect(text).toContain('2025年度纳入自评的项目全年预算数（调整后）合计80万元。项目汇总表未列全年执行数，不计算预算执行率。');
    expect(text).not.toMatch(/执行数合计0万元/);
    expect(text).not.toMatch(/预算执行率为0\.00%/);
  });

  test('leaves out the indicator count when there are no indicators', () => {
    expect(text).toContain('本次纳入自评的项目共2个，涉及资金80万元。');
    expect(text).not.toContain('设置绩效指标0个');
    expect(text).toContain('工作簿中未填写绩效指标，无法分析目标设定质量。');
  });

  test('cannot claim "no deviation": the short project is listed; the layout is not a gap to fill project by project', () => {
    expect(text).toContain('村级办公经费：全年预算数30万元，绩效目标实现程度90.00%，自评得分88.00分。原因：部分经费年底结转。');
    expect(text).not.toContain('执行数未填写或无法读取的');
    expect(text).not.toContain('补填预算数、执行数');
    expect(text).not.toContain('没有需要说明的偏差');
    expect(text).not.toContain('未发现偏差');
  });
});

describe('goal achievement typed as plain percents (12月底绩效目标实现程度（%）: 100, 60)', () => {
  const { text } = draft(book(
    sheet('汇总', [
      ['部门名称', '项目名称', '资金数额（万元）', '12月底绩效目标实现程度（%）', '自评得分'],
      ['某镇', '道路', 100, 100, 100],
      ['某镇', '桥梁', 50, 60, 85],
      ['某镇', '水利', 30, null, null],
    ]),
    sheet('指标', [
      ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['水利', '产出指标', '数量指标', '渠道长度', '≥10公里', '10公里', 90, null, null],
    ]),
  ));

  test('are counted as 100 % and 60 %, never 10000 %; the rate filling writes beside them stays 100 %', () => {
    expect(text).toContain('绩效目标实现程度达到100%的2个，涉及资金130万元；在50%（含）至100%之间的1个，涉及资金50万元');
    expect(text).toContain('某镇\t桥梁\t50\t60.00%\t85.00\t良');
    expect(text).not.toContain('6000.00%');
  });
});

test('the report\'s year is the one the analysis used: a year in a data row does not title it', () => {
  const { text } = draft(book(sheet('绩效指标表', [
    ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ['甲项目', '产出指标', '时效指标', '开工时间', '12月底前完成', '2026年1月', 90, null, null],
  ])));
  expect(text.split('\n')[0]).toBe('【请补充：年度】【请补充：单位名称】整体绩效自评报告');
});

describe('indicators the engine judged short are the ones the report lists', () => {
  const { text, summary } = draft(book(
    sheet('项目汇总表', [['2025年度项目支出绩效自评汇总表'], ['序号', '项目名称', '全年预算数', '全年执行数', '自评得分'], [1, '甲项目', 100, 100, null]]),
    sheet('绩效指标表', [
      ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['甲项目', '产出指标', '时效指标', '开工', '2025年6月30日前', '2025年7月15日', 10, null, null],
      [null, '产出指标', '时效指标', '完工', '12月底前完成', '11月', 10, 6, '提前但扣分'],
      [null, '产出指标', '数量指标', '户数', '≥10户', '30户', 20, 14, '目标偏低，按偏离度调减'],
      [null, '效益指标', '社会效益指标', '机制', '建立长效机制', '尚未建立', 20, null, null],
      [null, '效益指标', '社会效益指标', '效果', '达到预期', '未达到预期', 20, null, null],
      [null, '满意度指标', '满意度', '满意度', '≥90%', null, 10, null, null],
    ]),
  ));

  test('late and negated ones are listed (not yet scored), a met one scored below its band and an over-achieved one are not', () => {
    expect(summary.facts.projects!.shortIndicators.map((s) => [s.indicator.level3, s.why])).toEqual([['开工', 'late'], ['机制', 'negated']]);
    expect(text).toContain('1. 绩效指标偏差。未完全达成的指标2个：');
    expect(text).toContain('甲项目（资金100万元）“开工”：年度指标值2025年6月30日前，实际完成2025年7月15日，晚于时限，尚未打分（分值10.00分）。【请补充：甲项目“开工”偏差原因】');
    expect(text).toContain('甲项目（资金100万元）“机制”：年度指标值建立长效机制，实际完成尚未建立，尚未打分（分值20.00分）。【请补充：甲项目“机制”偏差原因】');
    expect(text).not.toContain('“完工”：');
    expect(text).not.toContain('“户数”：');
  });

  test('unclear answers and blank actual values are said as 无法判断, never as met', () => {
    expect(text).toContain('2. 无法判断是否达成的指标2个：');
    expect(text).toContain('甲项目“效果”：年度指标值达到预期，实际完成值“未达到预期”，无法判断是否达成。');
    expect(text).toContain('甲项目“满意度”：年度指标值≥90%，实际完成值未填写，无法判断是否达成。');
    expect(text).toContain('写明指标完成情况。为无法判断是否达成的2个指标写明实际完成值或完成日期。');
    expect(text).not.toContain('均已完成');
  });
});

describe('projects short of their goals', () => {
  const { text } = draft(list([
    { name: '农田水利', budget: 100, executed: 95, achievement: 0.34, score: 60, note: '工程未完工。' },
    { name: '文化下乡', budget: 20, executed: 20, achievement: 0.45, score: 70 },
    { name: '环境整治', budget: 60, executed: 58, achievement: 0.6, score: 75, note: '受天气影响' },
  ]));

  test('each is listed with its figures and the reason written, or a prompt where none was', () => {
    expect(text).toContain('1. 项目偏差。绩效目标未完全实现的项目3个：');
    expect(text).toContain('农田水利：全年预算数100万元，绩效目标实现程度34.00%，自评得分60.00分。原因：工程未完工。');
    expect(text).toContain('文化下乡：全年预算数20万元，绩效目标实现程度45.00%，自评得分70.00分。【请补充：文化下乡偏差原因】');
    expect(text).toContain('环境整治：全年预算数60万元，绩效目标实现程度60.00%，自评得分75.00分。原因：受天气影响。');
  });

  test('bands count them; "no deviation" and "all goals met" are absent', () => {
    expect(text).toContain('纳入自评的3个项目中，绩效目标实现程度达到100%的0个；在50%（含）至100%之间的1个，涉及资金60万元；在30%（含）至50%之间的2个，涉及资金120万元；低于30%的0个。');
    expect(text).toContain('全年执行数合计173万元，预算执行率为96.11%。');
    expect(text).not.toContain('没有需要说明的偏差');
    expect(text).not.toContain('均达到100%');
    expect(text).not.toContain('绩效指标均已完成');
  });

  test('measures follow from them', () => {
    expect(text).toContain('跟踪绩效目标未完全实现的3个项目（农田水利、文化下乡、环境整治），落实整改。');
    expect(text).toContain('完善偏差原因分析。为尚未说明原因的1项偏差补充原因及改进措施。');
    expect(text).not.toContain('加快预算执行进度');
  });
});

describe('projects not carried out', () => {
  const { text } = draft(list([
    { name: '防汛储备', budget: 12, executed: 0, note: '资金未下达，项目未实施' },
    { name: '桥梁加固', budget: 40, executed: 0, achievement: 0, note: '项目未开展' },
    { name: '道路养护', budget: 50, executed: 50, achievement: 1, score: 98 },
  ]));

  test('are named with their funds and the unit\'s words', () => {
    expect(text).toContain('未实施的项目2个（防汛储备、桥梁加固），涉及资金52万元。');
    expect(text).toContain('1. 项目偏差。未实施的项目2个：');
    expect(text).toContain('防汛储备：全年预算数12万元，项目未实施，执行数0万元。原因：资金未下达，项目未实施。');
    expect(text).toContain('桥梁加固：全年预算数40万元，项目未实施，执行数0万元。原因：项目未开展。');
    expect(text).toContain('处理未实施项目。对未实施的2个项目（防汛储备、桥梁加固）核实原因，按规定调整预算或收回资金。');
  });

  test('the overall rate counts them; no "no deviation"', () => {
    expect(text).toContain('全年执行数合计50万元，预算执行率为49.02%。');
    expect(text).not.toContain('没有需要说明的偏差');
    expect(text).not.toContain('均不低于80%');
  });
});

test('"no deviation" is said when, and only when, it is true', () => {
  const clean = draft(list([
    { name: '道路养护', budget: 50, executed: 48, achievement: 1, score: 98 },
    { name: '环境整治', budget: 30, executed: 30, achievement: 1, score: 100 },
  ])).text;
  expect(clean).toContain('2个项目的预算执行率均不低于80%，绩效目标实现程度均达到100%，没有需要说明的偏差。');
  const low = draft(list([
    { name: '道路养护', budget: 50, executed: 30, achievement: 1, score: 96, note: '工程款次年支付' },
    { name: '环境整治', budget: 30, executed: 30, achievement: 1, score: 100 },
  ])).text;
  expect(low).not.toContain('没有需要说明的偏差');
  expect(low).toContain('1. 项目偏差。预算执行率低于80%的项目1个：');
  expect(low).toContain('道路养护：全年预算数50万元，执行数30万元，预算执行率60.00%，自评得分96.00分。原因：工程款次年支付。');
});

describe('rows with the same project name', () => {
  const rows: ProjectSpec[] = [
    { name: '道路维修', budget: 10, executed: 10, achievement: 1, score: 100 },
    { name: '道路维修', budget: 20, executed: 12, achievement: 0.8, score: 85, note: '雨季停工' },
    { name: '环境整治', budget: 30, executed: 30, achievement: 1, score: 100 },
  ];

  test('each row is a project: counted, summed, and told apart by its row', () => {
    const { text, summary } = draft(list(rows));
    expect(summary.facts.projects?.projects).toHaveLength(3);
    expect(text).toContain('本次纳入自评的项目共3个，涉及资金60万元。');
    expect(text).toContain('道路维修（项目汇总表第5行）\t10');
    expect(text).toContain('道路维修（项目汇总表第6行）：全年预算数20万元，执行数12万元，预算执行率60.00%，绩效目标实现程度80.00%，自评得分85.00分。原因：雨季停工。');
    expect(text).not.toContain('项目共2个');
  });

  test('a list of 52 rows with three repeated names reports 52 projects, not 49', () => {
    const names = Array.from({ length: 49 }, (_, i) => `项目${String(i + 1).padStart(2, '0')}`);
    names.splice(10, 0, '项目03');
    names.splice(30, 0, '项目20');
    names.splice(51, 0, '项目45');
    const { text } = draft(book(sheet('汇总', [
      ['序号', '项目名称', '全年预算数', '全年执行数', '自评得分'],
      ...names.map((name, i) => [i + 1, name, 10 + i, 10 + i, 90]),
    ])));
    expect(text).toContain('本次纳入自评的项目共52个，涉及资金1846万元。');
    expect(text).toContain('项目03（汇总第4行）\t');
    expect(text).toContain('项目03（汇总第12行）\t');
    expect(text).not.toContain('项目共49个');
  });
});

// The department sheet of the department tests: scores adding up to 85 over an applicable 95.
const BASE: DepartmentSpec['base'] = [
  ['年初预算数', 2788.56], ['全年预算数', 2788.56], ['全年执行数', 2788.56], ['财政拨款收入预算数', 2788.56], ['财政拨款收入决算数', 2788.56], ['年初结转结余', 756],
  ['本年财政拨款', 2032.56], ['年末结转结余', 0], ['政府采购预算数', 0], ['实际政府采购金额', 1.32], ['编制数', 86], ['实有在职人数', 82],
];
const ITEMS: DepartmentSpec['indicators'] = [
  { l1: '预算编制', l2: '预算编制管理', l3: '预算编制合理性', standard: '合理得20分', weight: 20, score: 20 },
  { l1: '预算执行', l2: '预算执行管理', l3: '预算执行率', standard: '执行率×30', weight: 30, score: 30 },
  { l1: '预算执行', l2: '预算执行管理', l3: '政府采购执行率', standard: '执行率×15', weight: 15, score: 5, reason: '政府采购预算为0。' },
  { l1: '预算绩效', l2: '预算绩效管理', l3: '绩效目标合理性', standard: '明确细化得30分', weight: 30, score: 30 },
  { l1: '债务管理', l2: '债务管理', l3: '债务风险控制', standard: '无新增债务得5分', weight: 5, applicable: '不适用' },
];
const RATES = ['预算执行率', '预算调整率', '结转结余率', '财政拨款收入预决算差异率', '政府采购执行率', '在职人员控制率'];

function departmentSpec(items = ITEMS, statedTotal?: number) {
  const spec = departmentSheet('部门整体', '红旗乡人民政府2025年度部门整体支出绩效自评表', { base: BASE, rates: RATES, indicators: items });
  if (statedTotal !== undefined) spec.rows[spec.rows.findIndex((r) => r[0] === '总分')][5] = statedTotal;
  return spec;
}

describe('a workbook with only a department sheet', () => {
  const { text, summary } = draft(book(fromSpec(departmentSpec())));

  test('gets the department report, and no empty project part', () => {
    expect(summary.facts.projects).toBeNull();
    expect(summary.document.title).toBe('2025年度红旗乡人民政府整体绩效自评报告');
    for (const absent of ['项目共0个', '涉及资金0万元', '项目自评结果', '绩效目标实现程度分布', '预算项目', '偏差原因分析']) expect(text).not.toContain(absent);
    const headings = summary.document.blocks.filter((b) => b.kind === 'heading').map((b) => b.kind === 'heading' && b.text);
    expect(headings).toEqual(['一、部门基本情况', '二、部门整体收支情况', '三、部门整体绩效自评情况', '四、存在的问题及原因', '五、下一步改进措施及自评结果应用', '六、绩效信息公开情况']);
  });

  test('base figures, revenue apart from expenditure, at the precision entered', () => {
    expect(text).toContain('据部门整体绩效自评表，编制数86人，实有在职人数82人，在职人员控制率95.35%。');
    expect(text).toContain('收入方面，财政拨款收入预算数2788.56万元，财政拨款收入决算数2788.56万元，本年财政拨款2032.56万元，年初结转结余756万元。');
    expect(text).toContain('支出方面，年初预算数2788.56万元，全年预算数2788.56万元，全年执行数2788.56万元，年末结转结余0万元。');
  });

  test('the rates, an undefined one said as such and never 0 %', () => {
    expect(text).toContain('按自评表的基础数据计算，预算执行率100.00%，预算调整率0.00%，结转结余率0.00%，财政拨款收入预决算差异率0.00%，政府采购执行率无法计算（政府采购预算数为0），在职人员控制率95.35%。');
    expect(text).not.toMatch(/政府采购执行率0\.00%/);
  });

  test('the result: 总分, 换算得分, 等级, the points by category, the item not applicable', () => {
    expect(text).toContain('部门整体支出绩效自评得分85.00分（1项指标不适用，适用指标满分95.00分），换算为百分制得分89.47分，评价等级为“良”。');
    const table = summary.document.blocks.find((b) => b.kind === 'table' && b.caption.includes('按一级指标'));
    expect(table?.kind === 'table' && table.columns.map((c) => c.title)).toEqual(['一级指标', '分值', '得分']);
    expect(table?.kind === 'table' && table.rows).toEqual([['预算编制', 20, 20], ['预算执行', 45, 35], ['预算绩效', 30, 30], ['合计', 95, 85]]);
    expect(text).toContain('不适用、未计入总分的指标：债务风险控制（5.00分）。');
  });

  test('each item that lost points, with its reason', () => {
    expect(text).toContain('扣分的指标1项，共扣10.00分：');
    expect(text).toContain('政府采购执行率（预算执行）：分值15.00分，自评得分5.00分，扣10.00分。原因：政府采购预算为0。');
    expect(text).not.toContain('均得满分');
    expect(text).toContain('1. 部门整体绩效自评中1项指标扣分：政府采购执行率扣10.00分。');
  });

  test('what is left unresolved is counted: only the kinds there are', () => {
    expect(text).toContain('注：本报告按回填计算结果后的自评表起草，回填后仍有1个警告未处理（回填可更正的不计在内），报告数据以修正后的自评表为准。');
    expect(text).not.toContain('0个错误');
  });

  test('a stated total that agrees with its items says nothing about it', () => {
    expect(text).not.toContain('不一致');
    expect(draft(book(fromSpec(departmentSpec(ITEMS, 85)))).text).not.toContain('不一致');
  });
});

describe('department items: full, short without a reason, unscored', () => {
  test('all full: said so', () => {
    const full = ITEMS.map((i) => (i.l3 === '政府采购执行率' ? { ...i, score: 15, reason: '' } : i));
    const { text } = draft(book(fromSpec(departmentSpec(full))));
    expect(text).toContain('各项适用指标均得满分，没有扣分。');
    expect(text).toContain('部门整体支出绩效自评得分95.00分');
  });

  test('short without a reason: a prompt for it', () => {
    const items = ITEMS.map((i) => (i.l3 === '绩效目标合理性' ? { ...i, score: 26 } : i));
    const { text } = draft(book(fromSpec(departmentSpec(items))));
    expect(text).toContain('绩效目标合理性（预算绩效）：分值30.00分，自评得分26.00分，扣4.00分。【请补充：绩效目标合理性扣分原因】');
    expect(text).toContain('为尚未说明扣分原因的1项指标补充扣分原因。');
  });

  test('an item without a score: no total is claimed', () => {
    const items = ITEMS.map((i) => (i.l3 === '预算编制合理性' ? { ...i, score: undefined } : i));
    const { text } = draft(book(fromSpec(departmentSpec(items))));
    expect(text).toContain('有1项适用指标未填写自评得分（预算编制合理性），部门整体总分、换算得分和评价等级无法计算。');
    expect(text).not.toContain('换算为百分制得分');
    expect(text).not.toContain('均得满分');
  });
});

test('bonus and deduction rows, and points lost by the 评分标准 with the rate behind them (the tool\'s calculation, not the unit\'s reason)', () => {
  const spec = departmentSheet('部门整体', '红旗乡人民政府2025年度部门整体支出绩效自评表', {
    base: [['全年预算数', 1000], ['全年执行数', 900], ['政府采购预算数', 100], ['实际政府采购金额', 80]],
    rates: ['预算执行率', '政府采购执行率'],
    indicators: [
      { l1: '预算执行', l2: '预算执行管理', l3: '预算执行率', standard: '执行率×分值', weight: 30 },
      { l1: '预算执行', l2: '预算执行管理', l3: '政府采购执行率', standard: '执行率×分值', weight: 20, score: 16 },
      { l1: '预算绩效', l2: '预算绩效管理', l3: '绩效目标合理性', standard: '明确细化得50分', weight: 50, score: 50 },
      { l1: '加分项', l2: '财政改革创新', l3: '改革创新', standard: '有创新得5分', weight: 5, score: 3 },
      { l1: '扣分项', l2: '存在问题', l3: '审计发现问题', standard: '每个问题扣1分', weight: 5, score: -2, reason: '审计发现2个问题' },
    ],
  });
  const { text, summary } = draft(book(fromSpec(spec)));
  expect(text).toContain('部门整体支出绩效自评得分94.00分（含加分3.00分；已减去扣分项2.00分），换算为百分制得分89.52分，评价等级为“良”。');
  expect(text).toContain('预算执行率（预算执行）：分值30.00分，自评得分27.00分，扣3.00分。按评分标准计算：预算执行率为90.00%，应得27.00分。');
  expect(text).toContain('政府采购执行率（预算执行）：分值20.00分，自评得分16.00分，扣4.00分。按评分标准计算：政府采购执行率为80.00%，应得16.00分。');
  expect(text).not.toContain('原因：按评分标准');
  expect(text).toContain('针对扣分的2项指标和1个扣分项（预算执行率、政府采购执行率、审计发现问题）逐项分析原因，落实整改。');
  expect(text).toContain('扣分项“审计发现问题”：扣2.00分。原因：审计发现2个问题。');
  expect(text).toContain('加分项“改革创新”：加3.00分。');
  const table = summary.document.blocks.find((b) => b.kind === 'table' && b.caption.includes('按一级指标'));
  expect(table?.kind === 'table' && table.rows).toEqual([['预算执行', 50, 43], ['预算绩效', 50, 50], ['加分项', 5, 3], ['扣分项', 0, -2], ['合计', 105, 94]]);
  expect(text).not.toContain('均得满分');
});

test('scores typed otherwise than their 评分标准 gives are said with both figures, under 存在的问题 too', () => {
  const spec = departmentSheet('部门整体', '红旗乡人民政府2025年度部门整体支出绩效自评表', {
    base: [['全年预算数', 1000], ['全年执行数', 900], ['政府采购预算数', 100], ['实际政府采购金额', 75]],
    rates: ['预算执行率', '政府采购执行率'],
    indicators: [
      { l1: '预算执行', l2: '预算执行管理', l3: '预算执行率', standard: '预算执行率≥95%得20分；90%(含)-95%得15分；90%以下不得分', weight: 20, score: 20 },
      { l1: '预算执行', l2: '预算执行管理', l3: '政府采购执行率', standard: '按完成比例计分', weight: 10, score: 7.5 },
      { l1: '预算绩效', l2: '预算绩效管理', l3: '绩效目标合理性', standard: '明确细化得70分', weight: 70, score: 70 },
    ],
  });
  const { text, summary } = draft(book(fromSpec(spec)));
  expect(summary.facts.department!.standardDiffers.map((d) => [d.item.level3, d.expected.toString()])).toEqual([['预算执行率', '15']]);
  expect(text).toContain('部门整体支出绩效自评得分97.50分，换算为百分制得分97.50分，评价等级为“优”。');
  expect(text).toContain('其中1项指标的自评得分与按评分标准计算的结果不一致（见“存在的问题及原因”），以上得分按自评表填写的得分计算。');
  expect(text).toContain('扣分的指标1项，共扣2.50分：');
  expect(text).toContain('另有1项指标的自评得分与评分标准计算结果不一致：预算执行率填写20.00分，按评分标准（预算执行率为90.00%）应为15.00分。');
  expect(text).toContain('2. 1项指标的自评得分与评分标准计算结果不一致：预算执行率填写20.00分，按评分标准（预算执行率为90.00%）应为15.00分。');
  expect(text).toContain('按评分标准复核1项指标的自评得分（预算执行率）。');
});

describe('a stated total that disagrees with its items', () => {
  test('on the department sheet: said plainly, the report keeps the sum', () => {
    const { text } = draft(book(fromSpec(departmentSpec(ITEMS, 94))));
    expect(text).toContain('自评表填写的总分为94.00分，与各项指标得分之和85.00分不一致，本报告以各项指标得分之和为准。');
    expect(text).toContain('部门整体支出绩效自评得分85.00分');
    expect(text).toContain('部门整体绩效自评表填写的总分与各项指标得分之和不一致。');
  });

  test('on a project form', () => {
    const spec = formSheet('自评表', [{
      name: '校园足球', budget: 100, executed: 100, unit: '某中学', statedTotal: 94,
      indicators: [{ l1: '产出指标', l2: '数量指标', l3: '场次', target: '≥10场', actual: '10场', weight: 90 }],
    }], 2025, '教育局');
    const { text } = draft(book(fromSpec(spec)));
    expect(text).toContain('校园足球的自评表填写的总分为94.00分，与各项得分之和100.00分不一致，本报告以各项得分之和为准。');
  });
});

describe('a workbook with projects and a department sheet', () => {
  const { text, summary } = draft(book(
    fromSpec(projectListSheet('项目汇总表', '红旗乡2025年度项目支出绩效自评汇总表', [{ name: '道路养护', budget: 50, executed: 48, achievement: 1, score: 98 }])),
    fromSpec(departmentSpec()),
  ));

  test('gets both parts, the project part inside the department outline', () => {
    const headings = summary.document.blocks.filter((b) => b.kind === 'heading').map((b) => b.kind === 'heading' && b.text);
    expect(headings).toEqual(['一、部门基本情况', '二、部门整体收支情况', '三、部门整体绩效自评情况', '四、项目支出绩效自评情况', '五、存在的问题及原因', '六、下一步改进措施及自评结果应用', '七、绩效信息公开情况']);
    expect(text).toContain('同时对预算项目开展了绩效自评，本次纳入自评的项目共1个，涉及资金50万元。');
    expect(text).toContain('部门整体支出绩效自评得分85.00分');
    expect(text).toContain('1个项目的预算执行率均不低于80%，绩效目标实现程度均达到100%，没有需要说明的偏差。');
  });
});

describe('judgements are the unit\'s: offered as prompts with the facts behind them', () => {
  const indicators = (actual: string) => [
    { l1: '产出指标', l2: '数量指标', l3: '改造户数', target: '≥100户', actual, weight: 50 },
    { l1: '效益指标', l2: '社会效益指标', l3: '群众受益', target: '≥90%', actual: '95%', weight: 40 },
  ];

  test('a target exceeded by 130 % or more: the facts, then a prompt; never "设定偏低" as fact', () => {
    const spec = formSheet('自评表', [{ name: '双代改造', budget: 100, executed: 100, unit: '红旗乡', indicators: indicators('140户') }], 2025, '红旗乡');
    const { text } = draft(book(fromSpec(spec)));
    expect(text).toContain('有1个指标的实际完成值达到年度指标值的130%及以上：双代改造“改造户数”（年度指标值≥100户，实际完成140户，完成率140.00%）。');
    expect(text).toContain('【请补充：上述指标的目标值是否设定偏低及原因。】');
    expect(lines(text, '设定偏低').every((l) => l.includes('【请补充'))).toBe(true);
  });

  test('none exceeded: the fact over what was measured, and no "设定总体合理"', () => {
    const spec = formSheet('自评表', [{ name: '双代改造', budget: 100, executed: 100, unit: '红旗乡', indicators: indicators('105户') }], 2025, '红旗乡');
    const { text } = draft(book(fromSpec(spec)));
    expect(text).toContain('已填写实际完成值的2个定量指标中，没有实际完成值达到年度指标值130%及以上的正向或等值指标。');
    expect(text).toContain('【请补充：对绩效目标设定是否合理的评价。】');
    expect(text).not.toContain('合理。');
    expect(text).not.toContain('总体合理');
  });
});

describe('what no workbook holds: header blanks and one prompt each, in the real reports\' order', () => {
  // The township reports put the evaluation work (一) before the budget (二); the county department
  // report puts the department's revenue and spending before its evaluation.
  test.each([
    ['projects only', list([{ name: '道路养护', budget: 50, executed: 48, achievement: 1, score: 98 }]), ['部门职能与机构', '绩效管理工作开展情况', '收支结构', '自评结果应用情况', '绩效信息公开情况']],
    ['department only', book(fromSpec(departmentSpec())), ['部门职能与机构', '收支结构', '绩效管理工作开展情况', '自评结果应用情况', '绩效信息公开情况']],
  ])('%s', (_, snapshot, order) => {
    const { text, summary } = draft(snapshot);
    const prompts = summary.document.blocks.filter((b) => b.kind === 'placeholder').map((b) => (b.kind === 'placeholder' ? b.text : ''));
    const at = order.map((what) => prompts.findIndex((p) => p.startsWith(`【请补充：${what}`)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const what of order) expect(prompts.filter((p) => p.startsWith(`【请补充：${what}`))).toHaveLength(1);
    expect(prompts.every((p) => !p.includes('\n'))).toBe(true);
    const head = text.split('\n').slice(3, 7);
    expect(head).toEqual([expect.stringMatching(/^单位（盖章）：/), '填报人：', '联系电话：', '填报日期：']);
  });
});

test('a workbook with no table gets no report', () => {
  expect(draftReport(book(sheet('通讯录', [['姓名', '电话'], ['张三', '123']])))).toBeNull();
});

describe('the unit the report names', () => {
  const form = (unit: string) => formSheet('自评表', [{
    name: '校园足球', budget: 100, executed: 100, unit,
    indicators: [{ l1: '产出指标', l2: '数量指标', l3: '场次', target: '≥10场', actual: '10场', weight: 90 }],
  }], 2025, '县教育局');

  test('a form\'s 实施单位, never its 主管部门: with no 实施单位 the unit is asked for', () => {
    expect(draft(book(fromSpec(form('某中学')))).summary.facts.unitName).toBe('某中学');
    const { text, summary } = draft(book(fromSpec(form(''))));
    expect(summary.facts.unitName).toBeNull();
    expect(text.split('\n')[0]).toBe('2025年度【请补充：单位名称】整体绩效自评报告');
    expect(text).not.toContain('县教育局对');
  });

  test('a list whose rows name no unit: the unit its title puts before the year', () => {
    const { text } = draft(list([{ name: '道路养护', budget: 50, executed: 48, achievement: 1, score: 98 }]));
    expect(text.split('\n')[0]).toBe('2025年度红旗乡整体绩效自评报告');
  });
});
