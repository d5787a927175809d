// `selfeval batch` end to end, as the bureau runs it: the built command (worker threads need the compiled
// worker) on a folder of units' workbooks made here, some of them broken. The review workbook is read
// back with the project's own reader; LibreOffice opens it; the JSON, the exit codes, the progress bar.
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { strFromU8, unzipSync } from 'fflate';
import type { BatchJson } from '../../src/cli/batch-json';
import type { CellValue, WorkbookSnapshot } from '../../src/engine';
import { readWorkbookSync } from '../../src/gateways/xlsx';
import { tempDir } from '../support/files';
import { cleanSpecs, specBytes, unitsFolder } from '../support/units';

jest.setTimeout(300_000);

const ROOT = resolve(__dirname, '../..');
// A build of its own: other test files rebuild dist/node while this one runs.
const build = join(ROOT, 'dist', `batch-test-${process.pid}`);
const RUN = 'require(process.argv[1]).main(process.argv.slice(2)).then((c) => { process.exitCode = c; })';

let dir: string;
const out = (name: string) => join(dir, name);

function selfeval(...args: string[]) {
  const r = spawnSync(process.execPath, ['-e', RUN, join(build, 'cli', 'main.js'), ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function sheet(book: WorkbookSnapshot, name: string): (row: number, width?: number) => CellValue[] {
  const s = book.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return (row, width = 22) => Array.from({ length: width }, (_, c) => s.values[row]?.[c] ?? null);
}

beforeAll(async () => {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json', '--outDir', build], { cwd: ROOT });
  dir = tempDir();
  await unitsFolder(dir);
}, 180_000);

afterAll(() => rmSync(build, { recursive: true, force: true }));

const NATIONAL = '全国通用（财预〔2020〕10号）';

describe('a folder of seven workbooks and two other files', () => {
  let text: ReturnType<typeof selfeval>;
  let book: WorkbookSnapshot;

  beforeAll(() => {
    text = selfeval('batch', '单位', '-o', '审核汇总.xlsx', '--jobs', '2');
    book = readWorkbookSync(readFileSync(out('审核汇总.xlsx')), '审核汇总.xlsx').snapshot;
  });

  test('exit code 1 (a unit has errors, files could not be read); the terminal lists every file in the review\'s order', () => {
    expect(text.code).toBe(1);
    expect(text.out.split('\n').slice(0, 8).map((l) => l.split(/\s{2,}/))).toEqual([
      ['文件', '单位', '执行率', '换算得分', '错误', '警告', '状态'],
      ['县直部门/农业农村局.xlsx', '县农业农村局', '89.8', '0', '0', '通过'],
      ['青山镇.xlsx', '青山镇人民政府', '93.42%', '81.08', '12', '20', '需退回修改'],
      ['东坡镇.xlsx', '东坡镇人民政府', '96.85%', '0', '0', '通过'],
      ['加密.xlsx', '无法读取：加密.xlsx 是旧版 .xls 格式或已加密的工作簿，无法直接读取；请在 Excel 或 WPS 中“另存为”未加密的 .xlsx 后再试。'],
      ['截断.xlsx', '无法读取：截断.xlsx 已损坏或无法解析；请在 Excel 或 WPS 中打开后重新保存为 .xlsx 再试。'],
      ['损坏.xlsx', '无法读取：损坏.xlsx 不是 Excel 工作簿（.xlsx）；请选择财政局下发的自评表文件。'],
      ['旧版.xls', '无法读取：旧版.xls 是旧版 .xls 格式或已加密的工作簿，无法直接读取；请在 Excel 或 WPS 中“另存为”未加密的 .xlsx 后再试。'],
    ]);
    expect(text.out).toMatch(/审核 7 个文件（2 个线程），用时 \d+\.\d 秒。可读取 3 个，无法读取 4 个；需退回修改 5 个；错误共 12 处，警告共 20 处。/);
    expect(text.out).toContain('未审核 2 个文件：~$青山镇.xlsx（Office 临时文件）、说明.docx（不是 Excel 工作簿）。');
    expect(text.out).toContain('已写入 审核汇总.xlsx：单位汇总、问题清单、退回意见、项目明细和执行率图。');
    expect(text.err).toBe('');
  });

  test('单位汇总: a row per file, ranked by 换算得分 then execution rate, figures as the rules give them, a total row', () => {
    const row = sheet(book, '单位汇总');
    expect(book.sheets.map((s) => s.name)).toEqual(['单位汇总', '问题清单', '退回意见', '项目明细', '执行率图']);
    expect(row(0)[0]).toBe('2025年度预算绩效自评审核汇总');
    expect(row(1)[0]).toBe('共7个文件，可读取3个，无法读取4个。需退回修改5个（有错误的1个、无法读取的4个），错误共12处，警告共20处。排序：部门整体换算得分从高到低，其次项目执行率从高到低；无法读取的文件列在最后。');
    expect(row(2)).toEqual(['序号', '文件', '单位', '年度', '评分方案', '项目支出', null, null, null, null, null, '项目等级（个）', null, null, null, '部门整体', null, null, '审核结果', null, null, null]);
    expect(row(3)).toEqual([null, null, null, null, null, '项目数', '全年预算数（万元）', '全年执行数（万元）', '执行率', '平均得分', '资金加权得分', '优', '良', '中', '差', '总分', '换算得分', '等级', '错误', '警告', '状态', '说明']);
    expect(row(4)).toEqual([1, '县直部门/农业农村局.xlsx', '县农业农村局', 2025, NATIONAL, 0, null, null, null, null, null, null, null, null, null, 89.8, 89.8, '良', 0, 0, '通过', null]);
    expect(row(5)).toEqual([2, '青山镇.xlsx', '青山镇人民政府', 2025, NATIONAL, 12, 3296.42291, 3065.373499, 0.9342, 96.53, 95.41, 7, 0, 0, 0, 30, 81.08, '良', 12, 20, '需退回修改', null]);
    // 167.395678 ÷ 172.845678 = 96.85 %; (96.5 + 88 + 100) ÷ 3 = 94.83; weighted by budget 94.78.
    expect(row(6)).toEqual([3, '东坡镇.xlsx', '东坡镇人民政府', 2025, NATIONAL, 3, 172.845678, 167.395678, 0.9685, 94.83, 94.78, 2, 1, 0, 0, null, null, null, 0, 0, '通过', null]);
    expect(row(7)).toEqual([4, '加密.xlsx', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, '无法读取', '加密.xlsx 是旧版 .xls 格式或已加密的工作簿，无法直接读取；请在 Excel 或 WPS 中“另存为”未加密的 .xlsx 后再试。']);
    expect([8, 9, 10].map((r) => [row(r)[1], row(r)[20], row(r)[21]])).toEqual([
      ['截断.xlsx', '无法读取', '截断.xlsx 已损坏或无法解析；请在 Excel 或 WPS 中打开后重新保存为 .xlsx 再试。'],
      ['损坏.xlsx', '无法读取', '损坏.xlsx 不是 Excel 工作簿（.xlsx）；请选择财政局下发的自评表文件。'],
      ['旧版.xls', '无法读取', '旧版.xls 是旧版 .xls 格式或已加密的工作簿，无法直接读取；请在 Excel 或 WPS 中“另存为”未加密的 .xlsx 后再试。'],
    ]);
    // Totals over the readable units: 3296.42291 + 172.845678; the rate over projects with a budget and an
    // executed amount (3232.769177 ÷ 3454.268588); the scores over all 10 scored projects (青山镇's five with an error have none).
    expect(row(11)).toEqual(['合计', null, '7个文件', null, null, 15, 3469.268588, 3232.769177, 0.9359, 96.02, 95.36, 9, 1, 0, 0, null, null, null, 12, 20, '5个需退回', null]);
    expect(row(14)[0]).toBe('执行率标黄的单位，其执行率低于评分方案的下限（默认80%）。各单位的问题见“问题清单”，需退回的单位的修改意见见“退回意见”，逐个项目的数据见“项目明细”。');
    expect(row(15)[0]).toBe('未审核的文件2个：~$青山镇.xlsx（Office 临时文件）、说明.docx（不是 Excel 工作簿）。');
  });

  test('the sheet\'s parts: frozen header, filter buttons over the units, print titles, errors coloured', () => {
    const parts = unzipSync(readFileSync(out('审核汇总.xlsx')));
    const xml = strFromU8(parts['xl/worksheets/sheet1.xml']);
    expect(xml).toContain('<pane xSplit="3" ySplit="4" topLeftCell="D5" activePane="bottomRight" state="frozen"/>');
    expect(xml).toContain('<autoFilter ref="A4:V11"/>');
    const workbook = strFromU8(parts['xl/workbook.xml']);
    expect(workbook).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'单位汇总\'!$A$4:$V$11</definedName>');
    expect(workbook).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">\'单位汇总\'!$3:$4</definedName>');
    // The error count of 青山镇 (S6) in Excel's red on pink, bold.
    const style = Number(/<c r="S6" s="(\d+)"/.exec(xml)![1]);
    const styles = strFromU8(parts['xl/styles.xml']);
    const xf = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)][style][0];
    const fill = [...styles.matchAll(/<fill>.*?<\/fill>/g)][Number(/fillId="(\d+)"/.exec(xf)![1])][0];
    const font = [...styles.matchAll(/<font>.*?<\/font>/g)][Number(/fontId="(\d+)"/.exec(xf)![1])][0];
    expect(fill).toContain('FFFFC7CE');
    expect(font).toContain('<b/>');
    expect(font).toContain('FF9C0006');
  });

  test('问题清单: every issue of every unit, with file, unit, sheet, cell, rule, severity and message', () => {
    const row = sheet(book, '问题清单');
    expect(row(0, 8)).toEqual(['序号', '文件', '单位', '工作表', '单元格', '规则', '严重程度', '问题说明']);
    const all = book.sheets.find((s) => s.name === '问题清单')!.values.slice(1).filter((r) => r?.[0] !== null && r?.[0] !== undefined);
    expect(all.length).toBe(38); // the sample's 12 errors, 20 warnings and 6 infos; the others have none
    expect(row(9, 8)).toEqual([9, '青山镇.xlsx', '青山镇人民政府', '项目汇总表', 'F13', 'cell.not-number', '错误', '项目“综合文化站免费开放”：“全年执行数”应为数字，当前为“待定”；请改填数字（单位：万元）。']);
    expect(all.filter((r) => r[6] === '错误').length).toBe(12);
    expect(all.filter((r) => r[6] === '提示').length).toBe(6);
  });

  test('退回意见: a note for each unit that goes back, cell by cell, and one for each file that could not be read', () => {
    const lines = book.sheets.find((s) => s.name === '退回意见')!.values.map((r) => r?.[0]).filter((v): v is string => typeof v === 'string');
    expect(lines[1]).toBe('以下5个单位的自评表需退回修改（有错误，或文件无法读取）。每段一个单位，可复制后直接发送。');
    const start = lines.indexOf('1. 青山镇人民政府（青山镇.xlsx）：错误12处，警告20处');
    expect(lines.slice(start + 1, start + 7)).toEqual([
      '青山镇人民政府：',
      '\u3000\u3000经审核，你单位报送的2025年度预算绩效自评表（文件“青山镇.xlsx”）有12处错误须修改，另有20处问题须核实说明。具体如下：',
      '一、须修改的错误（12处）',
      '（一）项目汇总表',
      '\u3000\u30001. F13单元格：项目“综合文化站免费开放”：“全年执行数”应为数字，当前为“待定”；请改填数字（单位：万元）。',
      '\u3000\u30002. E16单元格：合计行“全年预算数”为3269.42291，各项目之和为3296.42291；请核对合计或各项目金额。',
    ]);
    // The engine tells the tool's user "回填时改为"; the unit is told to correct it.
    expect(lines.filter((l) => /^\u3000\u3000\d+\. I20单元格：项目“农村人居环境整治项目”：总分填写为94，但各项之和为99.39；请改为99.39。$/.test(l)).length).toBe(1);
    expect(lines).toContain('二、须核实说明的问题（20处）');
    expect(lines).toContain('\u3000\u3000请逐项修改；情况属实、无须修改的，请在“偏差原因分析及改进措施”或备注栏中写明原因。修改完成后，请将自评表重新报送财政局。');
    expect(lines.filter((l) => /^\d+\. /.test(l))).toEqual([
      '1. 青山镇人民政府（青山镇.xlsx）：错误12处，警告20处',
      '2. 加密.xlsx：文件无法读取',
      '3. 截断.xlsx：文件无法读取',
      '4. 损坏.xlsx：文件无法读取',
      '5. 旧版.xls：文件无法读取',
    ]);
    const truncated = lines.indexOf('3. 截断.xlsx：文件无法读取');
    expect(lines.slice(truncated + 1, truncated + 4)).toEqual([
      '报送“截断.xlsx”的单位：',
      '\u3000\u3000经审核，你单位报送的文件“截断.xlsx”无法按预算绩效自评表读取。截断.xlsx 已损坏或无法解析；请在 Excel 或 WPS 中打开后重新保存为 .xlsx 再试。',
      '\u3000\u3000请按上述办法处理后重新报送。',
    ]);
    expect(lines.join('\n')).not.toMatch(/回填|本工具/);
  });

  test('项目明细: every project of every unit with its figures', () => {
    const row = sheet(book, '项目明细');
    expect(row(0, 14)).toEqual(['序号', '文件', '单位', '工作表', '单元格', '项目名称', '项目类别', '全年预算数（万元）', '全年执行数（万元）', '执行率', '执行率得分', '自评得分', '评价等级', '目标实现程度']);
    const rows = book.sheets.find((s) => s.name === '项目明细')!.values.slice(1).filter((r) => r?.[0] !== null && r?.[0] !== undefined);
    expect(rows.length).toBe(15);
    // RULES.md §1.2: 1672.699499 of 1759.62291 → 95.06 %, execution score 9.51.
    expect(row(2, 14)).toEqual([2, '青山镇.xlsx', '青山镇人民政府', '项目汇总表', 'B6', '乡村振兴衔接资金项目', '专项项目', 1759.62291, 1672.699499, 0.9506, 9.51, 94.84, '优', 0.9481]);
    // What a workbook lacks stays empty: 综合文化站's executed amount (待定), hence no rate.
    expect(row(9, 14).slice(5, 12)).toEqual(['综合文化站免费开放', '经常性项目', 15, null, null, null, 92]);
    expect(row(15, 14)).toEqual([15, '东坡镇.xlsx', '东坡镇人民政府', '项目汇总表', 'B7', '文化下乡', '专项项目', 12.345678, 12.345678, 1, 10, 100, '优', 1]);
  });

  test('执行率图: the units with an execution rate, highest first, and a bar chart over them with the values cached', () => {
    const row = sheet(book, '执行率图');
    expect([row(0, 2), row(1, 2), row(2, 2), row(3, 2)]).toEqual([['单位', '项目执行率'], ['东坡镇人民政府', 0.9685], ['青山镇人民政府', 0.9342], [null, null]]);
    const parts = unzipSync(readFileSync(out('审核汇总.xlsx')));
    const chart = strFromU8(parts['xl/charts/chart1.xml']);
    expect(chart).toContain('<c:barDir val="bar"/>');
    expect(chart).toContain('<c:f>\'执行率图\'!$A$2:$A$3</c:f><c:strCache><c:ptCount val="2"/><c:pt idx="0"><c:v>东坡镇人民政府</c:v></c:pt><c:pt idx="1"><c:v>青山镇人民政府</c:v></c:pt></c:strCache>');
    expect(chart).toContain('<c:pt idx="0"><c:v>0.9685</c:v></c:pt><c:pt idx="1"><c:v>0.9342</c:v></c:pt>');
    expect(strFromU8(parts['xl/worksheets/_rels/sheet5.xml.rels'])).toContain('Target="../drawings/drawing1.xml"');
    expect(strFromU8(parts['xl/drawings/_rels/drawing1.xml.rels'])).toContain('Target="../charts/chart1.xml"');
    expect(strFromU8(parts['[Content_Types].xml'])).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
  });

  // (Its headless conversion drops every file's view settings, frozen panes included: not asserted here.)
  test('LibreOffice opens the review without error, prints it, and keeps its chart and filter when it saves it', () => {
    const profile = `/tmp/lo-batch-${process.pid}`;
    // A new profile's first start warns that Java is not there (it is not needed): anything else is a failure.
    const problems = (stderr: string) => stderr.split('\n').filter((l) => l.trim() && !/javaldx/.test(l));
    const convert = (to: string, folder: string) => spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', out(folder), out('审核汇总.xlsx')], { encoding: 'utf8', timeout: 120_000 });
    const pdf = convert('pdf', 'pdf');
    expect([pdf.status, problems(pdf.stderr)]).toEqual([0, []]);
    const pages = Number(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/.exec(readFileSync(out('pdf/审核汇总.pdf')).toString('latin1'))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(5);
    const saved = convert('xlsx', 'lo');
    expect([saved.status, problems(saved.stderr)]).toEqual([0, []]);
    const parts = unzipSync(readFileSync(out('lo/审核汇总.xlsx')));
    const charts = Object.keys(parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts.length).toBe(1);
    expect(strFromU8(parts[charts[0]])).toContain('<c:barDir val="bar"/>');
    const first = strFromU8(parts['xl/worksheets/sheet1.xml']);
    expect(first).toMatch(/<autoFilter ref="A4:V11"/);
    rmSync(profile, { recursive: true, force: true });
  });
});

describe('JSON and threads', () => {
  test('the JSON as the README gives it; --jobs 1 and --jobs 2 give the same JSON and the same review, byte for byte', () => {
    const one = selfeval('batch', '单位', '--json', '--jobs', '1', '-o', 'one.xlsx');
    const two = selfeval('batch', '单位', '--json', '--jobs', '2', '-o', 'two.xlsx');
    expect([one.code, two.code]).toEqual([1, 1]);
    const a = JSON.parse(one.out) as BatchJson;
    const b = JSON.parse(two.out) as BatchJson;
    expect(a.summary.seconds).toBeGreaterThan(0);
    expect({ ...a, summary: { ...a.summary, seconds: 0 } }).toEqual({ ...b, summary: { ...b.summary, seconds: 0 } });
    expect(readFileSync(out('one.xlsx')).equals(readFileSync(out('two.xlsx')))).toBe(true);

    expect(Object.keys(a)).toEqual(['units', 'issues', 'summary']);
    expect(a.units[1]).toEqual({
      file: '青山镇.xlsx', unit: '青山镇人民政府', year: 2025, projects: 12, totalBudget: 3296.42291, totalExecuted: 3065.373499, executionRate: 0.9342,
      averageScore: 96.53, weightedScore: 95.41, grades: { 优: 7, 良: 0, 中: 0, 差: 0 }, department: { total: 30, converted: 81.08, grade: '良' },
      errors: 12, warnings: 20, status: 'ok', reason: null,
    });
    expect(a.units[0]).toMatchObject({ file: '县直部门/农业农村局.xlsx', unit: '县农业农村局', projects: 0, totalBudget: null, executionRate: null, grades: null, department: { total: 89.8, converted: 89.8, grade: '良' } });
    expect(a.units[3]).toEqual({
      file: '加密.xlsx', unit: null, year: null, projects: null, totalBudget: null, totalExecuted: null, executionRate: null, averageScore: null,
      weightedScore: null, grades: null, department: null, errors: null, warnings: null, status: 'unreadable',
      reason: '加密.xlsx 是旧版 .xls 格式或已加密的工作簿，无法直接读取；请在 Excel 或 WPS 中“另存为”未加密的 .xlsx 后再试。',
    });
    expect(a.issues.length).toBe(38);
    expect(a.issues[8]).toEqual({ file: '青山镇.xlsx', sheet: '项目汇总表', cell: 'F13', rule: 'cell.not-number', severity: 'error', message: '项目“综合文化站免费开放”：“全年执行数”应为数字，当前为“待定”；请改填数字（单位：万元）。' });
    expect({ ...a.summary, seconds: 0 }).toEqual({ files: 7, readable: 3, unreadable: 4, errors: 12, warnings: 20, seconds: 0 });
    // stdout is the JSON alone; what was left out is said on stderr.
    expect(one.err).toBe('未审核 2 个文件：~$青山镇.xlsx（Office 临时文件）、说明.docx（不是 Excel 工作簿）。\n');
  });

  test('--lang en: the terminal and the JSON in English, the review workbook still in Chinese', () => {
    const en = selfeval('batch', '单位', '--json', '--lang', 'en', '-o', 'en.xlsx');
    const json = JSON.parse(en.out) as BatchJson;
    expect(json.issues[8].message).toBe('Project "综合文化站免费开放": "全年执行数" must be a number but holds "待定"; type a number (in 万元).');
    expect(json.units[3].reason).toBe('加密.xlsx is an old .xls file or an encrypted workbook; save it as an unencrypted .xlsx in Excel or WPS and try again.');
    expect(readFileSync(out('en.xlsx')).equals(readFileSync(out('one.xlsx')))).toBe(true);
  });
});

describe('exit codes and what is left out', () => {
  test('a folder of clean workbooks: exit 0; the review written into that folder is left out the next time', async () => {
    const clean = out('清洁');
    mkdirSync(clean);
    writeFileSync(join(clean, '东坡镇.xlsx'), await specBytes(cleanSpecs()));
    expect(selfeval('batch', '清洁', '-o', '清洁/审核汇总.xlsx').code).toBe(0);
    const first = selfeval('batch', '清洁', '-o', '清洁/审核汇总.xlsx');
    expect(first.code).toBe(0);
    expect(first.out).toContain('未审核 1 个文件：审核汇总.xlsx（本次写出的审核汇总）。');
    const again = selfeval('batch', '清洁', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).units.map((u: { file: string }) => u.file)).toEqual(['东坡镇.xlsx']);
    expect(again.err).toBe('未审核 1 个文件：审核汇总.xlsx（以前写出的审核汇总）。\n');
  });

  test('exit 2: a path that is not there, a folder without workbooks, an -o that is not .xlsx, a bad --jobs; nothing written', () => {
    mkdirSync(out('空'));
    writeFileSync(join(out('空'), '说明.docx'), 'PK');
    const cases: Array<[string[], string]> = [
      [['batch', '单位', '不存在', '-o', 'x.xlsx'], '找不到 不存在；请检查文件夹或文件的路径。\n'],
      [['batch', '空', '-o', 'x.xlsx'], '未审核 1 个文件：说明.docx（不是 Excel 工作簿）。\n在 空 中没有找到 .xlsx 或 .xlsm 工作簿。\n'],
      [['batch', '单位', '-o', '汇总.csv'], '审核汇总写成 Excel 工作簿：-o 的文件名应以 .xlsx 结尾，如 -o 审核汇总.xlsx。\n'],
      [['batch', '单位', '--jobs', '0'], '--jobs 应为 1 到 64 之间的整数，而不是“0”。\n'],
      [['check', '单位/青山镇.xlsx', '--jobs', '2'], 'check 命令不接受 --jobs；“selfeval check --help”列出它接受的选项。\n'],
    ];
    for (const [args, err] of cases) {
      const r = selfeval(...args);
      expect([r.code, r.err]).toEqual([2, err]);
    }
    expect(existsSync(out('x.xlsx'))).toBe(false);
  });
});

describe('the progress bar', () => {
  // `script` gives the command a terminal, as the bureau's clerk has.
  const onTerminal = (args: string[]) => {
    const command = [process.execPath, '-e', RUN, join(build, 'cli', 'main.js'), ...args].map((a) => `'${a}'`).join(' ');
    return spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', cwd: dir, env: { ...process.env, COLUMNS: '100' } });
  };

  test('on a terminal: done / total, files a second and the current file, redrawn in place and cleared at the end', () => {
    const r = onTerminal(['batch', '单位', '--jobs', '2']);
    expect(r.status).toBe(1);
    const drawn = r.stdout.split('\r\x1b[2K').filter((s) => s.includes('/7'));
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn[drawn.length - 1]).toMatch(/^█{20} 7\/7  \d+\.\d 个\/秒  \S+\.xlsx?$/);
    // Cleared before the table: the table's first line starts on a clean line.
    expect(r.stdout).toMatch(/\r\x1b\[2K(\r\n)?文件 +单位/);
  });

  test('quiet with --json, even on a terminal', () => {
    const r = onTerminal(['batch', '单位', '--json']);
    expect(r.stdout).not.toContain('个/秒');
    expect(JSON.parse(r.stdout.replace(/^[^{]*/, '').replace(/未审核.*$/s, '')).summary.files).toBe(7);
  });
});
