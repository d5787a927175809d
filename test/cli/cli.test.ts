// `selfeval check` and `selfeval fill` end to end, on files written in the tests and on the real public form.
import { execFileSync, spawnSync } from 'child_process';
import { chmodSync, copyFileSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { main } from '../../src/cli/main';
import type { JsonReport } from '../../src/cli/json';
import { projectListSheet } from '../../src/samples/layouts';
import { sampleSheets } from '../../src/samples/township';
import { cells, load, sheetShapes, tempDir, writeSpecs } from '../support/files';
import { NS, SharedStrings, sheetData, sheetOf, workbookOf, XML } from '../support/packages';

const REFERENCE = resolve(__dirname, '../../../shared/reference/public-selfeval-form-filled.xlsx');
const ROOT = resolve(__dirname, '../..');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

let dir: string;
let sample: string;
beforeAll(async () => {
  dir = tempDir();
  sample = await writeSpecs(dir, 'sample.xlsx', sampleSheets());
});

describe('selfeval check on the real public form (shared/reference)', () => {
  test('recognises the form, its three indicators, their weights and the 总分 row', async () => {
    const { code, out } = await run('check', REFERENCE, '--json');
    expect(code).toBe(1);
    const report: JsonReport = JSON.parse(out);
    expect(report.projects).toEqual([expect.objectContaining({ name: '2019年210青少年校园足球扶持资金', sheet: '项目支出绩效自评表', unit: '教育部', budget: null, executionRate: null })]);
    expect(report.indicators.map((i) => [i.cell, i.level1, i.level2, i.level3, i.target, i.weight])).toEqual([
      ['I11', '产出指标', '成本指标', '成本节约率', '≥0', 0],
      ['I12', '效益指标', '可持续影响指标', '在校园普及足球运动技术', '作用明显', 0],
      ['I13', '满意度指标', '校园用户满意度', '媒体播出满意度', '很满意', 0],
    ]);
    const at = (rule: string) => report.issues.filter((i) => i.rule === rule).map((i) => `${i.sheet}!${i.cell}`);
    // The 总分 row's formulas read #REF! in both its 分值 and 得分 cells.
    expect(at('formula.error')).toEqual(['项目支出绩效自评表!H14', '项目支出绩效自评表!I14']);
    expect(at('weights.total')).toEqual(['项目支出绩效自评表!H14']);
    expect(at('actual.missing')).toEqual(['项目支出绩效自评表!G11', '项目支出绩效自评表!G12', '项目支出绩效自评表!G13']);
    // WPS saved overlapping merges on another sheet: read anyway, and said once.
    expect(at('file.merge-overlap')).toEqual(['项目支出绩效目标执行监控!A8']);
  });

  test('prints the issues grouped by sheet, in Chinese by default', async () => {
    const { out } = await run('check', REFERENCE);
    expect(out).toContain('识别到：项目支出绩效自评表 1 份');
    expect(out).toContain('【项目支出绩效自评表】');
    expect(out).toMatch(/错误 {2}H14 {3}项目“2019年210青少年校园足球扶持资金”：各项分值合计为10分（含预算执行率10分），应为100分；请调整分值。/);
    expect(out).toMatch(/共 \d+ 个错误、2 个警告、7 条提示。/);
    // Weights of 10 points in all: no total is written over them, and the 总分 cell says so.
    expect(out).toContain('警告  I14   项目“2019年210青少年校园足球扶持资金”：有错误未修正，未回填总分和评价等级：各项分值合计不是100分；修正后再回填。');
  });
});

describe('selfeval check on the sample township', () => {
  test('the JSON contract: projects, indicators, issues and summary with RULES.md figures', async () => {
    const { code, out } = await run('check', sample, '--json');
    expect(code).toBe(1);
    const report: JsonReport = JSON.parse(out);
    const revitalisation = report.projects.find((p) => p.name === '乡村振兴衔接资金项目');
    expect(revitalisation).toEqual({
      name: '乡村振兴衔接资金项目', sheet: '项目汇总表', cell: 'B6', unit: '青山镇人民政府', budget: 1759.62291, executed: 1672.699499,
      executionRate: 0.9506, executionScore: 9.51, score: 94.84, grade: '优', achievement: 0.9481,
    });
    expect(report.projects.find((p) => p.name === '防汛物资储备')).toMatchObject({ executionRate: 0, score: null, grade: null, achievement: 0 });
    expect(report.summary).toEqual({
      projects: 12, indicators: 50, errors: report.issues.filter((i) => i.severity === 'error').length,
      warnings: report.issues.filter((i) => i.severity === 'warning').length, totalBudget: 3296.42291, totalExecuted: 3065.373499,
    });
    expect(report.issues.every((i) => i.sheet && /^[A-Z]+\d+$/.test(i.cell) && i.message)).toBe(true);
    expect(Object.keys(report.indicators[0])).toEqual(['project', 'sheet', 'cell', 'level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score']);
  });

  test('--lang en', async () => {
    const { out } = await run('check', sample, '--lang', 'en');
    expect(out).toContain('Recognised: 1 project list (11 projects), 1 indicator list (25 indicators), 4 self-evaluation forms, 1 department-wide sheet');
    expect(out).toContain('"全年执行数" must be a number but holds "待定"; type a number (in 万元).');
    expect(out).toMatch(/\n\d+ errors, \d+ warnings, \d+ info\.\n/);
    expect(out).toContain('The total is written as 94 but its items add up to 99.39; filling writes 99.39.');
  });

  test('issues on a hidden sheet say that the sheet is hidden', async () => {
    const strings = new SharedStrings();
    const spec = projectListSheet('项目汇总表', '汇总表', [{ name: '道路维护', initial: 10, budget: 10, executed: '待定', score: 95 }]);
    const body = sheetData(spec.rows, strings).replace(/^<sheetData>|<\/sheetData>$/g, '');
    const file = join(dir, 'hidden.xlsx');
    writeFileSync(file, workbookOf({ 项目汇总表: sheetOf(body) }, {
      'xl/sharedStrings.xml': strings.xml(),
      'xl/workbook.xml': `${XML}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheets><sheet name="项目汇总表" sheetId="1" state="hidden" r:id="rId1"/></sheets></workbook>`,
    }));
    const { out } = await run('check', file);
    expect(out).toContain('【项目汇总表】（隐藏的工作表：请先取消隐藏再修改）');
    expect(out).toMatch(/错误 {2}F5 {4}项目“道路维护”：“全年执行数”应为数字，当前为“待定”/);
  });

  test('a clean workbook exits 0', async () => {
    const clean = await writeSpecs(dir, 'clean.xlsx', [projectListSheet('项目汇总表', '汇总表', [
      { name: '道路维护', initial: 10, budget: 10, executed: 9.5, score: 95 },
      { name: '环境整治', initial: 20, budget: 20, executed: 19, score: 88 },
    ])]);
    const { code, out } = await run('check', clean);
    expect(out).toContain('未发现问题。');
    expect(code).toBe(0);
  });
});

describe('selfeval fill', () => {
  test('writes the computed cells and leaves every other cell, merge and width as it was', async () => {
    const out = join(dir, 'filled.xlsx');
    const { code, out: text } = await run('fill', sample, '-o', out);
    expect(code).toBe(1);
    expect(text).toMatch(/已写入 .*filled\.xlsx：改动 97 个计算单元格。/);
    expect(text).toContain('自评表-乡村振兴!I7  （空） → 95.06%');
    expect(text).toContain('自评表-人居环境!I20  94 → 99.39');

    const before = await load(sample);
    const after = await load(out);
    const b = cells(before);
    const a = cells(after);
    const changed = [...a.keys()].filter((k) => !k.startsWith('自评报告!') && JSON.stringify(a.get(k)) !== JSON.stringify(b.get(k)));
    const planned = text.split('\n').filter((l) => /^ {2}\S+![A-Z]+\d+ /.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    expect(changed.sort()).toEqual([...planned].sort());
    expect(sheetShapes(after)).toEqual([...(sheetShapes(before) as unknown[]), expect.objectContaining({ name: '自评报告' })]);
    expect(text).toContain('已生成自评报告工作表“自评报告”。');

    const ws = after.getWorksheet('自评表-乡村振兴')!;
    expect([ws.getCell('I7').value, ws.getCell('I7').numFmt, ws.getCell('K7').value, ws.getCell('K7').numFmt]).toEqual([0.9506, '0.00%', 9.51, '0.00']);
    // The bureau's formula =G7/F7 was right: kept as it was.
    expect(after.getWorksheet('自评表-人居环境')!.getCell('I7').value).toMatchObject({ formula: 'G7/F7' });
    expect(after.getWorksheet('项目汇总表')!.getCell('J6').value).toBe('优');
  });

  test('re-running fill on its own output changes nothing', async () => {
    const once = join(dir, 'once.xlsx');
    const twice = join(dir, 'twice.xlsx');
    await run('fill', sample, '-o', once);
    const { out: text } = await run('fill', once, '-o', twice);
    expect(text).toContain('计算结果与工作簿一致，无需改动');
    expect(cells(await load(twice))).toEqual(cells(await load(once)));
  });

  test('never writes over the input unless --in-place', async () => {
    const copy = join(dir, 'copy.xlsx');
    copyFileSync(sample, copy);
    const mtime = statSync(copy).mtimeMs;
    const refused = await run('fill', copy, '-o', copy);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('输出文件与输入文件相同；如确要覆盖原文件，请加 --in-place。');
    expect(statSync(copy).mtimeMs).toBe(mtime);
    expect((await run('fill', copy)).err).toContain('请用 -o OUT 指定输出文件');

    const inPlace = await run('fill', copy, '--in-place');
    expect(inPlace.code).toBe(1);
    expect((await load(copy)).getWorksheet('项目汇总表')!.getCell('G6').value).toBe(0.9506);
  });

  test('--in-place through a symbolic link writes its target, keeps the link and the file\'s permissions, leaves no temporary file', async () => {
    const target = join(dir, 'target.xlsx');
    const link = join(dir, 'link-to-target.xlsx');
    copyFileSync(sample, target);
    chmodSync(target, 0o640);
    symlinkSync(target, link);
    const { code } = await run('fill', link, '--in-place', '--no-summary');
    expect(code).toBe(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect((await load(target)).getWorksheet('项目汇总表')!.getCell('G6').value).toBe(0.9506);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a protected sheet is left as it was and the user is told how to unprotect it', async () => {
    const wb = await load(sample);
    await wb.getWorksheet('自评表-乡村振兴')!.protect('', {});
    const locked = join(dir, 'locked.xlsx');
    await wb.xlsx.writeFile(locked);
    const out = join(dir, 'locked-out.xlsx');
    const { out: text } = await run('fill', locked, '-o', out);
    expect(text).toMatch(/错误 {2}I7 {4}工作表“自评表-乡村振兴”受保护，\d+个计算单元格无法回填；请在“审阅 > 撤销工作表保护”后重试。/);
    expect(text).not.toContain('自评表-乡村振兴!I7');
    const after = cells(await load(out));
    const before = cells(await load(locked));
    const onSheet = (m: Map<string, unknown>) => [...m].filter(([k]) => k.startsWith('自评表-乡村振兴!'));
    expect(onSheet(after)).toEqual(onSheet(before));
    expect(after.get('项目汇总表!G5')).not.toEqual(before.get('项目汇总表!G5'));
  });

  test('the report sheet: text stays text, a re-run replaces only it, a user\'s own 自评报告 is kept', async () => {
    const specs = sampleSheets();
    specs[0].rows[4][1] = '=SUM(A1:A3)项目'; // a project name that looks like a formula
    const odd = await writeSpecs(dir, 'odd.xlsx', specs);
    const first = join(dir, 'odd-1.xlsx');
    await run('fill', odd, '-o', first);
    const wb = await load(first);
    const report = wb.getWorksheet('自评报告')!;
    expect(report.getCell('A1').value).toBe('2025年度青山镇人民政府整体绩效自评报告');
    const nameCell = report.getColumn(2).values.find((v) => typeof v === 'string' && v.startsWith('=SUM'));
    expect(nameCell).toBe('=SUM(A1:A3)项目');
    expect(JSON.stringify(cells(wb))).not.toContain('"formula":"SUM(A1:A3)');

    const second = join(dir, 'odd-2.xlsx');
    await run('fill', first, '-o', second);
    const again = await load(second);
    expect(again.worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
    expect(cells(again)).toEqual(cells(wb));

    const mine = await load(sample);
    mine.addWorksheet('自评报告').getCell('A1').value = '我自己写的报告';
    const own = join(dir, 'own.xlsx');
    await mine.xlsx.writeFile(own);
    const ownOut = join(dir, 'own-out.xlsx');
    const { out: text } = await run('fill', own, '-o', ownOut);
    expect(text).toContain('已生成自评报告工作表“自评报告(2)”。');
    const kept = await load(ownOut);
    expect(kept.getWorksheet('自评报告')!.getCell('A1').value).toBe('我自己写的报告');
  });

  test('--report-sheet names the report sheet', async () => {
    const out = join(dir, 'named.xlsx');
    const { out: text } = await run('fill', sample, '-o', out, '--report-sheet', '2025年自评报告');
    expect(text).toContain('已生成自评报告工作表“2025年自评报告”。');
    expect((await load(out)).getWorksheet('2025年自评报告')!.getCell('A2').value).toBe('（本报告数据取自绩效自评工作簿，由绩效自评助手生成初稿）');
  });

  test('--no-summary writes the computed cells only', async () => {
    const out = join(dir, 'plain.xlsx');
    const { out: text } = await run('fill', sample, '-o', out, '--no-summary');
    expect(text).not.toContain('自评报告工作表');
    expect((await load(out)).getWorksheet('自评报告')).toBeUndefined();
  });

  test('--json lists the writes with before and after', async () => {
    const { out } = await run('fill', sample, '-o', join(dir, 'j.xlsx'), '--json');
    const report: JsonReport = JSON.parse(out);
    expect(report.writes).toContainEqual({ sheet: '自评表-人居环境', cell: 'I20', before: 94, after: 99.39 });
  });
});

describe('selfeval report', () => {
  test('prints the text, or writes .txt, .md and .docx', async () => {
    const printed = await run('report', sample, '--year', '2025', '--unit', '青山镇人民政府');
    expect(printed.code).toBe(0);
    expect(printed.out.split('\n')[0]).toBe('2025年度青山镇人民政府整体绩效自评报告');

    const txt = join(dir, 'r.txt');
    expect((await run('report', sample, '-o', txt)).out).toContain(`自评报告已写入 ${txt}。`);
    expect(readFileSync(txt, 'utf8')).toBe(printed.out.replace(/\n$/, ''));

    const md = join(dir, 'r.md');
    await run('report', sample, '-o', md);
    expect(readFileSync(md, 'utf8')).toContain('| 青山镇人民政府 | 乡村振兴衔接资金项目 | 1759.62291 | 94.81% | 94.84 | 优 |');

    const docx = join(dir, 'r.docx');
    await run('report', sample, '-o', docx);
    const { strFromU8, unzipSync } = await import('fflate');
    const body = strFromU8(unzipSync(readFileSync(docx))['word/document.xml']);
    expect(body).toContain('2025年度青山镇人民政府整体绩效自评报告');
    expect(body).toContain('预算执行率为93.42%');
  });

  test('refuses formats it cannot write and years that are not years', async () => {
    expect((await run('report', sample, '-o', join(dir, 'r.pdf'))).err).toContain('报告文件的扩展名应为 .txt .md .docx 之一。');
    expect((await run('report', sample, '--year', '25')).err).toContain('年度“25”不是有效的年份。');
  });
});

describe('files that cannot be used: exit 2 and one line that says what to do', () => {
  test.each([
    ['missing.xlsx', null, '找不到文件'],
    ['notes.xlsx', 'just some text', '不是 Excel 工作簿（.xlsx）'],
    ['old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), '另存为”未加密的 .xlsx'],
    ['broken.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), '已损坏或无法解析'],
  ])('%s', async (name, content, message) => {
    const file = join(dir, name);
    if (content !== null) writeFileSync(file, content);
    const { code, err, out } = await run('check', file);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(out).toBe('');
  });

  test('a workbook with no recognisable table', async () => {
    const file = await writeSpecs(dir, 'contacts.xlsx', [{ name: '通讯录', rows: [['姓名', '电话'], ['张三', '123']], merges: [], formulas: {}, widths: [10, 10], titleRows: [], headerRows: [], tables: [] }]);
    const { code, err } = await run('check', file);
    expect(code).toBe(2);
    expect(err).toBe('contacts.xlsx: 未识别到项目汇总表、绩效指标表、项目支出绩效自评表或部门整体绩效自评表。请确认表头含“项目名称”“三级指标”“年度指标值”“分值”等列名；部门整体绩效自评表的表头应含“三级指标”“评分标准”“分值”“自评得分”。\n');
  });

  test('usage errors', async () => {
    expect((await run('check', sample, '--profile', 'nowhere')).err).toContain('未知的评分方案“nowhere”；可选：national, fasp2, grades-80-70-60, guangdong-township, hebei-county。');
    expect((await run('check', sample, '--bogus')).code).toBe(2);
    expect((await run('frobnicate', sample)).err).toContain('未知命令“frobnicate”');
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('selfeval fill FILE -o OUT');
  });
});

describe('the installed command', () => {
  test('bin/selfeval.js runs the built CLI with exit codes', () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT });
    const result = spawnSync(process.execPath, [join(ROOT, 'bin/selfeval.js'), 'check', sample, '--json'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).summary.projects).toBe(12);
    expect(readFileSync(join(ROOT, 'package.json'), 'utf8')).toContain('"selfeval": "bin/selfeval.js"');
  });
});
