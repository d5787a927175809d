// The Office.js gateway through both test doors: the counting fake of the Excel API, and the real
// Office.js runtime (excel-web-16.00.js in jsdom) sending its requests to a stub host. Both sit on one
// model of the workbook that enforces Excel's limits (test/support/excelModel.ts).
import { analyse, type CellWrite, type Plan, summarise } from '../../src/engine';
import {
  applyPlan, describeOfficeError, type OfficeApi, planBlocks, previewUndo, readSnapshot, selectCell, StalePlanError, undoLastFill, writeSummarySheet,
} from '../../src/gateways/office';
import { formSheet, indicatorListSheet, projectListSheet, type ProjectSpec, type SheetSpec } from '../../src/samples/layouts';
import { sampleSheets } from '../../src/samples/township';
import { ExcelModel, type ModelOptions } from '../support/excelModel';
import { FakeExcel } from '../support/fakeExcel';
import { OfficeRuntime } from '../support/officeRuntime';

jest.setTimeout(120_000);

const runtime = new OfficeRuntime();
afterAll(() => runtime.close());

type Door = { name: string; make(options?: ModelOptions): ExcelModel; api(model: ExcelModel): OfficeApi };
const DOORS: Door[] = [
  { name: 'counting fake', make: (o) => new FakeExcel(o), api: (m) => (m as FakeExcel).api() },
  { name: 'Office.js runtime', make: (o) => new ExcelModel(o), api: (m) => runtime.api(m) },
];

/** A township with `n` indicator rows in its indicator list (two merges per project of ten rows). */
function big(n: number): SheetSpec[] {
  const projects: ProjectSpec[] = Array.from({ length: n / 10 }, (_, p) => ({
    name: `项目${p}`, budget: 100, executed: 90 + (p % 10),
    indicators: Array.from({ length: 10 }, (_, i) => ({ l1: '产出指标', l2: '数量指标', l3: `指标${i}`, target: '≥100个', actual: `${95 + (i % 6)}个`, weight: 9, reason: i % 6 < 5 ? '受天气影响' : '' })),
  }));
  return [projectListSheet('项目汇总表', '汇总', projects), indicatorListSheet('绩效指标表', '指标', projects)];
}

describe.each(DOORS)('through the $name', (door) => {
  function workbook(specs: SheetSpec[], options: ModelOptions = {}): ExcelModel {
    const model = door.make(options);
    for (const s of specs) model.addSheet(s.name, s.rows, { merges: s.merges, formulas: s.formulas });
    return model;
  }
  const api = (model: ExcelModel) => door.api(model);
  const largest = (model: ExcelModel) => Math.max(...model.requests);

  describe('reading the open workbook', () => {
    test('three syncs: values from A1, formulas, merges, protection; quote-prefixed text stays text', async () => {
      const model = door.make();
      model.addSheet('汇总', [[], [], [null, '项目名称', '全年预算数', '全年执行数', '执行率'], [null, '甲', 100, 95, 0.95], [null, '=1+1项目']], { merges: ['B1:E1'], formulas: { E4: '=D4/C4' } });
      model.addSheet('锁定', [['a']], { protected: true });
      model.addSheet('空白', []);
      const { snapshot, syncs, usedRanges, fillRecorded } = await readSnapshot(api(model));
      expect(syncs).toBe(3);
      expect(snapshot.sheets[0]).toEqual({
        name: '汇总',
        values: [[], [], [null, '项目名称', '全年预算数', '全年执行数', '执行率'], [null, '甲', 100, 95, 0.95], [null, '=1+1项目', null, null, null]],
        formulas: { E4: '=D4/C4' },
        merges: ['B1:E1'],
        protected: false,
      });
      expect([snapshot.sheets[1].protected, snapshot.sheets[2].values]).toEqual([true, []]);
      expect(usedRanges).toEqual({ 汇总: 'B3:E5', 锁定: 'A1', 空白: null });
      expect(fillRecorded).toBe(false);
    });

    test('a percentage typed into a number cell (0.95 as 0%) is read as the 95% it shows, in the same three syncs', async () => {
      const model = door.make();
      const sheet = model.addSheet('绩效指标表', [
        ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
        ['乙项目', '产出指标', '质量指标', '合格率', 0.95, '90%', 20, null, '部分不合格'],
        [null, null, '质量指标', '覆盖率', '≥95%', 0.9, 20, null, '未全覆盖'],
        [null, '满意度指标', '满意度指标', '群众满意度', '≥90%', 45931, 60, null, ''],
      ]);
      sheet.setNumberFormat(1, 4, '0%');
      sheet.setNumberFormat(2, 5, '0.0%');
      sheet.setNumberFormat(3, 5, 'yyyy"年"m"月"d"日";@'); // a date, not a percent
      const { snapshot, syncs } = await readSnapshot(api(model));
      expect(syncs).toBe(3);
      expect(snapshot.sheets[0].percents).toEqual(['E2', 'F3']);
      const a = analyse(snapshot);
      expect(a.model.indicators.slice(0, 2).map((i) => [i.targetText, i.actualText, i.score?.toNumber()])).toEqual([['95%', '90%', 18.95], ['≥95%', '90%', 18.95]]);
      expect(a.issues.filter((i) => i.rule === 'actual.percent-assumed')).toEqual([]);
      expect(snapshot.sheets[0].dates).toEqual({ F4: '2025-10-01' });
    });

    test('a date typed into an amount cell is said as the date it shows, never read as 45,658 万元', async () => {
      const model = door.make();
      const sheet = model.addSheet('汇总', [['项目名称', '全年预算数', '全年执行数'], ['甲', 45658, 90]]);
      sheet.setNumberFormat(1, 1, 'yyyy/m/d');
      const { snapshot, syncs } = await readSnapshot(api(model));
      expect(syncs).toBe(3);
      expect(snapshot.sheets[0].dates).toEqual({ B2: '2025-01-01' });
      const a = analyse(snapshot);
      expect(a.issues.filter((i) => i.rule === 'cell.date').map((i) => [i.cell, i.severity])).toEqual([['B2', 'error']]);
      expect(a.model.projects[0].budget).toBeNull();
    });

    test('20,000 indicator rows with 4,000 merges: three syncs, merges in calls of at most 512', async () => {
      const model = workbook(big(20000));
      const { snapshot, syncs } = await readSnapshot(api(model));
      expect(syncs).toBe(3);
      expect(snapshot.sheets[1].values).toHaveLength(20002);
      expect(snapshot.sheets[1].merges).toHaveLength(4001);
      expect(Math.max(...model.mergeCalls)).toBeLessThanOrEqual(512);
      expect(analyse(snapshot).model.indicators).toHaveLength(20000);
      expect(largest(model)).toBeLessThan(5_000_000);
    });

    test('a merge call Excel refuses is split and retried, giving the same merges (and the percents that rode with it)', async () => {
      // 分值 of the first indicator formatted 0%: its format is asked with the merges' first, refused, sync.
      const percent = (model: ExcelModel) => {
        model.sheets[1].setNumberFormat(2, 6, '0%');
        return model;
      };
      const whole = await readSnapshot(api(percent(workbook(big(2000)))));
      const model = percent(workbook(big(2000), { mergeLimit: 10 }));
      const { snapshot, syncs } = await readSnapshot(api(model));
      expect(syncs).toBeGreaterThan(3);
      expect(whole.snapshot.sheets[1].percents).toEqual(['G3']);
      expect(snapshot).toEqual(whole.snapshot);
    });

    test('cells with only formatting (a border drawn to row 100,000) do not make rows to read', async () => {
      const model = door.make();
      model.addSheet('汇总', [['项目名称', '全年预算数'], ['甲', 100]], { formatted: 'A1:Z100000' });
      const { snapshot } = await readSnapshot(api(model));
      expect(snapshot.sheets[0].values).toEqual([['项目名称', '全年预算数'], ['甲', 100]]);
      expect(Math.max(...model.runs[0].responses)).toBeLessThan(2_000);
    });

    test('beyond one response: row blocks, halved until they fit, giving the same snapshot', async () => {
      const whole = await readSnapshot(api(workbook(big(2000))));
      const model = workbook(big(2000), { payloadLimit: 60_000 });
      const { snapshot, syncs } = await readSnapshot(api(model));
      expect(syncs).toBeGreaterThan(4);
      expect(snapshot).toEqual(whole.snapshot);
      expect(largest(model)).toBeLessThanOrEqual(60_000);
    });

    test('past the cell limit Excel answers null values: the sheet is read in blocks, not reported as our fault', async () => {
      const whole = await readSnapshot(api(workbook(big(200))));
      const model = workbook(big(200), { cellLimit: 500 });
      const { snapshot } = await readSnapshot(api(model));
      expect(snapshot).toEqual(whole.snapshot);
    });
  });

  describe('applying a plan', () => {
    const form = () => formSheet('自评表', [{
      name: '甲', budget: 100, executed: 95, rateFormula: true,
      indicators: [
        { l1: '产出指标', l2: '数量指标', l3: '户数', target: '≥10户', actual: '9户', weight: 50, reason: '外出' },
        { l1: '效益指标', l2: '社会效益指标', l3: '效果', target: '明显', actual: '达成年度指标', weight: 30 },
        { l1: '满意度指标', l2: '满意度', l3: '满意度', target: '≥90%', actual: '95%', weight: 10 },
      ],
    }], 2025, '某镇');

    async function checked(model: ExcelModel) {
      const read = await readSnapshot(api(model));
      return { read, plan: analyse(read.snapshot).plan };
    }

    test('a form: the targets checked, the fill recorded, one write of two blocks; null leaves cells alone', async () => {
      const model = workbook([form()]);
      const { read, plan } = await checked(model);
      expect(plan.writes.map((w) => w.cell)).toEqual(['K7', 'I14', 'I15', 'I16', 'H17', 'I17', 'H18']);
      expect(planBlocks(plan.writes).map((b) => [b.top, b.left, b.values.length, b.values[0].length])).toEqual([[6, 10, 1, 1], [13, 7, 5, 2]]);
      const runs = model.runs.length;
      const result = await applyPlan(api(model), plan, { usedRanges: read.usedRanges });
      expect([result.syncs, result.blocks, result.written.length, result.recorded]).toEqual([3, 2, 7, true]);
      expect(model.runs[runs]).toMatchObject({ mergeUndoGroup: true, delayForCellEdit: true });
      expect([model.value('自评表', 'K7'), model.format('自评表', 'K7'), model.value('自评表', 'I14'), model.value('自评表', 'H18')]).toEqual([9.5, '0.00', 45, '优']);
      // H14 (分值 50) sits inside the block with null: unchanged. I7 keeps the user's formula.
      expect(model.value('自评表', 'H14')).toBe(50);
      expect(model.sheet('自评表').cell(6, 8)?.formula).toBe('=G7/F7');
      expect(model.customXmlParts).toHaveLength(1);
      expect((await readSnapshot(api(model))).fillRecorded).toBe(true);
    });

    test('20,000 rows: every request within 5 MB, the targets read back in one sync', async () => {
      const model = workbook(big(20000));
      const { read, plan } = await checked(model);
      expect(plan.writes.length).toBeGreaterThan(20000);
      const before = model.runs.length;
      const result = await applyPlan(api(model), plan, { usedRanges: read.usedRanges });
      expect(result.syncs).toBeLessThanOrEqual(4);
      expect(Math.max(...model.runs.slice(before).flatMap((r) => [...r.requests, ...r.responses]))).toBeLessThan(5_000_000);
      expect(model.value('绩效指标表', 'H3')).toBe(8.55);
    });

    test('a refused request is halved and retried until it fits; nothing is lost', async () => {
      const { plan } = await checked(workbook(big(2000)));
      const model = workbook(big(2000), { payloadLimit: 40_000 });
      const result = await applyPlan(api(model), plan, { budget: 1_000_000 });
      expect(result.syncs).toBeGreaterThan(5);
      expect(result.written).toHaveLength(plan.writes.length);
      expect(result.recorded).toBe(false); // the record alone is past the host's limit
      for (const w of plan.writes.slice(0, 50)) expect(model.value(w.sheet, w.cell)).toBe(w.value);
    });

    test('no undo group before ExcelApi 1.20; Excel waits for a cell being edited', async () => {
      const model = workbook(sampleSheets(), { supports: ['1.13', '1.19'] });
      const { plan } = await checked(model);
      await applyPlan(api(model), plan);
      expect(model.runs.at(-1)).toMatchObject({ mergeUndoGroup: false, delayForCellEdit: true });
    });

    test('a cell typed over since the check: nothing is written, and the user is asked to check again', async () => {
      const model = workbook(sampleSheets());
      const { read, plan } = await checked(model);
      model.sheet('项目汇总表').setValue(5, 6, 0.5); // G6, a cell the plan fills
      const error = await applyPlan(api(model), plan, { usedRanges: read.usedRanges }).catch((e) => e);
      expect(error).toBeInstanceOf(StalePlanError);
      expect(describeOfficeError(error, 'zh')).toBe('工作簿已改动，请重新校验。校验后改动过的单元格：项目汇总表!G6。');
      expect(model.value('项目汇总表', 'I6')).toBeNull();
      expect(model.customXmlParts).toHaveLength(0);
    });

    test('a row inserted since the check (the targets still blank): the used range gives it away', async () => {
      const model = workbook(sampleSheets());
      const { read, plan } = await checked(model);
      const list = model.sheet('项目汇总表');
      const rows = [...list.cells].map(([key, cell]) => [key, cell] as const);
      list.cells.clear();
      for (const [key, cell] of rows) {
        const m = /^([A-Z]+)(\d+)$/.exec(key) as RegExpExecArray;
        list.cells.set(Number(m[2]) >= 5 ? `${m[1]}${Number(m[2]) + 1}` : key, cell);
      }
      const error = await applyPlan(api(model), plan, { usedRanges: read.usedRanges }).catch((e) => e);
      expect(describeOfficeError(error, 'en')).toBe('The workbook changed since it was checked. Check it again. Sheets with rows or columns added or removed since the check: 项目汇总表.');
    });

    test('a second fill replaces the record of the first: one record, of the last fill', async () => {
      const model = workbook(sampleSheets());
      const first = await checked(model);
      await applyPlan(api(model), first.plan, { usedRanges: first.read.usedRanges });
      model.sheet('项目汇总表').setValue(5, 5, 98); // F6 (全年执行数) corrected: G6, I6, J6 change
      const second = await checked(model);
      await applyPlan(api(model), second.plan, { usedRanges: second.read.usedRanges });
      expect(model.customXmlParts).toHaveLength(1);
      expect((await previewUndo(api(model)))?.plan.restore.map((c) => c.cell)).toEqual(second.plan.writes.map((w) => w.cell));
    });

    test('filling, then reading again, plans nothing more', async () => {
      const model = workbook(sampleSheets());
      const { read, plan } = await checked(model);
      await applyPlan(api(model), plan, { usedRanges: read.usedRanges });
      expect((await checked(model)).plan.writes).toEqual([]);
    });

    test('text that Excel would read as a number, date or formula is written as text', async () => {
      const model = door.make();
      model.addSheet('表', [['a', 'b', 'c', 'd']]);
      const text = ['2024', '0012', '1-2', '=SUM(1)'];
      const plan: Plan = { writes: text.map((value, col): CellWrite => ({ sheet: '表', cell: `${'ABCD'[col]}2`, row: 1, col, value, numberFormat: null, before: null, kind: 'grade' })) };
      await applyPlan(api(model), plan);
      expect(['A2', 'B2', 'C2', 'D2'].map((c) => model.value('表', c))).toEqual(text);
      expect(model.sheet('表').cell(1, 3)?.formula).toBeUndefined();
    });
  });

  describe('撤销上次回填', () => {
    test('restores what the fill wrote (values and formats), leaves and names a cell changed since', async () => {
      const model = workbook(sampleSheets());
      model.sheet('项目汇总表').setNumberFormat(5, 6, '0%'); // G6 had a format of its own
      const read = await readSnapshot(api(model));
      const plan = analyse(read.snapshot).plan;
      await applyPlan(api(model), plan, { usedRanges: read.usedRanges, now: () => new Date('2025-03-01T02:22:00Z') });
      expect([model.value('项目汇总表', 'G6'), model.format('项目汇总表', 'G6')]).toEqual([0.9506, '0.00%']);
      model.sheet('项目汇总表').setValue(5, 8, 88); // the user corrects I6 (自评得分) by hand

      const preview = await previewUndo(api(model));
      expect(preview?.at).toBe('2025-03-01T02:22:00.000Z');
      expect([preview?.plan.restore.length, preview?.plan.changed.map((c) => `${c.sheet}!${c.cell}`)]).toEqual([96, ['项目汇总表!I6']]);

      const outcome = await undoLastFill(api(model));
      expect(outcome?.plan.changed).toEqual([expect.objectContaining({ sheet: '项目汇总表', cell: 'I6', before: null, after: 94.84, now: { value: 88 } })]);
      expect([model.value('项目汇总表', 'G6'), model.format('项目汇总表', 'G6'), model.value('项目汇总表', 'I6')]).toEqual([null, '0%', 88]);
      expect(model.value('自评表-乡村振兴', 'K7')).toBeNull();
      for (const c of outcome?.plan.restore ?? []) expect([c.cell, model.value(c.sheet, c.cell)]).toEqual([c.cell, c.before]);
      expect(model.customXmlParts).toHaveLength(0);
      expect(await undoLastFill(api(model))).toBeNull();
    });
  });

  describe('Office errors become messages that say what to do', () => {
    test('a sheet protected after checking: the cells written before are named', async () => {
      const model = workbook(sampleSheets());
      const { snapshot } = await readSnapshot(api(model));
      const plan = analyse(snapshot).plan;
      model.sheet('自评表-其他').protected = true;
      const error = await applyPlan(api(model), plan, { budget: 2_000 }).catch((e) => e);
      const message = describeOfficeError(error, 'zh');
      expect(message).toMatch(/^工作表或工作簿结构受保护，或文件为只读，无法写入。请在“审阅”选项卡中撤销工作表保护或工作簿保护（或另存一份可编辑的文件）后重试。出错前已写入 \d+ 个单元格：项目汇总表!G5,/);
      expect(message).toContain('出错的这一批');
    });

    test('a protected workbook structure refuses a new report sheet with AccessDenied', async () => {
      const model = workbook(sampleSheets());
      const { snapshot } = await readSnapshot(api(model));
      model.structureProtected = true;
      const error = await writeSummarySheet(api(model), summarise(analyse(snapshot), snapshot).sheet).catch((e) => e);
      expect(describeOfficeError(error, 'en')).toMatch(/^A sheet or the workbook structure is protected/);
    });

    test.each([
      ['InvalidOperationInCellEditMode', 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后重试。'],
      ['InactiveWorkbook', '当前工作簿已切换。请回到要处理的工作簿后重新校验。'],
      ['Conflict', 'Excel 返回错误（代码 Conflict）：'],
    ])('%s', async (code, text) => {
      const model = workbook(sampleSheets());
      model.failNextSync(code);
      const error = await readSnapshot(api(model)).catch((e) => e);
      expect(describeOfficeError(error, 'zh')).toContain(text);
    });
  });

  describe('the report sheet in Excel', () => {
    async function summary(model: ExcelModel) {
      const { snapshot } = await readSnapshot(api(model));
      return summarise(analyse(snapshot), snapshot).sheet;
    }

    test('is written, charted, selected; a re-run on ExcelApi 1.20 reuses the sheet in place (no delete in the undo group)', async () => {
      const model = workbook(sampleSheets());
      const sheet = await summary(model);
      expect(await writeSummarySheet(api(model), sheet)).toBe('自评报告');
      const report = model.sheet('自评报告');
      expect(model.value('自评报告', 'A1')).toBe('2025年度青山镇人民政府整体绩效自评报告');
      // The chart plots the achievement-band table: wherever the report places it, the chart follows it.
      const [chart] = sheet.charts;
      expect(chart).toMatchObject({ type: 'column', title: '绩效目标实现程度分布', categories: expect.stringMatching(/^A\d+:A\d+$/) });
      expect(report.charts).toEqual([expect.objectContaining({ type: 'ColumnClustered', title: '绩效目标实现程度分布', values: chart.values, categories: chart.categories, legendVisible: false })]);
      const first = Number(chart.categories.split(':')[0].slice(1));
      expect([model.value('自评报告', `A${first}`), model.value('自评报告', `C${first}`)]).toEqual(['达到100%', 5]);
      expect(report.merges.some((m) => m.top === 0 && m.left === 0 && m.right === 5)).toBe(true);
      expect([model.active, model.selected]).toEqual(['自评报告', '自评报告!A1']);
      // Text cells carry the text format; styles went on by rectangle.
      expect(model.format('自评报告', 'A1')).toBe('@');
      expect(report.cell(0, 0)?.style).toMatchObject({ 'font.size': 16, 'font.bold': true });
      expect(report.cell(first - 1, 0)?.style).toMatchObject({ 'borders.EdgeLeft.style': 'Continuous' });
      expect(report.columnWidths.get(0)).toBe(84); // 16 characters wide, in points

      const position = model.position(report);
      model.addSheet('其他');
      expect(await writeSummarySheet(api(model), sheet)).toBe('自评报告');
      expect(model.sheet('自评报告')).toBe(report);
      expect(model.position(report)).toBe(position);
      expect(report.charts).toHaveLength(1);
      expect(model.runs.at(-1)?.mergeUndoGroup).toBe(true);
    });

    test('a user\'s own 自评报告 stays; names that look like numbers, dates or formulas stay text', async () => {
      const specs = sampleSheets();
      specs[0].rows[4][1] = '=1+1项目';
      specs[0].rows[5][1] = '1-2';
      const model = workbook(specs);
      model.addSheet('自评报告', [['我的报告']]);
      const name = await writeSummarySheet(api(model), await summary(model));
      expect(name).toBe('自评报告(2)');
      expect(model.value('自评报告', 'A1')).toBe('我的报告');
      const cells = [...model.sheet('自评报告(2)').cells.values()];
      expect(cells.some((c) => c.value === '=1+1项目' && c.formula === undefined)).toBe(true);
      expect(cells.some((c) => c.value === '1-2')).toBe(true);
    });

    test('1,000 projects: every request within 5 MB', async () => {
      const model = workbook(big(10_000));
      const sheet = await summary(model);
      const before = model.runs.length;
      await writeSummarySheet(api(model), sheet);
      const requests = model.runs.slice(before).flatMap((r) => r.requests);
      expect(Math.max(...requests)).toBeLessThan(5_000_000);
      expect(model.value('自评报告', 'A1')).toMatch(/整体绩效自评报告$/);
      console.log(`${door.name}: report of ${sheet.rowCount} rows, ${sheet.cells.length} cells: ${requests.length} requests, largest ${Math.max(...requests)} bytes, total ${requests.reduce((a, b) => a + b, 0)}`);
    });
  });

  test('an issue click selects its cell', async () => {
    const model = workbook(sampleSheets());
    await selectCell(api(model), '自评表-乡村振兴', 'J15');
    expect([model.active, model.selected]).toEqual(['自评表-乡村振兴', '自评表-乡村振兴!J15']);
  });
});
