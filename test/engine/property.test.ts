// Arbitrary cell values into the parsers and the engine: nothing throws, every issue has a sheet and a
// cell, the result is deterministic, and filling twice changes nothing the second time.
import fc from 'fast-check';
import { analyse, type CellValue, type WorkbookSnapshot } from '../../src/engine';
import { toA1 } from '../../src/engine/address';
import { parseActual, parseTarget } from '../../src/engine/parse/target';
import { parseValue } from '../../src/engine/parse/value';
import { labelKey } from '../../src/engine/text';
import { applyPlanToSnapshot } from '../../src/gateways/memory';
import { formSheet, indicatorListSheet, type IndicatorSpec, projectListSheet, type ProjectSpec } from '../../src/samples/layouts';
import { fromSpec } from '../support/snapshot';

// Words that steer recognition, so random sheets often hold real tables and not only noise.
const VOCABULARY = [
  '项目名称', '全年预算数', '全年执行数（B）', '年初预算数', '执行率', '自评得分', '评价等级', '绩效目标实现程度', '序号',
  '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', '计算符号', '计量单位',
  '项目资金（万元）', '年度资金总额', '其中：财政拨款', '上年结转资金', '其他资金', '年度总体目标', '预期目标', '实际完成情况',
  '总分', '合计', '涉密', '产出指标', '效益指标（30分）', '满意度指标', '成本指标', '达成年度指标', '部分达成年度指标并具有一定效果',
  '≥95%', '≤90万元', '=0', '＞3万元', '不低于85%', '≥', '100％', '１２.５', '95.66分', '1,234.5', '—', '/', '无', '#DIV/0!', '#REF!',
  '=SUM(A1:A3)', '+1', '-', '@x', '\n', ' ', '',
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 2, arbitrary: fc.double({ noNaN: false }) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 100000 }) },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.fullUnicodeString({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 3, arbitrary: fc.constant(null) },
);

const sheetArb = fc.record({
  name: fc.constantFrom('项目汇总表', '绩效指标表', '自评表', 'Sheet1'),
  values: fc.array(fc.array(cellValue, { maxLength: 12 }), { maxLength: 24 }),
  merges: fc.array(fc.tuple(fc.nat(23), fc.nat(11), fc.nat(3), fc.nat(3)).map(([r, c, h, w]) => `${toA1(r, c)}:${toA1(r + h, c + w)}`), { maxLength: 4 }),
  formulas: fc.dictionary(fc.tuple(fc.nat(23), fc.nat(11)).map(([r, c]) => toA1(r, c)), fc.constantFrom('=G7/F7', '=SUM(H1:H9)', '=#REF!+1'), { maxKeys: 3 }),
  protected: fc.boolean(),
});

const workbookArb: fc.Arbitrary<WorkbookSnapshot> = fc
  .uniqueArray(sheetArb, { maxLength: 3, selector: (s) => s.name })
  .map((sheets) => ({ sheets }));

describe('parsers never throw', () => {
  test('on any cell value', () => {
    fc.assert(
      fc.property(cellValue, (v) => {
        parseValue(v);
        parseTarget(v, false);
        parseTarget(v, true);
        parseActual(v);
        labelKey(v);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the engine on arbitrary workbooks', () => {
  test('never throws; every issue names its sheet and an A1 cell; writes are on known sheets', () => {
    fc.assert(
      fc.property(workbookArb, fc.constantFrom('national', 'fasp2', 'grades-80-70-60', 'guangdong-township', 'hebei-county', 'provincial'), fc.constantFrom('zh', 'en') as fc.Arbitrary<'zh' | 'en'>, (wb, profile, lang) => {
        const a = analyse(wb, { profile, lang });
        const names = new Set(wb.sheets.map((s) => s.name));
        for (const issue of a.issues) {
          expect(issue.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
          expect(names.has(issue.sheet) || wb.sheets.length === 0).toBe(true);
          expect(issue.message.length).toBeGreaterThan(5);
          expect(issue.message).not.toMatch(/undefined|NaN|\[object/);
        }
        for (const w of a.plan.writes) {
          expect(names.has(w.sheet)).toBe(true);
          expect(typeof w.value === 'string' || Number.isFinite(w.value)).toBe(true);
          expect(wb.sheets.find((s) => s.name === w.sheet)?.formulas[w.cell]).toBeUndefined();
        }
      }),
      { numRuns: 400 },
    );
  });

  test('is deterministic, and a second fill changes nothing', () => {
    fc.assert(
      fc.property(workbookArb, (wb) => {
        const first = analyse(wb);
        expect(JSON.stringify(analyse(wb).issues)).toBe(JSON.stringify(first.issues));
        const filled = applyPlanToSnapshot(wb, first.plan);
        expect(analyse(filled).plan.writes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

// Real layouts with arbitrary values in every cell a unit fills in.
const indicatorArb: fc.Arbitrary<IndicatorSpec> = fc.record({
  l1: fc.constantFrom('产出指标', '效益指标', '满意度指标', '产出指标（50分）', ''),
  l2: fc.constantFrom('数量指标', '成本指标', '社会效益指标', ''),
  l3: fc.constantFrom('户数', '合格率', '涉密指标', '预算执行率', ''),
  target: cellValue,
  actual: cellValue,
  weight: cellValue,
  score: cellValue,
  reason: fc.constantFrom('', '受天气影响'),
});
const projectArb: fc.Arbitrary<ProjectSpec> = fc.record({
  name: fc.constantFrom('甲', '乙', '=HYPERLINK("x")', '涉密项目', ''),
  initial: cellValue,
  budget: cellValue,
  executed: cellValue,
  score: cellValue,
  achievement: cellValue,
  statedTotal: cellValue,
  indicators: fc.array(indicatorArb, { maxLength: 7 }),
  funds: fc.record({ appropriation: fc.tuple(cellValue, cellValue, cellValue) }),
});

describe('real layouts with arbitrary entries', () => {
  test('never throw, name every issue\'s cell, and fill idempotently', () => {
    fc.assert(
      fc.property(fc.array(projectArb, { minLength: 1, maxLength: 3 }), (projects) => {
        const wb = {
          sheets: [
            fromSpec(projectListSheet('项目汇总表', '汇总', projects)),
            fromSpec(indicatorListSheet('绩效指标表', '指标', projects)),
            fromSpec(formSheet('自评表', projects, 2025, '某镇')),
          ],
        };
        const a = analyse(wb);
        expect(a.model.forms.length).toBe(projects.length);
        for (const issue of a.issues) expect(issue.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
        for (const w of a.plan.writes) expect(typeof w.value === 'string' || Number.isFinite(w.value)).toBe(true);
        expect(analyse(applyPlanToSnapshot(wb, a.plan)).plan.writes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
