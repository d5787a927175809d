// The Office.js gateway against a counting fake of the Excel API.
import { analyse, summarise } from '../../src/engine';
import { applyPlan, describeOfficeError, planBlocks, readSnapshot, selectCell, writeSummarySheet } from '../../src/gateways/office';
import { formSheet, indicatorListSheet, projectListSheet, type ProjectSpec } from '../../src/samples/layouts';
import { sampleSheets } from '../../src/samples/township';
import { FakeExcel } from '../support/fakeExcel';

function fakeFrom(specs: ReturnType<typeof sampleSheets>, options = {}): FakeExcel {
  const fake = new FakeExcel(options);
  for (const s of specs) fake.addSheet(s.name, s.rows, { merges: s.merges, formulas: s.formulas });
  return fake;
}

/** A township with `n` indicator rows in its indicator list. */
function big(n: number) {
  const projects: ProjectSpec[] = Array.from({ length: n / 10 }, (_, p) => ({
    name: `项目${p}`, budget: 100, executed: 90 + (p % 10),
    indicators: Array.from({ length: 10 }, (_, i) => ({ l1: '产出指标', l2: '数量指标', l3: `指标${i}`, target: '≥100个', actual: `${95 + (i % 6)}个`, weight: 9, reason: i % 6 < 5 ? '受天气影响' : '' })),
  }));
  return [projectListSheet('项目汇总表', '汇总', projects), indicatorListSheet('绩效指标表', '指标', projects)];
}

describe('reading the open workbook', () => {
  test('10 rows: two syncs; values from A1, formulas, merges and protection', async () => {
    const fake = new FakeExcel();
    fake.addSheet('汇总', [[], [], [null, '项目名称', '全年预算数', '全年执行数', '执行率'], [null, '甲', 100, 95, 0.95]], { merges: ['B1:E1'], formulas: { E4: '=D4/C4' } });
    fake.addSheet('锁定', [['a']], { protected: true });
    const { snapshot, syncs } = await readSnapshot(fake.api());
    expect(syncs).toBe(2);
    expect(fake.syncs).toBe(2);
    expect(snapshot.sheets[0]).toEqual({
      name: '汇总',
      values: [[], [], [null, '项目名称', '全年预算数', '全年执行数', '执行率'], [null, '甲', 100, 95, 0.95]],
      formulas: { E4: '=D4/C4' },
      merges: ['B1:E1'],
      protected: false,
    });
    expect(snapshot.sheets[1].protected).toBe(true);
  });

  test('20,000 indicator rows: still two syncs', async () => {
    const fake = fakeFrom(big(20000));
    const { snapshot, syncs } = await readSnapshot(fake.api());
    expect(syncs).toBe(2);
    expect(snapshot.sheets[1].values).toHaveLength(20002);
    expect(analyse(snapshot).model.indicators).toHaveLength(20000);
  });

  test('beyond one response: row blocks, halved until they fit, giving the same snapshot', async () => {
    const whole = await readSnapshot(fakeFrom(big(2000)).api());
    const fake = fakeFrom(big(2000), { payloadLimit: 60_000 });
    const { snapshot, syncs } = await readSnapshot(fake.api());
    expect(syncs).toBeGreaterThan(3);
    expect(snapshot).toEqual(whole.snapshot);
  });

  test('without ExcelApi 1.13 merged areas are not asked for', async () => {
    const fake = fakeFrom(sampleSheets(), { supports: ['1.7'] });
    const { snapshot } = await readSnapshot(fake.api());
    expect(snapshot.sheets.every((s) => s.merges.length === 0)).toBe(true);
  });
});

describe('applying a plan', () => {
  test('10 rows: one sync, contiguous blocks, values then formats, null leaves cells alone', async () => {
    const spec = formSheet('自评表', [{
      name: '甲', budget: 100, executed: 95, rateFormula: true,
      indicators: [
        { l1: '产出指标', l2: '数量指标', l3: '户数', target: '≥10户', actual: '9户', weight: 50, reason: '外出' },
        { l1: '效益指标', l2: '社会效益指标', l3: '效果', target: '明显', actual: '达成年度指标', weight: 30 },
        { l1: '满意度指标', l2: '满意度', l3: '满意度', target: '≥90%', actual: '95%', weight: 10 },
      ],
    }], 2025, '某镇');
    const fake = fakeFrom([spec]);
    const { snapshot } = await readSnapshot(fake.api());
    const plan = analyse(snapshot).plan;
    expect(plan.writes.map((w) => w.cell)).toEqual(['K7', 'I14', 'I15', 'I16', 'H17', 'I17', 'H18']);
    expect(planBlocks(plan.writes).map((b) => [b.top, b.left, b.values.length, b.values[0].length])).toEqual([[6, 10, 1, 1], [13, 7, 5, 2]]);
    fake.syncs = 0;
    const result = await applyPlan(fake.api(), plan);
    expect([result.syncs, fake.syncs, result.blocks, result.written.length]).toEqual([1, 1, 2, 7]);
    expect(fake.valueWrites).toEqual(['自评表!K7:K7', '自评表!H14:I18']);
    expect([fake.value('自评表', 'K7'), fake.format('自评表', 'K7'), fake.value('自评表', 'I14'), fake.value('自评表', 'H18')]).toEqual([9.5, '0.00', 45, '优']);
    // H14 (分值 50) sits inside the block with null: unchanged. I7 keeps the user's formula.
    expect(fake.value('自评表', 'H14')).toBe(50);
    expect(fake.sheet('自评表')!.cells.get('I7')!.formula).toBe('=G7/F7');
  });

  test('20,000 rows: blocks within the 5 MB budget, two syncs at most', async () => {
    const fake = fakeFrom(big(20000));
    const { snapshot } = await readSnapshot(fake.api());
    const plan = analyse(snapshot).plan;
    expect(plan.writes.length).toBeGreaterThan(20000);
    fake.syncs = 0;
    const result = await applyPlan(fake.api(), plan);
    expect(result.syncs).toBeLessThanOrEqual(2);
    expect(fake.syncs).toBe(result.syncs);
    expect(fake.value('绩效指标表', 'H3')).toBe(8.55);
  });

  test('a refused request is halved and retried until it fits; nothing is lost', async () => {
    const { snapshot } = await readSnapshot(fakeFrom(big(2000)).api());
    const plan = analyse(snapshot).plan;
    const fake = fakeFrom(big(2000), { payloadLimit: 20_000 });
    const result = await applyPlan(fake.api(), plan);
    expect(result.syncs).toBeGreaterThan(2);
    expect(result.written).toHaveLength(plan.writes.length);
    for (const w of plan.writes.slice(0, 50)) expect(fake.value(w.sheet, w.cell)).toBe(w.value);
  });

  test('one undo step where ExcelApi 1.20 is supported', async () => {
    const withUndo = fakeFrom(sampleSheets());
    const plan = analyse((await readSnapshot(withUndo.api())).snapshot).plan;
    await applyPlan(withUndo.api(), plan);
    expect(withUndo.runs.at(-1)).toEqual({ mergeUndoGroup: true });
    const without = fakeFrom(sampleSheets(), { supports: ['1.7'] });
    await applyPlan(without.api(), plan);
    expect(without.runs.at(-1)).toEqual({ mergeUndoGroup: false });
  });

  test('filling through the gateway, then reading again, plans nothing more', async () => {
    const fake = fakeFrom(sampleSheets());
    const first = analyse((await readSnapshot(fake.api())).snapshot);
    await applyPlan(fake.api(), first.plan);
    const second = analyse((await readSnapshot(fake.api())).snapshot);
    expect(second.plan.writes).toEqual([]);
  });
});

describe('Office errors become messages that say what to do', () => {
  test('a sheet protected after checking: the cells written before are named', async () => {
    const fake = fakeFrom(sampleSheets());
    const plan = analyse((await readSnapshot(fake.api())).snapshot).plan;
    fake.sheet('自评表-其他')!.protected = true;
    const error = await applyPlan(fake.api(), plan, 2_000).catch((e) => e);
    const message = describeOfficeError(error, 'zh');
    expect(message).toMatch(/^工作表受保护或工作簿为只读，无法写入。请在“审阅 > 撤销工作表保护”后重试。 出错前已写入 \d+ 个单元格：项目汇总表!G5,/);
    expect(message).toContain('出错的这一批');
  });

  test.each([
    ['InvalidOperationInCellEditMode', 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后重试。'],
    ['InactiveWorkbook', '当前工作簿已切换。请回到要处理的工作簿后重新校验。'],
    ['RequestPayloadSizeLimitExceeded', '数据量超过 Excel 网页版单次传输上限（5 MB）'],
    ['Conflict', 'Excel 返回错误（代码 Conflict）：Conflict'],
  ])('%s', async (code, text) => {
    const fake = fakeFrom(sampleSheets());
    fake.failNextSync(code);
    const error = await readSnapshot(fake.api()).catch((e) => e);
    expect(describeOfficeError(error, 'zh')).toContain(text);
  });
});

describe('the report sheet in Excel', () => {
  async function summary(fake: FakeExcel) {
    const { snapshot } = await readSnapshot(fake.api());
    return summarise(analyse(snapshot), snapshot).sheet;
  }

  test('is written, charted, selected; a re-run replaces it in place', async () => {
    const fake = fakeFrom(sampleSheets());
    const sheet = await summary(fake);
    expect(await writeSummarySheet(fake.api(), sheet)).toBe('自评报告');
    const report = fake.sheet('自评报告')!;
    expect(fake.value('自评报告', 'A1')).toBe('2025年度青山镇人民政府整体绩效自评报告');
    // Where the band table sits depends on the report's text above it: follow the description.
    const [chart] = sheet.charts;
    expect(chart).toMatchObject({ type: 'column', title: '绩效目标实现程度分布', categories: expect.stringMatching(/^A\d+:A\d+$/) });
    expect(report.charts).toEqual([{ type: 'ColumnClustered', title: '绩效目标实现程度分布', values: chart.values, categories: chart.categories }]);
    const first = chart.categories.split(':')[0];
    expect([fake.value('自评报告', first), fake.value('自评报告', first.replace('A', 'C'))]).toEqual(['达到100%', 5]);
    expect(report.merges).toContain('A1:F1');
    expect(fake.active).toBe('自评报告');
    expect(fake.selected).toBe('自评报告!A1');

    await writeSummarySheet(fake.api(), sheet);
    expect(fake.sheets.filter((s) => s.name === '自评报告' && !s.deleted)).toHaveLength(1);
  });

  test('a user\'s own 自评报告 stays; a formula-looking name is written as text', async () => {
    const specs = sampleSheets();
    specs[0].rows[4][1] = '=1+1项目';
    const fake = fakeFrom(specs);
    fake.addSheet('自评报告', [['我的报告']]);
    const name = await writeSummarySheet(fake.api(), await summary(fake));
    expect(name).toBe('自评报告(2)');
    expect(fake.value('自评报告', 'A1')).toBe('我的报告');
    const cells = [...fake.sheet('自评报告(2)')!.cells.values()];
    expect(cells.some((c) => c.value === '=1+1项目' && c.formula === undefined)).toBe(true);
  });
});

test('an issue click selects its cell', async () => {
  const fake = fakeFrom(sampleSheets());
  await selectCell(fake.api(), '自评表-乡村振兴', 'J15');
  expect([fake.active, fake.selected]).toEqual(['自评表-乡村振兴', '自评表-乡村振兴!J15']);
});
