// Project and indicator lists as real files have them (TEMPLATE.md "What real files look like").
import { analyse } from '../../src/engine';
import { applyPlanToSnapshot } from '../../src/gateways/memory';
import { formSheet } from '../../src/samples/layouts';
import { book, fromSpec, issue, planned, sheet, where } from '../support/snapshot';

/**
 * A list that starts at B3 under a title, with a two-row header whose band 项目资金（万元） is merged
 * over C4:E4, full-width brackets, (A)/(B) suffixes, a line break and spaces inside labels, an extra
 * column nobody knows (核对人), a 合计 row and a signature line.
 */
function messyList() {
  return sheet('项目汇总表', [
    [],
    [null, '青山镇2025年度项目支出绩效自评汇总表'],
    [],
    [null, '项 目 名 称', '项目资金（万元）', null, null, '执行率\n（B/A）', '自评得分', '评价等级', '核对人', '备注'],
    [null, null, '年初预算数', '全年预算数（A）', '全年执行数(B)'],
    [null, '乡村振兴衔接资金项目', 1700, 1759.62291, 1672.699499, null, 92.5, null, '李四', null],
    [null, '农村人居环境整治项目', "'100", '1,050.00', '１０００', null, '88.5分', null, '李四', null],
    [null, '防汛物资储备', 12, 12, '—', null, null, null, null, '资金未下达'],
    [null, '综合文化站免费开放', 15, 15, '#DIV/0!', null, 90, null, null, null],
    [null, '合  计', null, 2863.62291, null, null, null, null, null, null],
    [],
    [null, '填表人：王五', null, null, '审核人：赵六'],
  ], { merges: ['B2:J2', 'B4:B5', 'C4:E4', 'F4:F5', 'G4:G5', 'H4:H5', 'I4:I5', 'J4:J5'] });
}

describe('project list', () => {
  test('is found under a title, with a two-row merged header not in row 1 or column A', () => {
    const a = analyse(book(messyList()));
    expect(a.model.lists).toHaveLength(1);
    const list = a.model.lists[0];
    expect(list.headerRow).toBe(3);
    expect(list.columns).toMatchObject({ name: 1, initialBudget: 2, budget: 3, executed: 4, executionRate: 5, score: 6, grade: 7, note: 9 });
    expect(list.rows.map((r) => r.name)).toEqual(['乡村振兴衔接资金项目', '农村人居环境整治项目', '防汛物资储备', '综合文化站免费开放']);
    expect(list.totalRow).toBe(9);
  });

  test('reads numbers stored as text, thousands separators, full-width digits and a trailing 分', () => {
    const a = analyse(book(messyList()));
    const p = a.model.projects.find((x) => x.name === '农村人居环境整治项目')!;
    expect([p.initialBudget?.toString(), p.budget?.toString(), p.executed?.toString(), p.score?.toString()]).toEqual(['100', '1050', '1000', '88.5']);
    expect(planned(a, '项目汇总表!F7')).toBe(0.9524);
  });

  test('writes the rate and grade of each project and nothing in columns it does not own', () => {
    const a = analyse(book(messyList()));
    expect(planned(a, '项目汇总表!F6')).toBe(0.9506);
    expect(planned(a, '项目汇总表!H6')).toBe('优');
    expect(planned(a, '项目汇总表!H7')).toBe('良');
    const columns = new Set(a.plan.writes.map((w) => w.cell.replace(/\d+/g, '')));
    expect([...columns].sort()).toEqual(['F', 'H']);
  });

  test('a placeholder, an error value and a wrong total each get a message at their cell', () => {
    const a = analyse(book(messyList()));
    expect(issue(a, 'exec.executed-missing', '项目汇总表!E8').message).toBe('项目“防汛物资储备”：全年执行数未填写，无法计算执行率；如全年未支出，请填0。');
    expect(issue(a, 'cell.error-value', '项目汇总表!E9').message).toBe('项目“综合文化站免费开放”：“全年执行数”为错误值 #DIV/0!；请修正公式或改填数值。');
    expect(issue(a, 'list-total.mismatch', '项目汇总表!D10').message).toBe('合计行“全年预算数”为2863.62291，各项目之和为2836.62291；请核对合计或各项目金额。');
  });

  test('the 合计 row is a total, not a project, and gets its own rate once every row has its amounts', () => {
    const snap = messyList();
    snap.values[9][3] = 2836.62291;
    snap.values[9][4] = 2672.699499;
    const a = analyse(book(snap));
    expect(a.model.projects.map((p) => p.name)).not.toContain('合计');
    // '—' and #DIV/0! are not 0: no rate over all projects.
    expect(planned(a, '项目汇总表!F10')).toBeUndefined();
    snap.values[7][4] = 0;
    snap.values[8][4] = 15;
    snap.values[9][4] = 2687.699499;
    expect(planned(analyse(book(snap)), '项目汇总表!F10')).toBe(0.9475);
  });

  test('a repeated name is a warning naming both rows; both rows stay projects', () => {
    const snap = messyList();
    snap.values[8][1] = '乡村振兴衔接资金项目';
    const a = analyse(book(snap));
    expect(issue(a, 'project.duplicate', '项目汇总表!B9')).toMatchObject({
      severity: 'warning',
      message: '项目“乡村振兴衔接资金项目”在 项目汇总表!B6 和 项目汇总表!B9 各有一行，按两个项目分别计算；如是同一项目重复填报，请删除其中一行。',
    });
    expect(a.model.projects.map((p) => `${p.name}@${p.nameCell.row + 1}`)).toEqual(['乡村振兴衔接资金项目@6', '农村人居环境整治项目@7', '防汛物资储备@8', '乡村振兴衔接资金项目@9']);
  });

  test('a text-only list (序号 · 项目名称 · 绩效目标 · 实现情况) is recognised', () => {
    const a = analyse(book(sheet('Sheet1', [
      ['序号', '项目名称', '绩效目标', '实现情况'],
      [1, '道路硬化', '硬化道路5800平方米', '已完成'],
      [2, '防汛物资储备', '储备防汛物资一批', '资金未下达，未实施'],
    ])));
    expect(a.model.projects.map((p) => [p.name, p.outcome])).toEqual([['道路硬化', '已完成'], ['防汛物资储备', '资金未下达，未实施']]);
    expect(a.plan.writes).toEqual([]);
  });

  test('classified rows are counted but their text is not analysed', () => {
    const a = analyse(book(sheet('汇总', [
      ['项目名称', '全年预算数', '全年执行数', '自评得分'],
      ['维稳专项经费（涉密）', 50, 48, 95],
      ['涉密', 10, 10, 90],
    ])));
    expect(a.model.projects.map((p) => p.classified)).toEqual([true, true]);
    expect(a.model.projects).toHaveLength(2);
  });
});

function indicatorList() {
  return sheet('绩效指标表', [
    ['2025年度项目绩效指标完成情况表'],
    ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', '填报说明'],
    ['东村道路硬化工程', '产出指标', '数量指标', '道路硬化面积', '≥5000平方米', '5800平方米', 20, null, null, '自填'],
    [null, null, '质量指标', '工程验收合格率', '=100%', '100%', 15, null, null, null],
    [null, null, '时效指标', '按期完工率', '＝100％', '100%', 10, null, null, null],
    [null, null, '成本指标', '工程造价', '≤80万元', '800000元', 5, null, null, null],
    [null, '效益指标', '社会效益指标', '群众出行条件', '明显改善', '效果明显', 30, 30, null, null],
    [null, '满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥90%', '86%', 10, null, '部分路段排水不畅，已安排整改', null],
    ['秸杆禁烧', '产出指标', '数量指标', '秸秆综合利用率', '≥90%', '93%', 90, null, null, null],
  ], { merges: ['A1:J1', 'A3:A8', 'B3:B6'] });
}

function projectList() {
  return sheet('项目汇总表', [
    ['项目名称', '全年预算数', '全年执行数', '执行率', '自评得分', '评价等级', '绩效目标实现程度'],
    ['东村道路硬化工程', 80, 78, null, null, null, null],
  ]);
}

test('a title line "单位名称：" left blank above the header is not the header: the amounts under the band are read', () => {
  const list = sheet('项目汇总表', [
    ['项目支出绩效自评汇总表'],
    ['单位名称：', null, null, null, null, null, null, null, '单位：万元'],
    ['序号', '项目名称', '项目资金（万元）', null, null, '执行率（B/A）', '自评得分', '评价等级'],
    [null, null, '年初预算数', '全年预算数（A）', '全年执行数（B）'],
    [1, '东村道路硬化工程', 80, 80, 72, null, 90],
  ], { merges: ['A3:A4', 'B3:B4', 'C3:E3', 'F3:F4', 'G3:G4', 'H3:H4'] });
  const { model } = analyse(book(list));
  expect(model.lists[0].headerRow).toBe(2);
  expect(model.lists[0].rows.map((r) => [r.name, r.budget?.value?.toNumber(), r.executed?.value?.toNumber()])).toEqual([['东村道路硬化工程', 80, 72]]);
});

describe('indicator list', () => {
  test('项目名称 and 一级指标 merged down are inherited by the rows below', () => {
    const a = analyse(book(indicatorList()));
    const road = a.model.indicators.filter((i) => i.project === '东村道路硬化工程');
    expect(road.map((i) => i.level1)).toEqual(['产出指标', '产出指标', '产出指标', '产出指标', '效益指标', '满意度指标']);
    expect(road.map((i) => i.level2)).toEqual(['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '服务对象满意度指标']);
  });

  test('scores are written to the 得分 column, converting 元 to 万元 and full-width ＝100％', () => {
    const a = analyse(book(indicatorList()));
    expect(['H3', 'H4', 'H5', 'H6', 'H8'].map((c) => planned(a, `绩效指标表!${c}`))).toEqual([20, 15, 10, 5, 9.56]);
    expect(planned(a, '绩效指标表!H7')).toBeUndefined(); // typed qualitative score, in its band
  });

  test('the project list takes its score, grade and goal achievement from the indicators', () => {
    const a = analyse(book(projectList(), indicatorList()));
    // execution 78 ÷ 80 = 97.50 % → 9.75; indicators 20 + 15 + 10 + 5 + 30 + 9.56 = 89.56
    expect(planned(a, '项目汇总表!D2')).toBe(0.975);
    expect(planned(a, '项目汇总表!E2')).toBe(99.31);
    expect(planned(a, '项目汇总表!F2')).toBe('优');
    expect(planned(a, '项目汇总表!G2')).toBe(0.9951);
    const road = a.model.projects.find((p) => p.name === '东村道路硬化工程')!;
    expect(road.indicators).toHaveLength(6);
  });

  test('indicators of a project the list does not have are a warning at their 项目名称', () => {
    const a = analyse(book(projectList(), indicatorList()));
    expect(issue(a, 'indicator.unknown-project', '绩效指标表!A9').message).toBe('指标所属项目“秸杆禁烧”不在项目汇总表中；请核对项目名称是否与汇总表一致。');
  });

  test('the re-run on its own result changes nothing', () => {
    const snap = book(projectList(), indicatorList());
    const filled = applyPlanToSnapshot(snap, analyse(snap).plan);
    expect(analyse(filled).plan.writes).toEqual([]);
  });

  test('a missing 实际完成值 column is named', () => {
    const a = analyse(book(sheet('指标', [
      ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '分值', '得分'],
      ['甲', '产出指标', '数量指标', '户数', '≥5户', 90, null],
    ])));
    expect(issue(a, 'table.missing-column', '指标!D1').message).toBe('绩效指标表缺少“实际完成值”列，相关检查和计算无法进行；请在表头补上该列。');
  });

  test('a 计算符号 column supplies the operator and 计量单位 the unit', () => {
    const a = analyse(book(sheet('指标', [
      ['项目名称', '一级指标', '二级指标', '三级指标', '计算符号', '年度指标值', '计量单位', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['甲', '产出指标', '时效指标', '维修响应时间', '≤', 48, '小时', 60, 10, null, '山区路远'],
    ])));
    expect(planned(a, '指标!J2')).toBe(8); // reverse, ratio: 48 ÷ 60 × 10
  });
});

describe('workbooks the engine cannot use', () => {
  test('no recognisable table is one clear error', () => {
    const a = analyse(book(sheet('Sheet1', [['姓名', '电话'], ['张三', '123']])));
    expect(a.issues).toEqual([expect.objectContaining({ rule: 'workbook.no-table', severity: 'error', sheet: 'Sheet1', cell: 'A1' })]);
  });

  test('the message names the department table and its headers too (a 分值 column renamed 权重分 is not one)', () => {
    const a = analyse(book(sheet('部门整体', [['一级指标', '二级指标', '三级指标', '评分标准', '权重分', '自评得分'], ['预算执行', '预算执行管理', '预算执行率', '执行率×20', 20, 18]])));
    expect(issue(a, 'workbook.no-table', '部门整体!A1').message).toBe('未识别到项目汇总表、绩效指标表、项目支出绩效自评表或部门整体绩效自评表。请确认表头含“项目名称”“三级指标”“年度指标值”“分值”等列名；部门整体绩效自评表的表头应含“三级指标”“评分标准”“分值”“自评得分”。');
  });

  test('an empty workbook does not throw', () => {
    expect(analyse({ sheets: [] }).issues.map((i) => i.rule)).toEqual(['workbook.no-table']);
  });

  test('a list without errors fills its rate; its blank score is the only warning', () => {
    const a = analyse(book(projectList()));
    expect(where(a, 'cell.not-number')).toEqual([]);
    expect(a.issues.map((i) => i.rule)).toEqual(['project.score-missing']);
    expect(planned(a, '项目汇总表!D2')).toBe(0.975);
  });
});

test('amounts typed as text are read as meant, each said at its cell: the workbook\'s own SUM skips them', () => {
  const a = analyse(book(sheet('项目汇总表', [
    ['项目名称', '全年预算数', '全年执行数', '执行率'],
    ['道路维修', '１２０', '１１０.５', null],
    ['垃圾清运', '50万元', 45, null],
    ['路灯改造', 1234.5, 1000, null],
  ])));
  expect(where(a, 'cell.text-number')).toEqual(['项目汇总表!B2', '项目汇总表!C2', '项目汇总表!B3']);
  expect(issue(a, 'cell.text-number', '项目汇总表!B3').message).toBe('项目“垃圾清运”：“全年预算数”是文本“50万元”，已按50万元读取；Excel 和 WPS 的求和等公式不计入文本，请改为数字。');
  expect(issue(a, 'cell.text-number', '项目汇总表!B3').severity).toBe('info');
  expect(planned(a, '项目汇总表!D2')).toBe(0.9208);
});

describe('绩效目标实现程度 as typed: plain percents are percents, never 6000 %', () => {
  // A published layout: 12月底绩效目标实现程度（%） with 100 / 60 and a text '45'.
  const published = (values: Array<number | string>, extra = {}) => book(sheet('汇总', [
    ['部门名称', '项目名称', '资金数额（万元）', '12月底绩效目标实现程度（%）', '自评得分'],
    ...values.map((v, i) => ['某镇', `项目${i + 1}`, 10, v, 90]),
  ], extra));

  test('100 / 60 / \'45\' are 100 %, 60 %, 45 %, said once at the first cell read so', () => {
    const a = analyse(published([100, 60, '45']));
    expect(a.model.projects.map((p) => p.achievement?.toString())).toEqual(['1', '0.6', '0.45']);
    expect(where(a, 'percent.column')).toEqual(['汇总!D2']);
    expect(issue(a, 'percent.column', '汇总!D2')).toMatchObject({
      severity: 'info', message: '项目“项目1”：“绩效目标实现程度”列的数字按百分数读取（此处100即100%）；如填的是小数比例，请改填百分数。',
    });
  });

  test('fractions (0.6, 1) stay fractions; \'45%\' is 45 % in either column', () => {
    const a = analyse(published([1, 0.6, '45%']));
    expect(a.model.projects.map((p) => p.achievement?.toString())).toEqual(['1', '0.6', '0.45']);
    expect(where(a, 'percent.column')).toEqual([]);
  });

  test('a small number among plain percents is read as one too, with a warning at its cell', () => {
    const a = analyse(published([60, 1]));
    expect(a.model.projects.map((p) => p.achievement?.toString())).toEqual(['0.6', '0.01']);
    expect(issue(a, 'percent.ambiguous', '汇总!D3').message).toBe('项目“项目2”：“绩效目标实现程度”列的数字按百分数读取，此处1即1%；如指100%，请改填100。');
  });

  test('a cell the file formats as a percent holds its fraction, whatever the column', () => {
    const a = analyse(published([0.6, 60, 0.45], { percents: ['D2', 'D4'] }));
    expect(a.model.projects.map((p) => p.achievement?.toString())).toEqual(['0.6', '0.6', '0.45']);
    expect(where(a, 'percent.column')).toEqual(['汇总!D3']);
    expect(where(a, 'percent.ambiguous')).toEqual([]);
  });
});

describe('no score or grade over inputs with errors', () => {
  const workbook = (weights: number[], score: number | string | null = null) => book(
    sheet('项目汇总表', [['序号', '项目名称', '全年预算数', '全年执行数', '执行率', '自评得分', '评价等级'], [1, '甲项目', 100, 100, null, null, null]]),
    sheet('绩效指标表', [
      ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['甲项目', '产出指标', '数量指标', 'a', '≥10个', '10个', weights[0], null, null],
      [null, '效益指标', '社会效益指标', 'b', '明显改善', '达成年度指标', weights[1], score, null],
      [null, '满意度指标', '满意度', 'c', '≥90%', '95%', weights[2], null, null],
    ]),
  );

  test('weights adding up to 150: no 150.00 and no 优; the score cell says why', () => {
    const a = analyse(workbook([60, 60, 20]));
    expect([planned(a, '项目汇总表!F2'), planned(a, '项目汇总表!G2')]).toEqual([undefined, undefined]);
    expect(a.model.projects[0].score).toBeNull();
    expect(issue(a, 'total.not-filled', '项目汇总表!F2').message).toBe('项目“甲项目”：有错误未修正，未回填自评得分和评价等级：各项分值合计不是100分；修正后再回填。');
    // The indicator scores the rules give are still written.
    expect(planned(a, '绩效指标表!H2')).toBe(60);
  });

  test('a qualitative score above its 分值, or text where a score belongs: nothing is written over it or on top of it', () => {
    const above = analyse(workbook([50, 30, 10], 35));
    expect(where(above, 'score.above-weight')).toEqual(['绩效指标表!H3']);
    expect(issue(above, 'total.not-filled', '项目汇总表!F2').message).toBe('项目“甲项目”：有错误未修正，未回填自评得分和评价等级：绩效指标表!H3的分值或得分有误；修正后再回填。');
    expect(planned(above, '项目汇总表!F2')).toBeUndefined();
    const text = analyse(workbook([50, 30, 10], '良好'));
    expect(where(text, 'cell.not-number')).toEqual(['绩效指标表!H3']);
    expect(planned(text, '绩效指标表!H3')).toBeUndefined(); // no suggested 30 over the unit's text
    expect(where(text, 'total.not-filled')).toEqual(['项目汇总表!F2']);
  });

  test('an unreadable 分值 gets its one message, not a second "未填写分值"', () => {
    const a = analyse(workbook(['#DIV/0!' as unknown as number, 30, 10]));
    expect(a.issues.filter((i) => i.cell === 'G2').map((i) => [i.rule, i.message])).toEqual([
      ['cell.error-value', '项目“甲项目”：“分值”为错误值 #DIV/0!；请修正公式或改填数值。'],
    ]);
    expect(where(a, 'total.not-filled')).toEqual(['项目汇总表!F2']);
  });
});

describe('a score cell that keeps the unit\'s formula', () => {
  const workbook = (result: number) => book(
    sheet('项目汇总表', [['序号', '项目名称', '全年预算数', '全年执行数', '执行率', '自评得分', '评价等级'], [1, '甲项目', 100, 76.245, null, null, null]]),
    sheet('绩效指标表', [
      ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['甲项目', '产出指标', '数量指标', 'a', '≥10个', '10个', 50, result, 'x'],
      [null, '效益指标', '社会效益指标', 'b', '≥10个', '10个', 30, null, null],
      [null, '满意度指标', '满意度', 'c', '≥90%', '95%', 10, null, null],
    ], { formulas: { H2: result === 50 ? '=G2' : '=G2*0.9' } }),
  );

  test('showing 45 where the rules give 50: kept, and no 自评得分 is built on 50 beside it', () => {
    const a = analyse(workbook(45));
    expect(where(a, 'formula.differs')).toEqual(['绩效指标表!H2']);
    expect([planned(a, '项目汇总表!F2'), planned(a, '项目汇总表!G2')]).toEqual([undefined, undefined]);
    expect(a.model.projects[0].score).toBeNull();
    expect(issue(a, 'total.formula-differs', '项目汇总表!F2').message).toBe('项目“甲项目”：绩效指标表!H2保留了单位的公式，其结果与按规则计算的得分不一致或无法核对，未回填自评得分和评价等级；请核对公式后再回填。');
  });

  test('showing what the rules give: the total is written as before (7.62 + 50 + 30 + 10)', () => {
    const a = analyse(workbook(50));
    expect(planned(a, '项目汇总表!F2')).toBe(97.62);
    expect(where(a, 'total.formula-differs')).toEqual([]);
  });
});

describe('the 合计 row\'s execution rate', () => {
  const list = (executed: Array<number | string | null>) => book(sheet('项目汇总表', [
    ['序号', '项目名称', '全年预算数', '全年执行数', '执行率', '自评得分', '评价等级'],
    ...executed.map((e, i) => [i + 1, ['甲', '乙', '丙'][i], 100, e, null, 95, null]),
    ['合计', null, null, null, null, null, null],
  ]));

  test('is written over all projects when every row has both amounts', () => {
    expect(planned(analyse(list([90, 80, 100])), '项目汇总表!E5')).toBe(0.9);
  });

  test('is not written when a row lacks its executed amount (never as 0): an info message says why', () => {
    const a = analyse(list([90, null, '待定']));
    expect(planned(a, '项目汇总表!E5')).toBeUndefined();
    expect(issue(a, 'list-total.rate-partial', '项目汇总表!E5')).toMatchObject({
      severity: 'info', message: '合计行的执行率未回填：2个项目（乙、丙）的全年预算数或全年执行数未填写或无法读取，无法按全部项目计算执行率。',
    });
    expect(planned(a, '项目汇总表!E2')).toBe(0.9);
  });
});

describe('a typed 自评得分 or 评价等级 the indicators do not give', () => {
  const workbook = () => book(
    sheet('项目汇总表', [
      ['序号', '项目名称', '全年预算数', '全年执行数', '执行率', '绩效目标实现程度', '自评得分', '评价等级'],
      [1, '甲项目', 100, 100, null, null, 85, '良'],
    ]),
    sheet('绩效指标表', [
      ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['甲项目', '产出指标', '数量指标', 'a', '≥10个', '10个', 50, null, null],
      [null, '效益指标', '社会效益指标', 'b', '≥10个', '10个', 30, null, null],
      [null, '满意度指标', '满意度', 'c', '≥90%', '95%', 10, null, null],
    ]),
  );

  test('are said at their cells with both values before filling writes 100 and 优', () => {
    const a = analyse(workbook());
    expect(issue(a, 'project.score-differs', '项目汇总表!G2')).toMatchObject({
      severity: 'error', message: '项目“甲项目”：自评得分填写为85，按该项目的指标得分应为100；回填时改为100。',
    });
    expect(issue(a, 'grade.differs', '项目汇总表!H2')).toMatchObject({
      severity: 'warning', message: '项目“甲项目”：评价等级填写为“良”，按得分100应为“优”；回填时改为“优”。',
    });
    expect([planned(a, '项目汇总表!G2'), planned(a, '项目汇总表!H2')]).toEqual([100, '优']);
  });

  test('a list missing a column says so in English with the table\'s English name', () => {
    const a = analyse(book(sheet('汇总', [['项目名称', '全年执行数', '自评得分'], ['甲', 90, 95]])), { lang: 'en' });
    expect(issue(a, 'table.missing-column', '汇总!A1').message).toBe('The project list has no "全年预算数" column, so its checks and computations cannot run; add the column to the header.');
  });

  test('in English too', () => {
    const a = analyse(workbook(), { lang: 'en' });
    expect(issue(a, 'project.score-differs', '项目汇总表!G2').message).toBe('Project "甲项目": The score is written as 85, but the project\'s indicator scores give 100; filling writes 100.');
  });
});

describe('same-name rows are separate projects', () => {
  // A township list of 52 rows where three funds are listed twice (two allocations, different targets).
  const names = Array.from({ length: 49 }, (_, i) => `项目${String(i + 1).padStart(2, '0')}`);
  const rows = [...names];
  rows.splice(10, 0, '项目03');
  rows.splice(30, 0, '项目20');
  rows.splice(51, 0, '项目45');
  const list = () => sheet('汇总', [
    ['序号', '项目名称', '全年预算数', '全年执行数', '自评得分'],
    ...rows.map((name, i) => [i + 1, name, 10 + i, 10 + i, 90]),
  ]);

  test('52 rows are 52 projects; each repeated name is one warning naming both rows', () => {
    const a = analyse(book(list()));
    expect(rows).toHaveLength(52);
    expect(a.model.projects).toHaveLength(52);
    expect(a.issues.filter((i) => i.rule === 'project.duplicate').map((i) => [i.severity, i.cell, i.message])).toEqual([
      ['warning', 'B12', '项目“项目03”在 汇总!B4 和 汇总!B12 各有一行，按两个项目分别计算；如是同一项目重复填报，请删除其中一行。'],
      ['warning', 'B32', '项目“项目20”在 汇总!B22 和 汇总!B32 各有一行，按两个项目分别计算；如是同一项目重复填报，请删除其中一行。'],
      ['warning', 'B53', '项目“项目45”在 汇总!B48 和 汇总!B53 各有一行，按两个项目分别计算；如是同一项目重复填报，请删除其中一行。'],
    ]);
    expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Each row keeps its own amounts and its own rate.
    const twice = a.model.projects.filter((p) => p.name === '项目03');
    expect(twice.map((p) => [p.nameCell.row + 1, p.budget?.toString()])).toEqual([[4, '12'], [12, '20']]);
  });

  test('two indicator groups of one name go to the two rows in order, each scored on its own', () => {
    const a = analyse(book(
      sheet('汇总', [
        ['项目名称', '全年预算数', '全年执行数', '自评得分'],
        ['村级公益事业奖补', 50, 50, null],
        ['村级公益事业奖补', 30, 24, null],
      ]),
      sheet('指标', [
        ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
        ['村级公益事业奖补', '产出指标', '数量指标', '奖补村数', '≥10个', '10个', 60, null, ''],
        [null, '效益指标', '社会效益指标', '村容村貌', '明显改善', '达成年度指标', 30, 30, ''],
        ['村级公益事业奖补', '产出指标', '数量指标', '奖补村数', '≥6个', '3个', 60, null, '两村未完工'],
        [null, '效益指标', '社会效益指标', '村容村貌', '明显改善', '部分达成年度指标并具有一定效果', 30, 20, '两村未完工'],
      ], { merges: ['A2:A3', 'A4:A5'] }),
    ));
    const [first, second] = a.model.projects;
    expect([first.indicators.map((i) => i.row + 1), second.indicators.map((i) => i.row + 1)]).toEqual([[2, 3], [4, 5]]);
    // 10 + 60 + 30; 8 (24 of 30) + 30 (3 of 6 × 60) + 20
    expect([first.score?.toString(), second.score?.toString()]).toEqual(['100', '58']);
  });

  test('two rows of one name and one indicator group: both rows say which got the indicators', () => {
    const a = analyse(book(
      sheet('项目汇总表', [['序号', '项目名称', '全年预算数', '全年执行数', '自评得分'], [1, '甲项目', 100, 100, null], [2, '甲项目', 50, 25, null]]),
      sheet('绩效指标表', [
        ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
        ['甲项目', '产出指标', '数量指标', 'a', '≥10个', '10个', 90, null, null],
      ]),
    ));
    expect(where(a, 'indicator.shared-name')).toEqual(['项目汇总表!B2', '项目汇总表!B3']);
    expect(issue(a, 'indicator.shared-name', '项目汇总表!B2').message).toBe('项目汇总表有2行“甲项目”，绩效指标表中该名称的指标只有1组，已按顺序归入 项目汇总表!B2（即此行）；如指标属于另一行，请在绩效指标表中把项目名称写得能区分各行。');
    expect(issue(a, 'indicator.shared-name', '项目汇总表!B3').message).toBe('项目汇总表有2行“甲项目”，绩效指标表中该名称的指标只有1组，已按顺序归入 项目汇总表!B2，此行没有指标，也未计算自评得分；如指标属于另一行，请在绩效指标表中把项目名称写得能区分各行。');
    // Not the misleading "工作簿中没有该项目的指标".
    expect(where(a, 'project.score-missing')).toEqual([]);
  });

  test('a name written on every row of its group is one group, not one per row', () => {
    const a = analyse(book(sheet('指标', [
      ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['道路养护', '产出指标', '数量指标', '养护里程', '≥10公里', '10公里', 60, null, ''],
      ['道路养护', '效益指标', '社会效益指标', '通行条件', '明显改善', '达成年度指标', 30, 30, ''],
    ])));
    expect(a.model.projects.map((p) => [p.name, p.indicators.length])).toEqual([['道路养护', 2]]);
    expect(where(a, 'project.duplicate')).toEqual([]);
  });

  test('forms of one name go to the rows with their 全年预算数', () => {
    const spec = formSheet('自评表', [
      { name: '高标准农田建设', budget: 30, executed: 24, indicators: [{ l1: '产出指标', l2: '数量指标', l3: '亩数', target: '≥600亩', actual: '600亩', weight: 90 }] },
      { name: '高标准农田建设', budget: 50, executed: 50, indicators: [{ l1: '产出指标', l2: '数量指标', l3: '亩数', target: '≥1000亩', actual: '1000亩', weight: 90 }] },
    ], 2025, '农业办');
    const a = analyse(book(
      sheet('汇总', [['项目名称', '全年预算数', '全年执行数', '自评得分'], ['高标准农田建设', 50, 50, null], ['高标准农田建设', 30, 24, null]]),
      fromSpec(spec),
    ));
    expect(a.model.projects.map((p) => [p.budget?.toString(), p.form?.nameCell.row, p.score?.toString()])).toEqual([['50', 20, '100'], ['30', 3, '98']]);
    expect(where(a, 'project.amount-mismatch')).toEqual([]);
    expect(where(a, 'project.duplicate')).toEqual(['汇总!A3', '自评表!C21']);
  });
});

describe('a list without 执行数 (资金数额 · 实现程度 · 自评得分)', () => {
  const published = () => sheet('汇总', [
    ['序号', '项目名称', '资金数额', '实现程度', '自评得分'],
    [1, '道路硬化', 120.5, '100%', 95],
    [2, '人居环境整治', 80, '90%', 88],
  ]);

  test('is recognised without an error; its amounts are budgets, executed stays null', () => {
    const a = analyse(book(published()));
    expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issue(a, 'list.no-executed', '汇总!B1').severity).toBe('info');
    expect(a.model.projects.map((p) => [p.budget?.toString(), p.executed, p.executionRate, p.achievement?.toString(), p.grade])).toEqual([
      ['120.5', null, null, '1', '优'], ['80', null, null, '0.9', '良'],
    ]);
  });
});

test('a row issue names its project: 预算执行率为70.17% says which', () => {
  const a = analyse(book(sheet('汇总', [
    ['项目名称', '全年预算数', '全年执行数', '执行率', '自评得分'],
    ['农村饮水安全巩固提升', 100, 70.17, null, 85],
  ])));
  expect(issue(a, 'exec.low', '汇总!D2').message).toBe('项目“农村饮水安全巩固提升”：预算执行率为70.17%，超过20%的预算未执行；请说明原因，并在整改措施中写明如何加快执行进度。');
  const classified = analyse(book(sheet('汇总', [['项目名称', '全年预算数', '全年执行数', '执行率', '自评得分'], ['维稳经费（涉密）', 100, 70.17, null, 85]])));
  expect(issue(classified, 'exec.low', '汇总!D2').message).toMatch(/^涉密项目：预算执行率为70.17%/);
});
