// The summary report: every figure in its text is the engine's figure; short projects are named with
// their reasons; text copied from cells stays text.
import { analyse, draftReport, reportText, type SummaryOptions, type WorkbookSnapshot } from '../../src/engine';
import { formatPercent } from '../../src/engine/decimal';
import { formSheet, indicatorListSheet, projectListSheet, type ProjectSpec } from '../../src/samples/layouts';
import { sampleSheets } from '../../src/samples/township';
import { book, fromSpec, sheet } from '../support/snapshot';

function report(snapshot: WorkbookSnapshot, options: SummaryOptions = {}) {
  const summary = draftReport(snapshot, options)!;
  return { analysis: analyse(snapshot), summary, text: reportText(summary.document) };
}

const sample = () => book(...sampleSheets().map((s) => fromSpec(s)));

describe('figures come from the workbook', () => {
  const { analysis, summary, text } = report(sample());

  test('title from the workbook: year from the titles, unit from the forms', () => {
    expect(summary.document.title).toBe('2025年度青山镇人民政府整体绩效自评报告');
  });

  test('count, total funds at the precision entered, executed amount and rate', () => {
    const projects = analysis.model.projects;
    expect(projects).toHaveLength(12);
    const facts = summary.facts.projects!;
    // 集镇污水管网建设 is only in the indicator list: no budget. 综合文化站免费开放's 执行数 is text (待定).
    expect([facts.budget.sum.toString(), facts.budget.count]).toEqual(['3296.42291', 11]);
    expect([facts.executed.sum.toString(), facts.executed.count]).toEqual(['3065.373499', 10]);
    expect(text).toContain('本次纳入自评的项目共12个（其中涉密项目1个），涉及资金3296.42291万元（另有1个项目未填写全年预算数），设置绩效指标50个。');
    expect(text).toContain('填写了全年预算数和执行数的10个项目，全年预算数合计3281.42291万元，执行数合计3065.373499万元，预算执行率为93.42%；另有2个项目（综合文化站免费开放、集镇污水管网建设）的全年预算数或执行数缺失（未填写、无法读取或预算数为0），未计入预算执行率。');
    expect(formatPercent(facts.execution.rate!)).toBe('93.42%');
  });

  test('projects by goal-achievement band, with their funds; not started by its note', () => {
    const bands = Object.fromEntries(summary.facts.projects!.bands.map((b) => [b.band, [b.projects.length, b.funds.toString()]]));
    // 集镇污水管网建设's indicators are all met: 100 % by the engine's rule, though the list does not hold it.
    // 村级组织运转经费 scores a 达成 indicator below its band (an error): its indicators give no achievement.
    expect(bands).toEqual({
      full: [5, '843'], high: [3, '2139.62291'], mid: [0, '0'], low: [0, '0'], notStarted: [1, '12'], unknown: [3, '301.8'],
    });
    expect(text).toContain('纳入自评的12个项目中，绩效目标实现程度达到100%的5个，涉及资金843万元（1个项目未填写全年预算数）；在50%（含）至100%之间的3个，涉及资金2139.62291万元；');
    expect(text).toContain('未实施的项目1个（防汛物资储备），涉及资金12万元。另有3个项目（村级组织运转经费、综合文化站免费开放、涉密项目1个）未填写绩效目标实现程度，未计入以上统计。');
  });

  test('average and fund-weighted average scores and grade counts equal the projects\' scores', () => {
    const scored = analysis.model.projects.filter((p) => p.score !== null);
    const mean = scored.reduce((s, p) => s + p.score!.toNumber(), 0) / scored.length;
    expect(summary.facts.projects!.averageScore!.toNumber()).toBeCloseTo(mean, 2);
    // No total over 大气污染综合治理's weights of 95 or 村级组织运转经费's score outside its band.
    expect(scored.length).toBe(7);
    expect(text).toContain('已得出自评得分的7个项目平均得分96.53分，按资金加权平均得分95.41分。其中评价等级为“优”的7个、“良”的0个、“中”的0个、“差”的0个。另有5个项目尚无自评得分。');
  });

  test('the project table holds each open project with its figures, and no classified one', () => {
    const table = summary.document.blocks.find((b) => b.kind === 'table' && b.caption === '项目自评结果');
    expect(table?.kind === 'table' && table.rows.find((r) => r[1] === '乡村振兴衔接资金项目')).toEqual(['青山镇人民政府', '乡村振兴衔接资金项目', 1759.62291, 0.9481, 94.84, '优']);
    expect(table?.kind === 'table' && table.rows.some((r) => String(r[1]).includes('涉密'))).toBe(false);
    expect(text).not.toContain('维稳专项经费');
    expect(text).toContain('另有涉密项目1个，按规定不在报告中列示。');
  });

  test('every short project or indicator is named with its figures and the reason written, or a prompt for it', () => {
    expect(text).toContain('1. 项目偏差。预算执行率低于80%的项目1个，绩效目标未完全实现的项目3个，未实施的项目1个（一个项目可兼有几种情况）：');
    expect(text).toContain('高标准农田建设：全年预算数300万元，执行数210.5万元，预算执行率70.17%，绩效目标实现程度99.38%，自评得分96.46分。原因：受汛期影响，部分工程款顺延至次年支付。');
    expect(text).toContain('防汛物资储备：全年预算数12万元，项目未实施，执行数0万元。原因：资金未下达，项目未实施。');
    expect(text).toContain('乡村振兴衔接资金项目：全年预算数1759.62291万元，绩效目标实现程度94.81%，自评得分94.84分。【请补充：乡村振兴衔接资金项目偏差原因】');
    expect(text).toContain('乡村振兴衔接资金项目（资金1759.62291万元）“带动脱贫人口就业”：年度指标值≥120人，实际完成100人，得分8.33分（分值10.00分）。【请补充：乡村振兴衔接资金项目“带动脱贫人口就业”偏差原因】');
    expect(text).toContain('高标准农田建设（资金300万元）“当年完工率”：年度指标值≥90%，实际完成85%，得分9.44分（分值10.00分）。原因：受汛期影响，部分田间道路工程顺延至次年春季完工；已督促施工单位倒排工期。');
    // 基层组织正常运转 is 达成年度指标 scored 20, below its band [24, 30]: a scoring error said at its cell, not a shortfall.
    expect(summary.facts.projects!.shortIndicators.map((s) => s.indicator.level3)).toEqual(['带动脱贫人口就业', '帮扶机制长效运行', '群众出行条件', '当年完工率']);
    expect(text).toContain('以下项目数据不全，无法判断是否存在偏差：全年预算数未填写或无法读取的1个（集镇污水管网建设）；执行数未填写或无法读取的2个（综合文化站免费开放、集镇污水管网建设）；');
    expect(text).not.toContain('没有需要说明的偏差');
  });

  test('a total the unit typed that disagrees with its items is said, with the sum the report keeps', () => {
    expect(text).toContain('农村人居环境整治项目的自评表填写的总分为94.00分，与各项得分之和99.39分不一致，本报告以各项得分之和为准。');
  });

  test('targets over-achieved by 30 % or more (a prompt, not a verdict), indicator mix and missing cost indicators', () => {
    expect(text).toContain('有1个指标的实际完成值达到年度指标值的130%及以上：大气污染综合治理（双代改造）“双代改造户数”（年度指标值≥4500户，实际完成5950户，完成率132.22%）。');
    expect(text).toContain('【请补充：上述指标的目标值是否设定偏低及原因。】');
    expect(text).toContain('本年度共设置绩效指标50个，其中定量指标44个，占88.00%；定性指标6个。定量指标中，正向指标30个，反向指标7个，等值指标7个。');
    expect(text).toContain('大气污染综合治理（双代改造）、村级组织运转经费、集镇污水管网建设未设置成本指标。');
  });

  test('measures follow from what was found, and the tables\' blind spots are marked for the user', () => {
    expect(text).toContain('加快预算执行进度。对执行率低于80%的1个项目（高标准农田建设）逐项分析资金未支出的原因，明确支出时限。');
    expect(text).toContain('复核绩效目标值。对实际完成值达到年度指标值130%及以上的1个指标，在设定下一年度绩效目标时复核目标值。');
    expect(text).toContain('【请补充：绩效管理工作开展情况（组织领导、制度建设、评价方法和工作过程）。】');
    expect(text).toContain('【请补充：自评结果应用情况（与下一年度预算安排、政策和项目调整挂钩等）。】');
  });

  test('the report counts the errors left after filling, not those filling corrects', () => {
    const before = analysis.issues.filter((i) => i.severity === 'error').length;
    expect(summary.facts.errors).toBe(before - 1); // the stated 总分 94 is corrected by filling
    expect(text).toContain(`仍有${summary.facts.errors}个错误`);
    // Said as counts after filling, so that they do not read as the check's of the file as it is.
    expect(text).toContain(`注：本报告按回填计算结果后的自评表起草，回填后仍有${summary.facts.errors}个错误、${summary.facts.warnings}个警告未处理（回填可更正的不计在内）`);
    expect(text).toContain(`回填计算结果后，自评工作簿中仍有${summary.facts.errors}个错误未修正。`);
  });
});

describe('the report sheet', () => {
  test('a formula-looking project name is written as text', () => {
    const projects: ProjectSpec[] = [{ name: '=SUM(A1:A9)', budget: 10, executed: 10, score: 95 }, { name: '+86项目', budget: 5, executed: 5, score: 90 }];
    const { summary } = report(book(fromSpec(projectListSheet('项目汇总表', '汇总', projects))));
    const names = summary.sheet.cells.filter((c) => c.value === '=SUM(A1:A9)' || c.value === '+86项目');
    expect(names).toHaveLength(2);
    expect(names.every((c) => typeof c.value === 'string' && c.style === 'tableText')).toBe(true);
  });

  test('is laid out in six columns with the title merged across and tables bordered', () => {
    const { summary } = report(sample());
    expect(summary.sheet.name).toBe('自评报告');
    expect(summary.sheet.columnWidths).toHaveLength(6);
    expect(summary.sheet.merges[0]).toBe('A1:F1');
    expect(summary.sheet.cells[0]).toMatchObject({ row: 0, col: 0, value: '2025年度青山镇人民政府整体绩效自评报告', style: 'title' });
    const amounts = summary.sheet.cells.filter((c) => c.value === 1759.62291);
    expect(amounts).toEqual([expect.objectContaining({ style: 'tableNumber', numberFormat: '0.00####' })]);
    expect(summary.sheet.cells.every((c) => c.row < summary.sheet.rowCount)).toBe(true);
  });

  test('a report sheet written before is not read as a project list on the next run', () => {
    const snap = sample();
    const { summary } = report(snap);
    const values: (string | number | null)[][] = [];
    for (const c of summary.sheet.cells) {
      while (values.length <= c.row) values.push([]);
      values[c.row][c.col] = c.value;
    }
    const withReport = { sheets: [...snap.sheets, sheet('自评报告', values)] };
    const again = analyse(withReport);
    expect(again.model.lists).toHaveLength(1);
    expect(again.model.projects).toHaveLength(12);
    expect(again.issues.some((i) => i.sheet === '自评报告')).toBe(false);
  });

  test('year and unit from the settings win over the workbook', () => {
    const { summary } = report(sample(), { year: 2024, unitName: '红旗乡人民政府' });
    expect(summary.document.title).toBe('2024年度红旗乡人民政府整体绩效自评报告');
  });
});

describe('other workbooks', () => {
  test('a text-only list still gives a report: count, not-started projects, outcome texts', () => {
    const { text, summary } = report(book(sheet('项目情况', [
      ['序号', '项目名称', '绩效目标', '实现情况'],
      [1, '道路硬化', '硬化道路5800平方米', '已完成'],
      [2, '防汛物资储备', '储备防汛物资一批', '资金未下达，未实施'],
      [3, '文化活动', '开展文化活动12场', '完成12场'],
    ])));
    expect(summary.facts.projects?.projects).toHaveLength(3);
    expect(text).toContain('本次纳入自评的项目共3个，工作簿未填写项目全年预算数。');
    expect(text).toContain('工作簿未填写项目的全年预算数。项目汇总表未列全年执行数，不计算预算执行率。');
    expect(text).toContain('未实施的项目1个（防汛物资储备）。另有2个项目（道路硬化、文化活动）未填写绩效目标实现程度，未计入以上统计。');
    expect(text).not.toContain('0万元');
    expect(text.split('\n')).toContain('未实施\t1\t'); // no budget: no funds, not 0
    expect(text.split('\n')).toContain('低于30%\t0\t0');
    expect(text).toContain('道路硬化\t硬化道路5800平方米\t已完成');
    expect(summary.document.title).toBe('【请补充：年度】【请补充：单位名称】整体绩效自评报告');
  });

  test('a workbook with forms only, year from the form title', () => {
    const spec = formSheet('自评表', [{
      name: '校园足球', budget: 100, executed: 76, unit: '某中学',
      indicators: [{ l1: '产出指标', l2: '数量指标', l3: '场次', target: '≥10场', actual: '10场', weight: 90 }],
    }], 2019, '教育局');
    const { text } = report(book(fromSpec(spec)));
    expect(text.split('\n')[0]).toBe('2019年度某中学整体绩效自评报告');
    expect(text).toContain('全年执行数合计76万元，预算执行率为76.00%。');
    expect(text).toContain('校园足球：全年预算数100万元，执行数76万元，预算执行率76.00%，自评得分97.60分。【请补充：校园足球偏差原因】');
  });

  test('an indicator list without a project list', () => {
    const spec = indicatorListSheet('指标', '2025年度指标', [{ name: '甲', indicators: [{ l1: '产出指标', l2: '数量指标', l3: '户数', target: '≥5户', actual: '4户', weight: 90, reason: '部分农户外出' }] }]);
    const { text } = report(book(fromSpec(spec)));
    expect(text).toContain('甲“户数”：年度指标值≥5户，实际完成4户，得分72.00分（分值90.00分）。原因：部分农户外出。');
    expect(text).not.toContain('0万元');
  });
});
