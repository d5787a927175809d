// What a workbook file tells beyond a cell's value, and what the engine does with it: a date where an
// amount belongs, a formula saved without its result; and recognition over occupied cells only.
import { analyse } from '../../src/engine';
import { Grid } from '../../src/engine/grid';
import { formSheet, projectListSheet } from '../../src/samples/layouts';
import { book, fromSpec, issue, planned, sheet, where } from '../support/snapshot';

const list = () => projectListSheet('项目汇总表', '汇总表', [
  { name: '道路维护', initial: 10, budget: 10, executed: 9.5, score: 95 },
  { name: '环境整治', initial: 20, budget: 20, executed: 15, score: 72 },
]);

describe('a date-formatted cell in an amount column', () => {
  test('is an error at that cell, saying the date it shows; it is not 45,658 万元', () => {
    const spec = list();
    spec.rows[5][5] = 45658; // F6, 全年执行数, formatted as a date in the file
    const a = analyse(book({ ...fromSpec(spec), dates: { F6: '2025-01-01' } }));
    expect(issue(a, 'cell.date', '项目汇总表!F6').message).toBe('项目“环境整治”：“全年执行数”单元格为日期格式，显示为 2025-01-01，不能当作数字读取；请把单元格格式改为“常规”或“数值”，再填写正确的数字。');
    expect(a.model.projects.find((p) => p.name === '环境整治')?.executed ?? null).toBeNull();
    expect(planned(a, '项目汇总表!G6')).toBeUndefined();
    expect(where(a, 'exec.over')).toEqual([]);
    // Without the format, the same number is an amount (and far over budget).
    expect(where(analyse(book(fromSpec(spec))), 'exec.over')).toEqual(['项目汇总表!F6']);
  });
});

describe('a formula saved without its result (openpyxl and other writers that do not calculate)', () => {
  test('in a list\'s 合计 row: reported, not read as blank, so the total check does not silently vanish', () => {
    const spec = list();
    const formulas = { D7: '=SUM(D5:D6)', E7: '=SUM(E5:E6)', F7: '=SUM(F5:F6)' };
    const a = analyse(book({ ...fromSpec(spec), formulas, uncalculated: ['D7', 'E7', 'F7'] }));
    expect(where(a, 'formula.no-result')).toEqual(['项目汇总表!D7', '项目汇总表!E7', '项目汇总表!F7']);
    expect(issue(a, 'formula.no-result', '项目汇总表!E7')).toMatchObject({
      severity: 'warning',
      message: '此单元格的公式 =SUM(E5:E6) 在文件中没有计算结果（文件不是由 Excel 或 WPS 计算后保存的），无法核对；请在 Excel 或 WPS 中打开并保存文件后重新检查。',
    });
    // The same total with its result is checked as before.
    const stated = fromSpec(spec);
    stated.values = stated.values.map((r) => [...r]);
    stated.values[6][4] = 31;
    expect(where(analyse(book({ ...stated, formulas })), 'list-total.mismatch')).toEqual(['项目汇总表!E7']);
  });

  test('in a computed cell (a form\'s 总分): reported with the figure the rules give, never overwritten', () => {
    const spec = formSheet('自评表', [{
      name: '校园足球扶持资金', budget: 100, executed: 100,
      indicators: [
        { l1: '产出指标', l2: '数量指标', l3: '完成动画集数', target: '≥20集', actual: '20集', weight: 50 },
        { l1: '效益指标', l2: '社会效益指标', l3: '普及足球运动', target: '作用明显', actual: '达成年度指标', weight: 30, score: 30 },
        { l1: '满意度指标', l2: '服务对象满意度指标', l3: '用户满意度', target: '≥90%', actual: '92%', weight: 10 },
      ],
    }], 2025, '教育局');
    const total = spec.rows.findIndex((r) => r[0] === '总分');
    const cell = `I${total + 1}`;
    const a = analyse(book({ ...fromSpec(spec), formulas: { [cell]: `=SUM(I14:I${total})` }, uncalculated: [cell] }));
    expect(issue(a, 'formula.no-result', `自评表!${cell}`).message).toContain('无法核对，按规则应为100；');
    expect(planned(a, `自评表!${cell}`)).toBeUndefined();
    expect(where(a, 'formula.differs')).toEqual([]);
  });
});

describe('recognition walks occupied cells', () => {
  test('one stray cell at XFD1048576 changes nothing and costs nothing', () => {
    const spec = list();
    const plain = analyse(book(fromSpec(spec)));
    const values = spec.rows.map((r) => [...r]);
    values[1048575] = [];
    values[1048575][16383] = 'x';
    const t = Date.now();
    const stray = analyse(book(sheet('项目汇总表', values, { merges: spec.merges })));
    expect(Date.now() - t).toBeLessThan(1000);
    expect(stray.plan.writes).toEqual(plain.plan.writes);
    expect(stray.issues).toEqual(plain.issues);
  });

  test('the grid lists occupied rows and columns in order, and finds merges by cell without spreading them', () => {
    const values: Array<Array<string | number | null>> = [];
    values[2] = [null, '项目名称', null, '  '];
    values[7] = ['a'];
    values[7][300] = 5;
    const grid = new Grid({ name: 's', values, formulas: {}, merges: ['B3:C4', 'D6:XFD1048576'] });
    expect(grid.rows()).toEqual([2, 7]);
    expect(grid.rows(3)).toEqual([7]);
    expect(grid.cols(2)).toEqual([1]);
    expect(grid.cols(7)).toEqual([0, 300]);
    expect([grid.rowCount, grid.colCount]).toEqual([8, 301]);
    expect(grid.nextRow(2)).toBe(7);
    expect(grid.isMergedTail(3, 2)).toBe(true);
    expect(grid.merge(2, 1)).toEqual({ top: 2, left: 1, bottom: 3, right: 2 });
    expect(grid.merge(1048575, 16383)).toEqual({ top: 5, left: 3, bottom: 1048575, right: 16383 });
    expect(grid.merge(7, 0)).toBeNull();
    // KO8's 5 lies under D6:XFD1048576 and is not its top-left: nothing of its own shows there.
    expect(grid.nextFilledRight(7, 0)).toBe(-1);
  });
});
