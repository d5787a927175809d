// A county bureau's blank template (某某县, 2025) with the formulas real templates carry, and a unit's
// workbook filled in from it the way units fill them: more projects than the template has rows, a second
// project in the indicator list, every amount, value, score and reason typed in.
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/engine';
import { toA1 } from '../../src/engine/address';
import { departmentSheet, formSheet, indicatorListSheet, projectListSheet, type ProjectSpec, type SheetSpec } from '../../src/samples/layouts';
import { copyBook, insertRows, setCell, sheetOf } from './edit';
import { fromSpec } from './snapshot';

const PRESET = [
  ['产出指标', '数量指标', 20], ['产出指标', '质量指标', 15], ['产出指标', '时效指标', 10], ['产出指标', '成本指标', 5],
  ['效益指标', '社会效益指标', 30], ['满意度指标', '服务对象满意度指标', 10],
] as const;

export const DEPARTMENT_ITEMS = [
  { l1: '预算编制', l2: '预算编制管理', l3: '预算编制合理性', standard: '预算编制科学合理得10分', weight: 10 },
  { l1: '预算执行', l2: '预算执行管理', l3: '预算执行率', standard: '执行率×30', weight: 30 },
  { l1: '预算执行', l2: '预算执行管理', l3: '结转结余率', standard: '结转结余率为0得10分，每增加1个百分点扣1分', weight: 10 },
  { l1: '预算执行', l2: '预算执行管理', l3: '政府采购执行率', standard: '执行率×10', weight: 10 },
  { l1: '预算绩效', l2: '预算绩效管理', l3: '绩效目标合理性', standard: '目标明确、细化量化得30分', weight: 30 },
  { l1: '债务管理', l2: '债务管理', l3: '债务风险控制', standard: '无新增隐性债务得10分', weight: 10 },
];
const BASE = ['年初预算数', '全年预算数', '全年执行数', '决算数', '年初结转结余', '本年财政拨款', '年末结转结余', '政府采购预算数', '实际政府采购金额'];
const RATES = ['预算执行率', '结转结余率', '政府采购执行率'];

/** Row index (0-based) of the first row whose cell in `col` is `text`. */
export function rowOf(sheet: { rows?: CellValue[][]; values?: CellValue[][] }, col: number, text: string, from = 0): number {
  const rows = sheet.rows ?? sheet.values ?? [];
  for (let r = from; r < rows.length; r++) if (typeof rows[r]?.[col] === 'string' && (rows[r][col] as string).trim() === text) return r;
  throw new Error(`no ${text} in column ${col}`);
}

function withListTotals(spec: SheetSpec): SheetSpec {
  const total = rowOf(spec, 0, '合计');
  const first = spec.headerRows[spec.headerRows.length - 1] + 1;
  for (const col of [3, 4, 5]) spec.formulas[toA1(total, col)] = `=SUM(${toA1(first, col)}:${toA1(total - 1, col)})`;
  return spec;
}

function withFormTotals(spec: SheetSpec): SheetSpec {
  const fundTotal = rowOf(spec, 2, '年度资金总额');
  const header = rowOf(spec, 1, '一级指标');
  const total = rowOf(spec, 0, '总分');
  const [first, last] = [header + 1, total - 1];
  spec.formulas[toA1(total, 7)] = `=${toA1(fundTotal, 7)}+SUM(${toA1(first, 7)}:${toA1(last, 7)})`;
  spec.formulas[toA1(total, 8)] = `=${toA1(fundTotal, 10)}+SUM(${toA1(first, 8)}:${toA1(last, 8)})`;
  return spec;
}

/** The template's sheets: project list (8 rows to fill), indicator list, the official form, the department table. */
export function countyTemplateSpecs(): SheetSpec[] {
  const blank: ProjectSpec = { name: '', indicators: PRESET.map(([l1, l2, weight]) => ({ l1, l2, l3: '', target: null, weight })) };
  const list = projectListSheet('项目汇总表', '项目支出绩效自评汇总表', Array.from({ length: 8 }, () => ({ name: '' })));
  for (const row of list.rows) if (typeof row[0] === 'number') row[0] = null;
  // Where the unit writes its name: B2, right of its label.
  list.rows[1][0] = '单位名称：';
  return [
    withListTotals(list),
    indicatorListSheet('绩效指标表', '项目绩效指标完成情况表', [blank]),
    withFormTotals(formSheet('项目支出绩效自评表', [{ ...blank, rateFormula: true }], 2025, '')),
    departmentSheet('部门整体绩效', '部门整体支出绩效自评表', { base: BASE.map((l) => [l, null]), rates: RATES, indicators: DEPARTMENT_ITEMS }),
  ];
}

export function countyTemplate(): WorkbookSnapshot {
  return { sheets: countyTemplateSpecs().map((s) => fromSpec(s)) };
}

const PROJECTS: Array<[string, string, number, number, number, number, number]> = [
  ['农村人居环境整治项目', '专项项目', 100, 105, 98.6, 1, 96.5],
  ['乡村振兴衔接资金项目', '专项项目', 1700, 1759.62291, 1672.699499, 0.95, 92],
  ['东村道路硬化工程', '基本建设', 80, 80, 80, 1, 98],
  ['大气污染综合治理', '专项项目', 600, 620, 598.3, 1, 95.5],
  ['农村饮水安全维修养护', '运维项目', 90, 90, 89.974, 1, 99],
  ['高标准农田建设', '基本建设', 300, 300, 210.5, 0.9, 85],
  ['村级组织运转经费', '经常性项目', 236.8, 236.8, 236.8, 1, 100],
  ['防汛物资储备', '专项项目', 12, 12, 12, 1, 100],
  ['秸秆禁烧及综合利用', '专项项目', 28, 28, 27.5, 1, 97],
  ['综合文化站免费开放', '经常性项目', 15, 15, 15, 1, 100],
];

const INDICATORS: Array<[string, string, string, number?]> = [
  ['道路硬化面积', '≥5000平方米', '5800平方米'],
  ['工程验收合格率', '=100%', '100%'],
  ['按期完工率', '=100%', '100%'],
  ['工程造价', '≤80万元', '80万元'],
  ['群众出行条件', '明显改善', '达成年度指标', 28],
  ['沿线群众满意度', '≥90%', '95%'],
];

/** Fills the preset indicator rows from `top` (columns: l3, target, actual, score and reason by offset). */
function fillIndicators(sheet: SheetSnapshot, top: number, cols: { l3: number; target: number; actual: number; score: number }): void {
  INDICATORS.forEach(([l3, target, actual, score], i) => {
    setCell(sheet, toA1(top + i, cols.l3), l3);
    setCell(sheet, toA1(top + i, cols.target), target);
    setCell(sheet, toA1(top + i, cols.actual), actual);
    if (score !== undefined) setCell(sheet, toA1(top + i, cols.score), score);
  });
}

export const UNIT_NAME = '青山镇人民政府';

/** 青山镇's workbook, made from the template: filled in, with two projects more than the list's rows. */
export function filledUnit(template: WorkbookSnapshot = countyTemplate()): WorkbookSnapshot {
  const unit = copyBook(template);

  const list = sheetOf(unit, '项目汇总表');
  const total = rowOf(list, 0, '合计');
  // Excel: two rows inserted above 合计 inside the list; the SUMs grow over them.
  insertRows(list, total - 1, [[], []]);
  const first = total - 8;
  PROJECTS.forEach(([name, category, initial, budget, executed, achievement, score], i) => {
    const r = first + i;
    for (const [col, value] of [[0, i + 1], [1, name], [2, category], [3, initial], [4, budget], [5, executed], [7, achievement], [8, score]] as const) setCell(list, toA1(r, col), value);
  });
  setCell(list, toA1(rowOf(list, 0, '合计') + 2, 0), '填表人：王五');
  setCell(list, 'B2', UNIT_NAME);

  const indicators = sheetOf(unit, '绩效指标表');
  setCell(indicators, 'A3', '东村道路硬化工程');
  fillIndicators(indicators, 2, { l3: 3, target: 4, actual: 5, score: 7 });
  // A second project: the same preset rows again, below the first.
  const rows = PRESET.map(([l1, l2, weight], i): CellValue[] => [i === 0 ? '高标准农田建设' : null, l1, l2, null, null, null, weight]);
  insertRows(indicators, 8, rows);
  fillIndicators(indicators, 8, { l3: 3, target: 4, actual: 5, score: 7 });

  const form = sheetOf(unit, '项目支出绩效自评表');
  setCell(form, 'C4', '东村道路硬化工程');
  setCell(form, 'C5', '青山镇人民政府');
  setCell(form, 'G5', '青山镇交通办');
  for (const [address, value] of [['E7', 80], ['F7', 80], ['G7', 80], ['E8', 80], ['F8', 80], ['G8', 80]] as const) setCell(form, address, value);
  setCell(form, 'I7', 1, form.formulas.I7);
  setCell(form, 'B12', '完成东村道路硬化5000平方米。');
  setCell(form, 'G12', '硬化道路5800平方米，按期完工并验收合格。');
  fillIndicators(form, 13, { l3: 3, target: 5, actual: 6, score: 8 });

  const dept = sheetOf(unit, '部门整体绩效');
  BASE.forEach((label, i) => setCell(dept, toA1(rowOf(dept, 0, label), 3), [2788.56, 2788.56, 2740.2, 2788.56, 756, 2032.56, 0, 50, 48][i]));
  const header = rowOf(dept, 0, '一级指标');
  [10, 29.47, 10, 9.6, 28, 10].forEach((score, i) => setCell(dept, toA1(header + 1 + i, 5), score));
  setCell(dept, toA1(header + 4, 7), '政府采购未全部执行');
  return unit;
}
