// The bureau's review, pure: which files are read, the names shown, the ranking, exact totals, and the
// notes that go back to the units. (End to end, on files: test/cli/batch.test.ts.)
import { analyse } from '../../src/engine';
import { buildReview, fileKind, rankUnits, returnNote, shortNames, type UnitReview, unitReview, unreadableUnit } from '../../src/engine/review';
import { Progress } from '../../src/cli/progress';
import { departmentSheet, projectListSheet } from '../../src/samples/layouts';
import { fromSpec } from '../support/snapshot';

function unit(file: string, over: Partial<UnitReview> = {}): UnitReview {
  return {
    ...unreadableUnit(file, ''), status: 'ok', reason: null, projects: 0, errors: 0, warnings: 0,
    sums: { executionCount: 0, executionBudget: '0', executionExecuted: '0', scored: 0, scoreSum: '0', weightedSum: '0', weightBase: '0' }, ...over,
  };
}

describe('files', () => {
  test('workbooks, Office lock files, hidden and other files', () => {
    expect(['a/青山镇.xlsx', 'B.XLSM', '旧.xls', 'c.xlsb', '~$青山镇.xlsx', '.~lock.x.xlsx#', '.DS_Store', 'Thumbs.db', '说明.docx', 'x.et'].map(fileKind))
      .toEqual(['workbook', 'workbook', 'workbook', 'workbook', 'lock', 'hidden', 'hidden', 'hidden', 'other', 'other']);
  });

  test('names without the folders all files share; a single file by its name', () => {
    expect(shortNames(['/srv/收件/单位/青山镇.xlsx', '/srv/收件/单位/乡镇/东坡镇.xlsx'])).toEqual(['青山镇.xlsx', '乡镇/东坡镇.xlsx']);
    expect(shortNames(['/srv/a/x.xlsx', '/srv/b/x.xlsx'])).toEqual(['a/x.xlsx', 'b/x.xlsx']);
    expect(shortNames(['C:\\收件\\青山镇.xlsx'])).toEqual(['青山镇.xlsx']);
    expect(shortNames([])).toEqual([]);
  });
});

describe('ranking and totals', () => {
  test('by 换算得分, then execution rate, highest first, those without after; unreadable files last; then by file', () => {
    const units = [
      unreadableUnit('z.xlsx', '…'),
      unit('c.xlsx', { executionRate: '0.95' }),
      unit('a.xlsx', { executionRate: null }),
      unit('b.xlsx', { department: { total: '80', converted: '80', grade: '良' }, executionRate: '0.5' }),
      unit('d.xlsx', { department: { total: '80', converted: '80', grade: '良' }, executionRate: '0.9' }),
      unit('e.xlsx', { executionRate: '0.95' }),
      unreadableUnit('y.xlsx', '…'),
    ];
    expect(rankUnits(units).map((u) => u.file)).toEqual(['d.xlsx', 'b.xlsx', 'c.xlsx', 'e.xlsx', 'a.xlsx', 'y.xlsx', 'z.xlsx']);
  });

  test('totals in decimal: amounts as entered, the rate over projects with a budget and an executed amount', () => {
    const sums = (budget: string, executed: string) => ({ executionCount: 1, executionBudget: budget, executionExecuted: executed, scored: 1, scoreSum: '90', weightedSum: '9', weightBase: '0.1' });
    const review = buildReview([
      unit('a.xlsx', { projects: 1, totalBudget: '0.1', totalExecuted: '0.1', sums: sums('0.1', '0.1') }),
      unit('b.xlsx', { projects: 1, totalBudget: '0.2', totalExecuted: null, sums: { ...sums('0', '0'), executionCount: 0 } }),
      unit('c.xlsx', { projects: 2, totalBudget: '1672.699499', totalExecuted: '0.000001', sums: sums('1672.699499', '0.000001') }),
    ]);
    // 0.1 + 0.2 + 1672.699499 exactly (binary floats give 1672.9994990000002).
    expect(review.totals.totalBudget).toBe('1672.999499');
    expect(review.totals.totalExecuted).toBe('0.100001');
    expect(review.totals.executionRate).toBe('0.0001'); // 0.100001 ÷ 1672.799499
    expect(review.totals.averageScore).toBe('90');
    expect(review.totals.projects).toBe(4);
  });

  test('nothing to total is null, never 0', () => {
    const review = buildReview([unit('a.xlsx'), unreadableUnit('b.xlsx', '…')]);
    expect(review.totals).toMatchObject({ totalBudget: null, totalExecuted: null, executionRate: null, averageScore: null, weightedScore: null, readable: 1, unreadable: 1, returned: 1 });
    expect(review.chart).toEqual([]);
  });
});

describe('a unit from its analysis', () => {
  test('a department sheet only: no project figures, the department\'s 总分, 换算得分 and 等级; the unit its title names', () => {
    const snapshot = { sheets: [fromSpec(departmentSheet('部门整体绩效', '县水利局2025年度部门整体支出绩效自评表', {
      base: [['全年预算数', 100], ['全年执行数', 90]], rates: ['预算执行率'],
      indicators: [
        { l1: '预算执行', l2: '预算执行管理', l3: '预算执行率', standard: '执行率×60', weight: 60, score: 54 },
        { l1: '预算绩效', l2: '预算绩效管理', l3: '绩效目标合理性', standard: '目标明确得40分', weight: 40, score: 36, reason: '个别目标未量化' },
      ],
    }))] };
    const analysis = analyse(snapshot);
    const u = unitReview({ file: '水利局.xlsx', analysis, snapshot, issues: analysis.issues, compared: false });
    expect(u).toMatchObject({ unit: '县水利局', year: 2025, projects: 0, totalBudget: null, executionRate: null, grades: null, department: { total: '90', converted: '90', grade: '优' } });
  });

  test('a project list whose rows name no unit: the unit from its title; the protected-sheet issue is no business of a review', () => {
    const spec = projectListSheet('项目汇总表', '东坡镇人民政府2025年度项目支出绩效自评汇总表', [{ name: '村道维修', budget: 100, executed: 95, score: 92 }]);
    const snapshot = { sheets: [fromSpec(spec, { protected: true })] };
    const analysis = analyse(snapshot);
    expect(analysis.issues.map((i) => i.rule)).toContain('sheet.protected');
    const u = unitReview({ file: 'x.xlsx', analysis, snapshot, issues: analysis.issues, compared: false });
    expect(u.unit).toBe('东坡镇人民政府');
    expect(u.issues.map((i) => i.rule)).not.toContain('sheet.protected');
    expect([u.executionRate, u.averageScore, u.weightedScore, u.grades]).toEqual(['0.95', '92', '92', [{ grade: '优', count: 1 }, { grade: '良', count: 0 }, { grade: '中', count: 0 }, { grade: '差', count: 0 }]]);
  });
});

describe('the note that goes back', () => {
  const issue = (rule: string, severity: 'error' | 'warning' | 'info', sheet: string, cell: string, message: string) => ({ rule: rule as never, severity, sheet, cell, message });

  test('none for a unit without errors; errors by sheet, numbered on; the tool\'s words made the unit\'s', () => {
    expect(returnNote(unit('a.xlsx', { warnings: 1, issues: [issue('exec.low', 'warning', '表', 'G5', '…')] }))).toBeNull();
    const lines = returnNote(unit('b.xlsx', {
      unit: '西河乡人民政府', year: 2025, errors: 2,
      issues: [
        issue('formula.error', 'error', '自评表', 'I20', '此单元格的公式 =I14/0 结果为错误值 #DIV/0!，按规则应为99.39；请修正公式，或清空单元格后由本工具回填。'),
        issue('qual.default-filled', 'info', '自评表', 'I16', '…'),
        issue('template.settings-missing', 'error', '项目汇总表', 'A1', '…对照模板时，未另选评分方案即按模板的评分方案评分。'),
      ],
    }))!;
    expect(lines).toEqual([
      '西河乡人民政府：',
      '\u3000\u3000经审核，你单位报送的2025年度预算绩效自评表（文件“b.xlsx”）有2处错误须修改。具体如下：',
      '一、须修改的错误（2处）',
      '（一）自评表',
      '\u3000\u30001. I20单元格：此单元格的公式 =I14/0 结果为错误值 #DIV/0!，按规则应为99.39；请修正公式，或改填按规则计算的结果。',
      '（二）项目汇总表',
      '\u3000\u30002. A1单元格：此工作簿缺少模板中隐藏的评分方案工作表，可能不是用财政局下发的模板填写的；请使用下发的模板填写，不要把内容复制到新建的工作簿中。',
      '\u3000\u3000请逐项修改；情况属实、无须修改的，请在“偏差原因分析及改进措施”或备注栏中写明原因。修改完成后，请将自评表重新报送财政局。',
    ]);
  });

  test('what filling would write or leave becomes what the unit must correct', () => {
    const lines = returnNote(unit('c.xlsx', {
      unit: '东河镇人民政府', year: 2025, errors: 2, warnings: 4,
      issues: [
        issue('score.differs', 'error', '自评表', 'I9', '项目“道路”：得分填写为20，按规则应为18（年度指标值≥10公里，实际完成值9公里）；回填时改为18。'),
        issue('project.score-differs', 'error', '项目汇总表', 'I8', '项目“道路”：自评得分填写为95，按该项目的指标得分应为93.5；回填时改为93.5。'),
        issue('grade.differs', 'warning', '项目汇总表', 'J8', '项目“道路”：评价等级填写为“良”，按得分93.5应为“优”；回填时改为“优”。'),
        issue('total.not-filled', 'warning', '项目汇总表', 'I9', '项目“桥梁”：有错误未修正，未回填自评得分和评价等级：各项分值合计不是100分；修正后再回填。'),
        issue('total.formula-differs', 'warning', '自评表', 'I20', '项目“道路”：I20保留了单位的公式，其结果与按规则计算的得分不一致或无法核对，未回填总分和评价等级；请核对公式后再回填。'),
        issue('total.incomplete', 'warning', '自评表', 'I41', '项目“桥梁”：未回填总分和评价等级：预算执行率无法计算；修正或补齐后再回填。'),
      ],
    }))!;
    const body = lines.filter((l) => /^\u3000\u3000\d+\. /.test(l));
    expect(body).toEqual([
      '\u3000\u30001. I9单元格：项目“道路”：得分填写为20，按规则应为18（年度指标值≥10公里，实际完成值9公里）；请改为18。',
      '\u3000\u30002. I8单元格：项目“道路”：自评得分填写为95，按该项目的指标得分应为93.5；请改为93.5。',
      '\u3000\u30001. J8单元格：项目“道路”：评价等级填写为“良”，按得分93.5应为“优”；请改为“优”。',
      '\u3000\u30002. I9单元格：项目“桥梁”：有错误未修正，自评得分和评价等级无法按规则核定：各项分值合计不是100分；请修正后重新计算自评得分和评价等级。',
      '\u3000\u30003. I20单元格：项目“道路”：I20的公式结果与按规则计算的得分不一致或无法核对；请核对公式。',
      '\u3000\u30004. I41单元格：项目“桥梁”：总分和评价等级无法计算：预算执行率无法计算；请修正或补齐后重新计算总分和评价等级。',
    ]);
    expect(lines.join('\n')).not.toMatch(/回填|本工具/);
  });
});

describe('the progress bar', () => {
  test('done / total, files a second, the current file cut from the left to fit the terminal', () => {
    let now = 0;
    const written: string[] = [];
    const progress = new Progress({ write: (t) => written.push(t), isTTY: true, columns: 60 }, 200, 'zh', () => now);
    progress.started('乡镇/青山镇人民政府2025年度预算绩效自评表（最终稿）.xlsx');
    now = 2000;
    for (let i = 0; i < 50; i++) progress.finished();
    expect(progress.line()).toBe('█████░░░░░░░░░░░░░░░ 50/200  25.0 个/秒  …表（最终稿）.xlsx'); // 18 columns left for it
    expect(written.length).toBe(2); // the start, then at most one redraw in 100 ms
    progress.end();
    expect(written[written.length - 1]).toBe('\r\x1b[2K');
    expect(Progress.wanted({ write: () => true, isTTY: false }, false)).toBe(false);
    expect(Progress.wanted({ write: () => true, isTTY: true }, true)).toBe(false);
  });
});
