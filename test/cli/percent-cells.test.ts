// Targets and actuals typed as percentages into number cells (review 2, finding 1): Excel stores a typed
// 95% as 0.95 with the format 0%, and "=100%" as a formula whose result is 1. `selfeval fill` on a
// workbook openpyxl writes that way, and on the same workbook saved by LibreOffice, reads them as typed.
import { execFileSync } from 'child_process';
import { join } from 'path';
import type { JsonReport } from '../../src/cli/json';
import { main } from '../../src/cli/main';
import { saveWithLibreOffice } from '../support/compare';
import { load, tempDir } from '../support/files';

jest.setTimeout(180_000);

// Rows 2–5 乙项目, 6–9 甲项目; E 年度指标值, F 实际完成值, G 分值, H 得分, I 偏差原因. A format after a value
// is the cell's number format, as Excel gives it to a typed percentage.
const FIXTURE = `
import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = '绩效指标表'
ws.append(['项目名称','一级指标','二级指标','三级指标','年度指标值','实际完成值','分值','得分','偏差原因分析及改进措施'])
rows = [
  ('乙项目','产出指标','质量指标','合格率',(0.95,'0%'),'90%',20,None,'部分不合格'),
  (None,None,'质量指标','覆盖率','≥95%',(0.9,'0%'),20,None,'未全覆盖'),
  (None,None,'质量指标','精度达标率',(0.955,'0.0%'),'95.5%',10,None,''),
  (None,'满意度指标','满意度指标','群众满意度','≥90%','95%',40,None,''),
  ('甲项目','产出指标','质量指标','验收合格率','=100%','150%',20,14,'目标设定偏低，按偏离度调减'),
  (None,None,'质量指标','达标率',(0.95,'0%'),'98%',20,None,''),
  (None,None,'质量指标','抽检合格率',(0.95,'0%'),(0.98,'0%'),10,None,''),
  (None,'满意度指标','满意度指标','群众满意度','≥90%',(0.92,'0%'),40,None,''),
]
for r, row in enumerate(rows, start=2):
    for c, v in enumerate(row, start=1):
        cell = ws.cell(r, c)
        if isinstance(v, tuple): cell.value, cell.number_format = v
        else: cell.value = v
wb.save(sys.argv[1])
`;

let dir: string;
const files: Record<string, string> = {};

beforeAll(() => {
  dir = tempDir();
  files.openpyxl = join(dir, 'pct.xlsx');
  execFileSync('/usr/bin/python3', ['-c', FIXTURE, files.openpyxl]);
  files.LibreOffice = saveWithLibreOffice(files.openpyxl, join(dir, 'lo'));
});

async function fill(file: string): Promise<{ report: JsonReport; score: (address: string) => unknown }> {
  let out = '';
  const output = `${file.replace(/\.xlsx$/, '')}-filled.xlsx`;
  await main(['fill', file, '-o', output, '--json', '--no-summary'], { out: (t) => (out += t), err: () => {} });
  const ws = (await load(output)).getWorksheet('绩效指标表')!;
  return { report: JSON.parse(out), score: (address) => ws.getCell(address).value };
}

describe.each(['openpyxl', 'LibreOffice'])('a workbook saved by %s', (writer) => {
  let report: JsonReport;
  let score: (address: string) => unknown;
  beforeAll(async () => ({ report, score } = await fill(files[writer])));
  const at = (cell: string) => report.issues.filter((i) => i.cell === cell).map((i) => i.rule);

  test('a target typed as 95% against an actual of 90% scores 90 ÷ 95 × 20 = 18.95, not full marks', () => {
    expect(report.indicators[0]).toMatchObject({ cell: 'H2', target: '95%', actual: '90%', score: 18.95 });
    expect(score('H2')).toBe(18.95);
  });

  test('an actual typed as 90% is 90 % without a note asking whether it is', () => {
    expect(report.indicators[1]).toMatchObject({ cell: 'H3', actual: '90%', score: 18.95 });
    expect(at('F3')).toEqual([]);
    expect(at('F9')).toEqual([]);
    expect(score('H9')).toBe(40);
  });

  test('a percent with a decimal is read exactly: 0.955 shown as 95.5% is 95.5%', () => {
    expect(report.indicators[2]).toMatchObject({ target: '95.5%', actual: '95.5%', score: 10 });
  });

  test('a 95% target met at 98% is 103.16 %, not "10315.79%" of 0.95: no over-achievement warning', () => {
    expect(report.indicators[5]).toMatchObject({ cell: 'H7', target: '95%', actual: '98%', score: 20 });
    expect(report.indicators[6]).toMatchObject({ cell: 'H8', target: '95%', actual: '98%', score: 10 });
    expect([...at('I7'), ...at('I8'), ...at('F8')]).toEqual([]);
    expect(report.issues.map((i) => i.message).join('\n')).not.toContain('0.95');
  });

  test('"=100%" (a formula Excel makes of it) is the target 100%: 150% is 150.00 % of it, and the unit\'s deduction stands', () => {
    expect(report.indicators[4]).toMatchObject({ cell: 'H6', target: '=100%', actual: '150%', score: 14 });
    expect(report.issues.find((i) => i.cell === 'H6')).toMatchObject({
      rule: 'over.deduction-kept',
      message: '项目“甲项目”：实际完成值达到年度指标值的150.00%（≥130.00%），单位按偏离度调减为14分（满分20分）并说明了原因，得分保留。',
    });
    expect(at('E6')).toEqual([]);
  });
});
