// Issue 7's rules end to end: `selfeval fill` (the built command, in a child process) on workbooks made
// here; the cells it writes (read back from the output file), the cells it leaves, and the issues it says.
import { execFileSync, spawnSync } from 'child_process';
import { rmSync } from 'fs';
import { join, resolve } from 'path';
import type { JsonReport } from '../../src/cli/json';
import { departmentSheet, type DepartmentSpec, formSheet, type IndicatorSpec, projectListSheet, type ProjectSpec, type SheetSpec } from '../../src/samples/layouts';
import { load, tempDir, writeSpecs } from '../support/files';

const ROOT = resolve(__dirname, '../..');
let dir: string;
let cli: string;
// A build of its own: other test files rebuild dist/node while this one runs.
const build = join(ROOT, 'dist', `rules-test-${process.pid}`);

beforeAll(() => {
  dir = tempDir();
  const out = build;
  execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json', '--outDir', out], { cwd: ROOT });
  cli = join(out, 'cli', 'main.js');
}, 120_000);

afterAll(() => rmSync(build, { recursive: true, force: true }));

interface Run {
  code: number | null;
  report: JsonReport;
  err: string;
}

/** `selfeval fill FILE -o OUT --json [...extra]`, with the output workbook read back. */
async function fill(name: string, specs: SheetSpec[], ...extra: string[]): Promise<Run & { cell: (sheet: string, address: string) => unknown }> {
  const file = await writeSpecs(dir, `${name}.xlsx`, specs);
  const output = join(dir, `${name}-out.xlsx`);
  const result = spawnSync(process.execPath, ['-e', 'require(process.argv[1]).main(process.argv.slice(2)).then((c) => { process.exitCode = c; })', cli, 'fill', file, '-o', output, '--json', '--no-summary', ...extra], { encoding: 'utf8', cwd: ROOT });
  if (result.stdout === '') throw new Error(result.stderr);
  const wb = await load(output);
  return {
    code: result.status,
    report: JSON.parse(result.stdout),
    err: result.stderr,
    cell: (sheet, address) => wb.getWorksheet(sheet)!.getCell(address).value,
  };
}

const at = (run: Run, rule: string) => run.report.issues.filter((i) => i.rule === rule).map((i) => `${i.sheet}!${i.cell}`);
const message = (run: Run, rule: string) => run.report.issues.find((i) => i.rule === rule)?.message;

// A form (rows: 7 年度资金总额, 14–19 indicators, 20 总分, 21 评价等级; G actual, I score, J reason).
const INDICATORS: IndicatorSpec[] = [
  { l1: '产出指标', l2: '数量指标', l3: '改造户数', target: '≥100户', actual: '100户', weight: 20 },
  { l1: '产出指标', l2: '质量指标', l3: '验收合格率', target: '=100%', actual: '100%', weight: 15 },
  { l1: '产出指标', l2: '时效指标', l3: '完成时限', target: '12月底前完成', actual: '11月完成', weight: 10 },
  { l1: '产出指标', l2: '成本指标', l3: '户均成本', target: '≤1万元', actual: '0.9万元', weight: 5 },
  { l1: '效益指标', l2: '社会效益指标', l3: '群众居住条件', target: '明显改善', actual: '达成年度指标', weight: 30, score: 30 },
  { l1: '满意度指标', l2: '服务对象满意度指标', l3: '群众满意度', target: '≥90%', actual: '95%', weight: 10 },
];
const change = (l3: string, c: Partial<IndicatorSpec>) => INDICATORS.map((i) => (i.l3 === l3 ? { ...i, ...c } : i));
const form = (indicators: IndicatorSpec[], p: Partial<ProjectSpec> = {}, year = 2025) =>
  formSheet('自评表', [{ name: '农村危房改造', budget: 100, executed: 100, indicators, ...p }], year, '住建办');

describe('indicators', () => {
  test('negated answers: no score is filled beside 未按时完成, and full marks beside 无明显提升 are an error', async () => {
    const negated = await fill('negated', [form(change('群众居住条件', { actual: '未按时完成', score: undefined }))]);
    expect(at(negated, 'qual.negated')).toEqual(['自评表!G18']);
    expect(negated.cell('自评表', 'I18')).toBeNull();
    expect(negated.cell('自评表', 'I20')).toBeNull(); // no total without that score
    expect(negated.report.projects[0].score).toBeNull();

    const full = await fill('negated-full', [form(change('群众居住条件', { actual: '无明显提升', score: 30 }))]);
    expect(full.code).toBe(1);
    expect(message(full, 'qual.not-met-full')).toBe('项目“农村危房改造”：实际完成值“无明显提升”表明指标未达成，得分30却在“达成”档[24, 30]内；请按部分达成或未达成重新打分（低于24分）。');
    expect(full.cell('自评表', 'I18')).toBe(30);
  });

  test('at 300 % of the target the unit\'s 8 of 10 with its reason stays; the total uses it', async () => {
    const indicators = change('改造户数', { actual: '300户', weight: 10, score: 8, reason: '年初指标值设定偏低，按偏离度调减2分' }).map((i) => (i.l3 === '验收合格率' ? { ...i, weight: 25 } : i));
    const run = await fill('over', [form(indicators)]);
    expect(run.cell('自评表', 'I14')).toBe(8);
    expect(run.report.writes?.map((w) => w.cell)).not.toContain('I14');
    expect(at(run, 'over.deduction-kept')).toEqual(['自评表!I14']);
    expect(run.cell('自评表', 'I20')).toBe(98);
    expect(run.report.indicators[0]).toMatchObject({ cell: 'I14', score: 8 });
  });

  test('time targets as dates: 11月 against 12月底前 is met (10 filled); 2024年3月 against 2023年9月底前 is missed (nothing filled)', async () => {
    const met = await fill('date-met', [form(INDICATORS)]);
    expect(at(met, 'target.unit-mismatch')).toEqual([]);
    expect(met.cell('自评表', 'I16')).toBe(10);

    const missed = await fill('date-missed', [form(change('完成时限', { target: '2023年9月底前', actual: '2024年3月' }), {}, 2023)]);
    expect(at(missed, 'time.missed')).toEqual(['自评表!G16']);
    expect(missed.cell('自评表', 'I16')).toBeNull();
  });

  test('the execution score is rounded once: 76.245 of 100 writes 76.25 % and 7.62', async () => {
    const run = await fill('execution', [form(INDICATORS, { budget: 100, executed: 76.245 })]);
    expect([run.cell('自评表', 'I7'), run.cell('自评表', 'K7')]).toEqual([0.7625, 7.62]);
    expect(run.report.projects[0]).toMatchObject({ executionRate: 0.7625, executionScore: 7.62 });
  });
});

describe('projects', () => {
  test('52 rows with three same-name pairs are 52 projects, with a warning per pair and every row filled', async () => {
    const names = Array.from({ length: 49 }, (_, i) => `村级项目${i + 1}`);
    names.splice(5, 0, '村级项目2');
    names.splice(20, 0, '村级项目9');
    names.splice(40, 0, '村级项目30');
    const projects: ProjectSpec[] = names.map((name, i) => ({ name, initial: 10, budget: 10 + i, executed: 10 + i, score: 90 }));
    const run = await fill('fifty-two', [projectListSheet('项目汇总表', '2023年度项目支出绩效自评汇总表', projects, false)]);
    expect(run.report.summary.projects).toBe(52);
    expect(run.report.projects).toHaveLength(52);
    expect(run.report.issues.filter((i) => i.rule === 'project.duplicate').map((i) => [i.severity, i.cell])).toEqual([['warning', 'B10'], ['warning', 'B25'], ['warning', 'B45']]);
    expect(message(run, 'project.duplicate')).toBe('项目“村级项目2”在 项目汇总表!B6 和 项目汇总表!B10 各有一行，按两个项目分别计算；如是同一项目重复填报，请删除其中一行。');
    expect(run.report.projects.filter((p) => p.name === '村级项目2').map((p) => [p.cell, p.budget])).toEqual([['B6', 11], ['B10', 15]]);
    // Every row's rate (G) and grade (J) are written, the repeated rows' too.
    expect([run.cell('项目汇总表', 'G10'), run.cell('项目汇总表', 'J10'), run.cell('项目汇总表', 'G56')]).toEqual([1, '优', 1]);
    expect(run.code).toBe(0);
  });

  test('a list without 执行数: no error, and the executed total is null, never 0', async () => {
    const sheet: SheetSpec = {
      name: '汇总', merges: [], formulas: {}, widths: [6, 20, 10, 10, 10], titleRows: [], headerRows: [0], tables: [],
      rows: [['序号', '项目名称', '资金数额', '实现程度', '自评得分'], [1, '道路硬化', 120.5, '100%', 95], [2, '人居环境整治', 80, '90%', 88]],
    };
    const run = await fill('no-executed', [sheet]);
    expect(run.code).toBe(0);
    expect(run.report.summary).toMatchObject({ projects: 2, errors: 0, totalBudget: 200.5, totalExecuted: null });
    expect(run.report.projects.map((p) => [p.executed, p.executionRate, p.grade])).toEqual([[null, null, '优'], [null, null, '良']]);
    expect(at(run, 'list.no-executed')).toEqual(['汇总!B1']);
  });
});

// Department sheets (rows from 3: the base block, the rate block, the point table; D values, F scores).
const BASE: DepartmentSpec['base'] = [
  ['财政拨款收入预算数', 2788.56], ['财政拨款收入决算数', 2788.56], ['年初预算数', 2700], ['全年预算数', 2900], ['全年执行数', 2845.81],
];
const RATES = ['预算执行率', '预算调整率', '财政拨款收入预决算差异率'];

describe('the department sheet', () => {
  test('revenue and expenditure apart: 98.13 % (not 102.05 %), 7.41 %, 0 %; the JSON departments', async () => {
    const items: DepartmentSpec['indicators'] = [
      { l1: '预算编制', l2: '预算编制', l3: '财政拨款收入预决算差异率', standard: '差异率为0得5分，每超过1个百分点扣0.5分', weight: 5 },
      { l1: '预算执行', l2: '资金管理', l3: '预算执行率', standard: '预算执行率100%得满分，每低于1个百分点扣0.5分，扣完为止', weight: 10 },
      { l1: '预算执行', l2: '项目管理', l3: '项目实施程序', standard: '', weight: null },
      { l1: '预算使用效益', l2: '效果性', l3: '社会经济环境效益', standard: '按目标完成情况打分', weight: 85, score: 80, reason: '个别目标未达成' },
    ];
    const run = await fill('department', [departmentSheet('部门整体', '2025年度部门整体支出绩效自评表', { base: BASE, rates: RATES, indicators: items })]);
    // Rates D10–D12, item scores F15–F18 (F17 a heading), 总分 F19, 换算得分 F20, 评价等级 F21.
    expect(['D10', 'D11', 'D12'].map((c) => run.cell('部门整体', c))).toEqual([0.9813, 0.0741, 0]);
    expect(['F15', 'F16', 'F17', 'F19', 'F20', 'F21'].map((c) => run.cell('部门整体', c))).toEqual([5, 9.07, null, 94.07, 94.07, '优']);
    expect(run.report.departments).toEqual([{
      sheet: '部门整体',
      rates: { executionRate: 0.9813, adjustmentRate: 0.0741, finalVarianceRate: 0 },
      total: 94.07, weight: 100, converted: 94.07, grade: '优',
      items: [
        { cell: 'F15', level1: '预算编制', name: '财政拨款收入预决算差异率', kind: 'scored', weight: 5, score: 5, applicable: true, reason: '' },
        { cell: 'F16', level1: '预算执行', name: '预算执行率', kind: 'scored', weight: 10, score: 9.07, applicable: true, reason: '' },
        { cell: 'F17', level1: '预算执行', name: '项目实施程序', kind: 'unscored', weight: null, score: null, applicable: true, reason: '' },
        { cell: 'F18', level1: '预算使用效益', name: '社会经济环境效益', kind: 'scored', weight: 85, score: 80, applicable: true, reason: '个别目标未达成' },
      ],
    }]);
  });

  test('a stated total beside unscored rows is an error at its cell, and the items\' sum is written', async () => {
    const items: DepartmentSpec['indicators'] = [
      { l1: '预算编制', l2: '预算编制', l3: '预算编制合理性', standard: '', weight: 50, score: 50 },
      { l1: '预算执行', l2: '项目管理', l3: '专项资金绩效完成情况', standard: '', weight: null },
      { l1: '预算执行', l2: '项目管理', l3: '项目监管', standard: '', weight: null },
      { l1: '预算使用效益', l2: '效果性', l3: '社会经济环境效益', standard: '', weight: 50, score: 47, reason: '群众满意度调查样本少' },
    ];
    const run = await fill('stated', [departmentSheet('部门整体', '部门整体支出绩效自评表', { base: BASE, rates: [], indicators: items, statedTotal: 94 })]);
    // Base D3–D7, a blank row, the rate header on row 9 with no rates, a blank row, the table header on
    // row 11, items 12–15, 总分 on row 16.
    expect(at(run, 'total.mismatch')).toEqual(['部门整体!F16']);
    expect(message(run, 'total.mismatch')).toBe('部门整体自评总分填写为94，但各项之和为97；回填时改为97。');
    expect(run.cell('部门整体', 'F16')).toBe(97);
    expect(run.code).toBe(1);
  });

  test('the Hebei table: the 加分项 not applicable and a 存在问题 deduction of 1 give 89.5 and 98.35', async () => {
    const categories: Array<[string, number, number]> = [
      ['重大政策落实', 10, 10], ['预算编制管理', 15, 15], ['预算执行管理', 20, 19.5], ['预算绩效管理', 20, 20], ['资产管理', 10, 10],
      ['债务管理', 6, 6], ['预算透明度', 5, 5], ['预算信息化', 5, 5],
    ];
    const items: DepartmentSpec['indicators'] = [
      ...categories.map(([l1, weight, score]) => ({ l1, l2: '', l3: `${l1}情况`, standard: '', weight, score, reason: score < weight ? '进度偏慢' : '' })),
      { l1: '参与财政改革创新', l2: '', l3: '改革创新试点', standard: '', weight: 9, applicable: '否' },
      { l1: '存在问题', l2: '', l3: '审计发现问题', standard: '每发现一个问题扣1分', weight: null, score: -1, reason: '往来款清理不及时' },
    ];
    const run = await fill('hebei', [departmentSheet('部门整体', '部门整体支出绩效自评表', { base: BASE, rates: [], indicators: items })], '--profile', 'hebei-county');
    expect(run.report.departments[0]).toMatchObject({ total: 89.5, weight: 91, converted: 98.35, grade: '优' });
    expect(run.report.departments[0].items.slice(-2).map((i) => [i.kind, i.applicable, i.score])).toEqual([['bonus', false, null], ['deduction', true, -1]]);
    expect([run.cell('部门整体', 'F22'), run.cell('部门整体', 'F23')]).toEqual([89.5, 98.35]);
  });
});

test('--profile provincial still works and says its new name', async () => {
  const run = await fill('alias', [form(INDICATORS)], '--profile', 'provincial');
  expect(run.err).toContain('评分方案“provincial”已改名为“grades-80-70-60”');
  expect(run.report.projects[0].grade).toBe('优');
});
