// `selfeval report` and the help: what each command takes, a report in Chinese only, the department-wide
// report from a file, and no report where no table is recognised.
import { readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { departmentSheet } from '../../src/samples/layouts';
import { sampleSheets } from '../../src/samples/township';
import { tempDir, writeSpecs } from '../support/files';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

let dir: string;
let sample: string;
let department: string;
beforeAll(async () => {
  dir = tempDir();
  sample = await writeSpecs(dir, 'sample.xlsx', sampleSheets());
  department = await writeSpecs(dir, 'department.xlsx', [departmentSheet('部门整体', '红旗乡人民政府2025年度部门整体支出绩效自评表', {
    base: [['全年预算数', 500], ['全年执行数', 480], ['政府采购预算数', 0], ['实际政府采购金额', 2]],
    rates: ['预算执行率', '政府采购执行率'],
    indicators: [
      { l1: '预算执行', l2: '预算执行管理', l3: '预算执行率', standard: '执行率×60', weight: 60, score: 57.6, reason: '执行率96%' },
      { l1: '预算绩效', l2: '预算绩效管理', l3: '绩效目标合理性', standard: '明确细化得40分', weight: 40, score: 40 },
    ],
  })]);
});

describe('--help lists what each command takes', () => {
  test('all commands, each with its options and what they do', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    for (const line of ['selfeval check FILE [选项]', 'selfeval fill FILE -o OUT [选项]', 'selfeval report FILE [选项]']) expect(out).toContain(line);
    expect(out).toMatch(/--no-summary\s+不生成“自评报告”工作表/);
    expect(out).toMatch(/-o, --output OUT\s+写成文本（\.txt）、Markdown（\.md）或 Word（\.docx）文件/);
    expect(out).toContain('national（');
  });

  test('one command: only its own options', async () => {
    const { out } = await run('report', '--help');
    expect(out).toContain('selfeval report FILE [选项]');
    expect(out).not.toContain('selfeval check');
    for (const option of ['-o, --output OUT', '--year N', '--unit 单位', '--profile NAME']) expect(out).toContain(option);
    for (const option of ['--lang', '--json', '--in-place']) expect(out).not.toContain(option);
    expect((await run('help', 'check', '--lang', 'en')).out).toMatch(/selfeval check FILE \[options\][\s\S]*--json\s+print the result as JSON/);
  });

  test('an option a command does not take is refused, with where to look', async () => {
    const lang = await run('report', sample, '--lang', 'en');
    expect(lang.code).toBe(2);
    expect(lang.err).toBe('report does not take --lang: the report is drafted in Chinese, the language the finance bureau receives; "selfeval report --help" lists what it takes.\n');
    expect(lang.out).toBe('');
    const unit = await run('check', sample, '--unit', '红旗乡');
    expect(unit.code).toBe(2);
    expect(unit.err).toBe('check 命令不接受 --unit；“selfeval check --help”列出它接受的选项。\n');
  });
});

describe('selfeval report', () => {
  test('a department-only workbook: the department-wide report, no project part', async () => {
    const { code, out } = await run('report', department);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('2025年度红旗乡人民政府整体绩效自评报告');
    expect(out).toContain('按自评表的基础数据计算，预算执行率96.00%，政府采购执行率无法计算（政府采购预算数为0）。');
    expect(out).toContain('部门整体支出绩效自评得分97.60分，换算为百分制得分97.60分，评价等级为“优”。');
    expect(out).toContain('预算执行率（预算执行）：分值60.00分，自评得分57.60分，扣2.40分。原因：执行率96%。');
    expect(out).not.toContain('项目共0个');
    expect(out).not.toContain('项目自评结果');
  });

  test('.docx: the same report', async () => {
    const docx = join(dir, 'department.docx');
    expect((await run('report', department, '-o', docx)).code).toBe(0);
    const JSZip = (await import('jszip')).default;
    const body = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    expect(body).toContain('部门整体绩效自评得分（按一级指标）');
    expect(body).toContain('填报人：');
  });
});
