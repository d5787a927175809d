// `selfeval template`: a county's profile written into its template, shown, and used by every command on a
// workbook made from that template, also after LibreOffice has opened, filled and saved it.
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { main } from '../../src/cli/main';
import type { BatchJson } from '../../src/cli/batch-json';
import type { JsonReport } from '../../src/cli/json';
import { carriedSettings } from '../../src/engine';
import { readWorkbookSync } from '../../src/gateways/xlsx';
import { saveWithLibreOffice } from '../support/compare';
import { countyTemplateSpecs, filledUnit, UNIT_NAME } from '../support/county';
import { tempDir, writeSnapshot, writeSpecs } from '../support/files';

const COUNTY = resolve(__dirname, '../../schema/example-county.json');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

/** The parts of a package as text, by name. */
function parts(file: string): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(readFileSync(file))).map(([name, data]) => [name, strFromU8(data)]));
}

/** The sheets of a package as workbook.xml lists them: name and state. */
async function sheetStates(file: string): Promise<string[]> {
  const xml = parts(file)['xl/workbook.xml'];
  return [...xml.matchAll(/<sheet\b[^>]*>/g)].map((m) => `${/name="([^"]*)"/.exec(m[0])![1]}:${/state="([^"]*)"/.exec(m[0])?.[1] ?? 'visible'}`);
}

let dir: string;
let blank: string;
let withRules: string;
beforeAll(async () => {
  dir = tempDir();
  blank = await writeSpecs(dir, '模板.xlsx', countyTemplateSpecs());
  withRules = join(dir, '模板-含规则.xlsx');
});

describe('selfeval template', () => {
  test('writes the profile and the unit-name cell into a copy: one very hidden sheet more, the rest as it was', async () => {
    const { code, out } = await run('template', blank, '--profile', COUNTY, '--unit-cell', '项目汇总表!B2', '-o', withRules);
    expect(code).toBe(0);
    expect(out).toBe([
      `已写入 ${withRules}：评分方案“某某县2025年模板”保存在隐藏工作表“评分方案（财政局设定）”中。用此模板填写的工作簿将按此方案评分。`,
      '单位名称单元格：项目汇总表!B2（标签“单位名称：”）；自评报告标题中的单位名称取自此处。',
      '',
    ].join('\n'));
    expect(await sheetStates(withRules)).toEqual(['项目汇总表:visible', '绩效指标表:visible', '项目支出绩效自评表:visible', '部门整体绩效:visible', '评分方案（财政局设定）:veryHidden']);
    const [a, b] = [parts(blank), parts(withRules)];
    for (const path of Object.keys(a).filter((p) => !['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'].includes(p))) {
      expect(b[path]).toBe(a[path]);
    }
    expect(Object.keys(b).filter((p) => !(p in a))).toEqual(['xl/worksheets/sheet5.xml']);
  });

  test('--show prints what the template carries', async () => {
    const { code, out } = await run('template', '--show', withRules);
    expect(code).toBe(0);
    expect(out.split('\n').slice(0, 4)).toEqual([
      '模板-含规则.xlsx 内置评分方案：某某县2025年模板',
      '  代号 mouxian-2025，以“全国通用（财预〔2020〕10号）”为基础',
      '  评价等级：优 ≥ 85，良 ≥ 75，中 ≥ 60，差 < 60',
      '  反向指标：线性扣分（FASP2）',
    ]);
    expect(out).toContain('  单位名称单元格：项目汇总表!B2（标签“单位名称：”）');
    // The less common settings in the bureau's words, never the file's field names.
    expect(out).toContain('  按绝对值计分的比率：财政拨款收入预决算差异率\n  项目汇总表列名：全年预算数也写作资金安排数\n');
    expect(out).not.toMatch(/absoluteRates|finalVarianceRate|projectHeaders|budget|\{/);
    const json = JSON.parse((await run('template', '--show', withRules, '--json')).out);
    expect(json.profile.gradeBands[0]).toEqual({ grade: '优', min: 85 });
    expect((await run('template', '--show', blank)).out).toBe('模板.xlsx 没有内置评分方案；可用 selfeval template 模板.xlsx --profile county.json -o 新模板.xlsx 写入。\n');
  });

  test('written again: the sheet is replaced, not added', async () => {
    const again = join(dir, '模板-再写.xlsx');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ label: '另一个县', base: 'fasp2' }));
    const { out } = await run('template', withRules, '--profile', join(dir, 'other.json'), '-o', again);
    expect(out).toContain('（替换了原有的“某某县2025年模板”）');
    expect((await sheetStates(again)).filter((s) => s.startsWith('评分方案'))).toEqual(['评分方案（财政局设定）:veryHidden']);
    expect((await run('template', '--show', again)).out).toContain('内置评分方案：另一个县');
  });

  test('written again with a new profile and no --unit-cell: the unit-name cell is kept, and said', async () => {
    const again = join(dir, '模板-换方案.xlsx');
    writeFileSync(join(dir, 'fasp2.json'), JSON.stringify({ label: '另一个县', base: 'fasp2' }));
    const { out } = await run('template', withRules, '--profile', join(dir, 'fasp2.json'), '-o', again);
    expect(out.split('\n')[1]).toBe('单位名称单元格：保留原有的 项目汇总表!B2（标签“单位名称：”）；如需更改，请用 --unit-cell 指定。');
    expect((await run('template', '--show', again)).out).toContain('  单位名称单元格：项目汇总表!B2（标签“单位名称：”）');
    const moved = join(dir, '模板-换单元格.xlsx');
    expect((await run('template', again, '--profile', COUNTY, '--unit-cell', '项目支出绩效自评表!C5', '-o', moved)).out.split('\n')[1])
      .toBe('单位名称单元格：项目支出绩效自评表!C5（标签“主管部门”）；自评报告标题中的单位名称取自此处。');
  });

  test('the settings sheet is no place for the unit-name cell, nor offered as one', async () => {
    const { code, err } = await run('template', withRules, '--profile', COUNTY, '--unit-cell', '评分方案（财政局设定）!A1', '-o', join(dir, 'y.xlsx'));
    expect([code, err]).toEqual([2, '单位名称单元格“评分方案（财政局设定）!A1”无效；请写成“工作表!单元格”，如 项目汇总表!B2（工作表：项目汇总表、绩效指标表、项目支出绩效自评表、部门整体绩效）。\n']);
  });

  test('a profile file with bad fields: every one listed, exit 2, nothing written', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ label: '某某县', gradeBands: [{ grade: '优', min: 85 }, { grade: '良', min: 90 }], reverseRule: 'none' }));
    const out = join(dir, '不应写出.xlsx');
    const { code, err } = await run('template', blank, '--profile', bad, '-o', out);
    expect(code).toBe(2);
    expect(err).toBe([
      '评分方案文件 bad.json 有 3 处错误（格式见 schema/profile.schema.json）：',
      '  gradeBands[1].min：应低于上一等级的下限85（等级从高到低排列）',
      '  gradeBands[1].min：最低等级的下限应为0，使每个分数都有等级',
      '  reverseRule：应为 ratio、linear 之一，现为 "none"',
      '',
    ].join('\n'));
    expect(() => readFileSync(out)).toThrow();
  });

  test('a unit-name cell on no sheet, a missing output: said, exit 2', async () => {
    const cell = await run('template', blank, '--profile', COUNTY, '--unit-cell', '封面!B2', '-o', join(dir, 'x.xlsx'));
    expect([cell.code, cell.err]).toEqual([2, '单位名称单元格“封面!B2”无效；请写成“工作表!单元格”，如 项目汇总表!B2（工作表：项目汇总表、绩效指标表、项目支出绩效自评表、部门整体绩效）。\n']);
    expect((await run('template', blank, '--profile', COUNTY)).err).toBe('请用 -o 指定输出文件，例如 -o 模板-含规则.xlsx。\n');
  });

  test('check --profile takes a profile file as well as a preset\'s name', async () => {
    const { out } = await run('check', withRules, '--profile', COUNTY);
    expect(out.split('\n')[0]).toBe('模板-含规则.xlsx · 评分方案：某某县2025年模板');
  });
});

describe('a template last saved by openpyxl (the r: prefix declared on each <sheet>, not on the root)', () => {
  let saved: string;
  let written: string;
  beforeAll(async () => {
    saved = join(dir, 'openpyxl-模板.xlsx');
    execFileSync('/usr/bin/python3', ['-c', 'import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])', blank, saved]);
    written = join(dir, 'openpyxl-模板-含规则.xlsx');
  });

  test('the input is what openpyxl writes: no relationship prefix on the root', () => {
    const xml = parts(saved)['xl/workbook.xml'];
    expect(/<workbook\b[^>]*xmlns:r=/.test(xml)).toBe(false);
    expect(xml).toContain('<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="项目汇总表"');
  });

  test('the written copy is well-formed: openpyxl opens it, the settings sheet very hidden', async () => {
    expect((await run('template', saved, '--profile', COUNTY, '-o', written)).code).toBe(0);
    const script = 'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nprint("|".join(f"{ws.title}:{ws.sheet_state}" for ws in wb.worksheets))';
    expect(execFileSync('/usr/bin/python3', ['-c', script, written], { encoding: 'utf8' }).trim())
      .toBe('项目汇总表:visible|绩效指标表:visible|项目支出绩效自评表:visible|部门整体绩效:visible|评分方案（财政局设定）:veryHidden');
  });

  test('LibreOffice loads it and keeps the profile', async () => {
    const again = saveWithLibreOffice(written, mkdtempSync(join(dir, 'lo-')));
    const carried = carriedSettings(readWorkbookSync(readFileSync(again), 'again.xlsx').snapshot);
    expect(carried?.profile?.label.zh).toBe('某某县2025年模板');
    expect(carried?.problem).toBeNull();
  }, 150_000);
});

describe('a unit fills the template in LibreOffice and saves it as .xlsx', () => {
  let unit: string;
  beforeAll(() => {
    unit = join(dir, '青山镇.xlsx');
    const cells = [
      ['项目汇总表', 'B2', '青山镇人民政府'],
      ['项目汇总表', 'B5', '东村道路硬化工程'], ['项目汇总表', 'C5', '基本建设'], ['项目汇总表', 'D5', 80], ['项目汇总表', 'E5', 80], ['项目汇总表', 'F5', 80], ['项目汇总表', 'I5', 87],
      ['项目汇总表', 'B6', '高标准农田建设'], ['项目汇总表', 'C6', '基本建设'], ['项目汇总表', 'D6', 300], ['项目汇总表', 'E6', 300], ['项目汇总表', 'F6', 290.5], ['项目汇总表', 'I6', 76],
    ];
    writeFileSync(join(dir, 'cells.json'), JSON.stringify(cells));
    execFileSync('/usr/bin/python3', [resolve(__dirname, '../support/lo_fill.py'), withRules, unit, join(dir, 'cells.json'), join(dir, 'lo-profile')], { timeout: 120_000 });
  }, 150_000);

  test('LibreOffice keeps the settings sheet, hidden (no longer very hidden) and protected', async () => {
    expect((await sheetStates(unit)).pop()).toBe('评分方案（财政局设定）:hidden');
    const sheets = Object.entries(parts(unit)).filter(([p]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)).map(([, x]) => x);
    expect(sheets.filter((x) => x.includes('<sheetProtection sheet="true"'))).toHaveLength(1);
  });

  test('graded by the county\'s 85/75/60 with no option: 87 is 优 and 76 is 良 (良 and 中 by the national default)', async () => {
    const { out } = await run('check', unit);
    expect(out.split('\n')[0]).toBe('青山镇.xlsx · 评分方案：某某县2025年模板（工作簿内置，来自财政局模板）');
    const grades = (r: JsonReport) => r.projects.filter((p) => p.name).map((p) => `${p.name} ${p.score} ${p.grade}`);
    expect(grades(JSON.parse((await run('check', unit, '--json')).out))).toEqual(['东村道路硬化工程 87 优', '高标准农田建设 76 良']);
    expect(grades(JSON.parse((await run('check', unit, '--json', '--profile', 'national')).out))).toEqual(['东村道路硬化工程 87 良', '高标准农田建设 76 中']);
  });

  test('its report is titled with the unit\'s name from the marked cell', async () => {
    const { out } = await run('report', unit);
    expect(out.split('\n')[0]).toContain('青山镇人民政府');
  });

  test('compared with the template after LibreOffice\'s save: no difference', async () => {
    const { out } = await run('check', unit, '--template', withRules);
    expect(out).toContain('对照模板 模板-含规则.xlsx：与模板一致。');
    expect(out.split('\n')[0]).toBe('青山镇.xlsx · 评分方案：某某县2025年模板（来自模板）');
  });

  test('written again with selfeval template, the sheet is very hidden again', async () => {
    const again = join(dir, '青山镇-再写.xlsx');
    await run('template', unit, '--profile', COUNTY, '-o', again);
    expect((await sheetStates(again)).pop()).toBe('评分方案（财政局设定）:veryHidden');
  });
});

describe('a unit changes the template\'s shape in LibreOffice', () => {
  let unit: string;
  beforeAll(() => {
    unit = join(dir, '青山镇-改表.xlsx');
    const steps = [
      { insertColumns: ['项目汇总表', 5, 1] }, ['项目汇总表', 'F4', '备注'],
      ['项目汇总表', 'B2', '青山镇人民政府'], ['项目汇总表', 'B5', '东村道路硬化工程'], ['项目汇总表', 'D5', 80], ['项目汇总表', 'E5', 80], ['项目汇总表', 'G5', 72],
      // Two projects in rows inserted directly above 合计: the SUMs do not grow over them.
      { insertRows: ['项目汇总表', 12, 2] },
      ['项目汇总表', 'B13', '新增甲'], ['项目汇总表', 'E13', 10], ['项目汇总表', 'G13', 9],
      ['项目汇总表', 'B14', '新增乙'], ['项目汇总表', 'E14', 5], ['项目汇总表', 'G14', 5],
      { insertRows: ['项目支出绩效自评表', 15, 1] },
      ['项目支出绩效自评表', 'D16', '自加指标'], ['项目支出绩效自评表', 'F16', '≥1个'], ['项目支出绩效自评表', 'G16', '1个'],
    ];
    writeFileSync(join(dir, 'steps.json'), JSON.stringify(steps));
    execFileSync('/usr/bin/python3', [resolve(__dirname, '../support/lo_fill.py'), withRules, unit, join(dir, 'steps.json'), join(dir, 'lo-profile-2')], { timeout: 120_000 });
  }, 150_000);

  test('the inserted column at its label, the totals that miss the new rows, the indicator row inserted: nothing else', async () => {
    const report = JSON.parse((await run('check', unit, '--template', withRules, '--json')).out) as JsonReport;
    const diffs = report.issues.filter((i) => i.rule.startsWith('template.'));
    expect(diffs.map((i) => `${i.rule} ${i.sheet}!${i.cell}`)).toEqual([
      'template.column-inserted 项目汇总表!F4',
      'template.formula-short 项目汇总表!D15',
      'template.formula-short 项目汇总表!E15',
      'template.formula-short 项目汇总表!G15',
      'template.indicator-inserted 项目支出绩效自评表!D16',
    ]);
    expect(diffs[3].message).toBe('公式 =SUM(G5:G12) 没有包括表内第13–14行（模板此处为 =SUM(F5:F12)，应包括表内全部行）；请把范围改为 G5:G14。');
  });
});

describe('selfeval batch --template', () => {
  test('the unit from the template\'s marked cell, the county\'s profile, the differences counted; a file that is no workbook is a row too', async () => {
    const unit = join(dir, '青山镇.xlsx');
    const plain = await writeSnapshot(dir, '东坡镇.xlsx', filledUnit()); // made without the settings sheet
    const notBook = join(dir, '说明.txt');
    writeFileSync(notBook, '不是工作簿');
    const review = join(dir, '审核汇总.xlsx');
    const { code, out } = await run('batch', unit, plain, notBook, '--template', withRules, '-o', review, '--json');
    expect(code).toBe(1);
    const json = JSON.parse(out) as BatchJson;
    const byFile = Object.fromEntries(json.units.map((u) => [u.file, u]));
    expect(byFile['青山镇.xlsx'].unit).toBe('青山镇人民政府');
    // The plain copy names its unit in B2 too: read there because the template marks that cell.
    expect(byFile['东坡镇.xlsx'].unit).toBe(UNIT_NAME);
    expect(byFile['说明.txt']).toMatchObject({ status: 'unreadable', reason: '说明.txt 不是 Excel 工作簿（.xlsx）；请选择财政局下发的自评表文件。' });
    expect(json.issues.filter((i) => i.rule.startsWith('template.')).map((i) => `${i.file} ${i.rule}`)).toEqual(['东坡镇.xlsx template.settings-missing']);

    const units = readWorkbookSync(readFileSync(review), '审核汇总.xlsx').snapshot.sheets[0].values;
    const header = units[3];
    const col = (name: string) => header.indexOf(name);
    expect(header.slice(col('等级'), col('等级') + 5)).toEqual(['等级', '与模板不一致', '错误', '警告', '状态']);
    const row = (file: string) => units.find((r) => r?.[1] === file)!;
    expect([row('青山镇.xlsx')[4], row('青山镇.xlsx')[col('与模板不一致')]]).toEqual(['某某县2025年模板', 0]);
    expect([row('东坡镇.xlsx')[4], row('东坡镇.xlsx')[col('与模板不一致')]]).toEqual(['某某县2025年模板', 1]);
    expect(row('说明.txt')[col('状态')]).toBe('无法读取');

    const without = JSON.parse((await run('batch', unit, plain, '--json')).out) as BatchJson;
    expect(Object.fromEntries(without.units.map((u) => [u.file, u.unit]))).toEqual({
      '青山镇.xlsx': '青山镇人民政府',
      '东坡镇.xlsx': '青山镇交通办', // no template, no mark: the unit its form names
    });
  });
});

