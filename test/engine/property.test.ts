// Arbitrary cell values into the parsers and the engine: nothing throws, every issue has a sheet and a
// cell, the result is deterministic, and filling twice changes nothing the second time.
import fc from 'fast-check';
import { analyse, type CellValue, type WorkbookSnapshot } from '../../src/engine';
import { toA1 } from '../../src/engine/address';
import { scoreByStandard } from '../../src/engine/compute/standard';
import { Dec } from '../../src/engine/decimal';
import { compareDates, parseCompletion, parseDateText } from '../../src/engine/parse/date';
import { parseStandard } from '../../src/engine/parse/standard';
import { parseActual, parseTarget } from '../../src/engine/parse/target';
import { parseValue } from '../../src/engine/parse/value';
import { labelKey } from '../../src/engine/text';
import { applyPlanToSnapshot } from '../../src/gateways/memory';
import {
  departmentSheet, type DepartmentSpec, formSheet, indicatorListSheet, type IndicatorSpec, projectListSheet, type ProjectSpec,
} from '../../src/samples/layouts';
import { fromSpec } from '../support/snapshot';

// Words that steer recognition, so random sheets often hold real tables and not only noise.
const VOCABULARY = [
  '项目名称', '全年预算数', '全年执行数（B）', '年初预算数', '执行率', '自评得分', '评价等级', '绩效目标实现程度', '序号',
  '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', '计算符号', '计量单位',
  '项目资金（万元）', '年度资金总额', '其中：财政拨款', '上年结转资金', '其他资金', '年度总体目标', '预期目标', '实际完成情况',
  '总分', '合计', '涉密', '产出指标', '效益指标（30分）', '满意度指标', '成本指标', '达成年度指标', '部分达成年度指标并具有一定效果',
  '≥95%', '≤90万元', '=0', '＞3万元', '不低于85%', '≥', '100％', '１２.５', '95.66分', '1,234.5', '—', '/', '无', '#DIV/0!', '#REF!',
  '=SUM(A1:A3)', '+1', '-', '@x', '\n', ' ', '',
  // Time targets, negations, the department sheet and its 评分标准.
  '12月底前完成', '11月完成', '2023年9月底前', '2024年3月', '12月前', '未按时完成', '无明显提升', '基本完成', '评分标准', '自评得分', '适用', '否',
  '加分项', '参与财政改革创新', '存在问题', '扣分项', '财政拨款收入预算数', '财政拨款收入决算数', '预算执行率', '执行率×分值',
  '每低于1个百分点扣0.5分，扣完为止', '≥95%得10分；90%(含)-95%得8分', '未公开的不得分',
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

// Texts built from the words these parsers look for, so that random input reaches their deep branches.
const DATE_WORDS = ['2025', '年', '12', '月', '底', '前', '完成', '日', '31', '三', '季度', '末', '上半年', '年内', '-', '/', '.', '≤', '截止', '于', '第', '0', '13'];
const STANDARD_WORDS = ['每', '低于', '超过', '1', '0.5', '个', '百分点', '%', '扣', '分', '得', '满分', '不得分', '≥', '<', '(含)', '-', '以上', '以下', '；', '，', '为', '0', '95', '执行率', '×', '分值', '按完成比例计分'];
const wordText = (words: string[]) => fc.array(fc.constantFrom(...words), { maxLength: 14 }).map((w) => w.join(''));
const textArb = fc.oneof(fc.string(), fc.fullUnicodeString({ maxLength: 20 }), wordText(DATE_WORDS), wordText(STANDARD_WORDS));

describe('the time-target and 评分标准 parsers never throw', () => {
  test('dates: parsed texts give valid spans, any two compare to met / missed / unclear', () => {
    fc.assert(
      fc.property(textArb, fc.oneof(textArb.map((t) => t as CellValue), cellValue), fc.option(fc.integer({ min: 1900, max: 2199 })), (target, done, year) => {
        const deadline = parseDateText(target);
        parseDateText(target, true);
        const completion = parseCompletion(done);
        if (deadline && completion !== null) {
          expect(['met', 'missed', 'unclear']).toContain(compareDates(deadline, completion, year).kind);
        }
        if (deadline) {
          for (const [month, day] of [deadline.start, deadline.end]) {
            expect(month >= 1 && month <= 12 && (day === null || (day >= 1 && day <= 31))).toBe(true);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('评分标准: a parsed standard scores any rate within [0, 分值]', () => {
    fc.assert(
      fc.property(textArb, fc.double({ min: -2, max: 3, noNaN: true }), fc.integer({ min: 0, max: 40 }), (text, rate, weight) => {
        const standard = parseStandard(text);
        if (!standard) return;
        const result = scoreByStandard(standard, new Dec(rate), new Dec(weight));
        for (const s of result ? [result.expected, ...result.accepted] : []) {
          expect(s.gte(0) && s.lte(weight)).toBe(true);
        }
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

// The department sheet with arbitrary figures, scores, 评分标准 and 适用 marks.
const departmentArb: fc.Arbitrary<DepartmentSpec> = fc.record({
  base: fc.array(fc.tuple(fc.constantFrom('年初预算数', '全年预算数', '全年执行数', '财政拨款收入预算数', '财政拨款收入决算数', '政府采购预算数', '实际政府采购金额', '编制数', '实有在职人数'), cellValue), { maxLength: 9 }),
  rates: fc.array(fc.constantFrom('预算执行率', '预算调整率', '财政拨款收入预决算差异率', '政府采购执行率'), { maxLength: 4 }),
  indicators: fc.array(fc.record({
    l1: fc.constantFrom('预算编制', '预算执行', '参与财政改革创新', '存在问题', ''),
    l2: fc.constantFrom('预算执行管理', '加分项', ''),
    l3: fc.constantFrom('预算执行率', '财政拨款收入预决算差异率', '政府采购执行率', '专项资金绩效完成情况', ''),
    standard: fc.oneof(fc.constantFrom('执行率×分值', '每低于1个百分点扣0.5分，扣完为止', '≥95%得10分；90%(含)-95%得8分', '未公开的不得分', ''), wordText(STANDARD_WORDS)),
    weight: fc.option(fc.integer({ min: 0, max: 40 })),
    score: cellValue,
    applicable: fc.constantFrom('是', '否', '不适用', ''),
    reason: fc.constantFrom('', '执行进度偏慢'),
  }), { maxLength: 8 }),
  statedTotal: cellValue,
});

describe('the department sheet with arbitrary entries', () => {
  test('never throws, names every issue\'s cell, and fills idempotently under every profile', () => {
    fc.assert(
      fc.property(departmentArb, fc.constantFrom('national', 'guangdong-township', 'hebei-county'), (dept, profile) => {
        const wb = { sheets: [fromSpec(departmentSheet('部门整体', '2025年度部门整体支出绩效自评表', dept))] };
        const a = analyse(wb, { profile });
        for (const issue of a.issues) expect(issue.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
        for (const w of a.plan.writes) expect(typeof w.value === 'string' || Number.isFinite(w.value)).toBe(true);
        expect(analyse(applyPlanToSnapshot(wb, a.plan), { profile }).plan.writes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
