// `selfeval check --template`: a unit's workbook against the bureau's template, as files.
import { main } from '../../src/cli/main';
import type { JsonReport } from '../../src/cli/json';
import { countyTemplateSpecs, filledUnit } from '../support/county';
import { setCell, sheetOf } from '../support/edit';
import { tempDir, writeSnapshot, writeSpecs } from '../support/files';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

let dir: string;
let template: string;
let clean: string;
let changed: string;
beforeAll(async () => {
  dir = tempDir();
  template = await writeSpecs(dir, '模板.xlsx', countyTemplateSpecs());
  clean = await writeSnapshot(dir, '青山镇.xlsx', filledUnit());
  const unit = filledUnit();
  setCell(sheetOf(unit, '项目汇总表'), 'E15', 3296.42291);
  setCell(sheetOf(unit, '部门整体绩效'), 'E19', 15);
  changed = await writeSnapshot(dir, '青山镇-改动.xlsx', unit);
});

test('a unit that kept the template: the comparison is said, no template issue', async () => {
  const { out } = await run('check', '--template', template, clean);
  expect(out).toContain('对照模板 模板.xlsx：与模板一致。');
  expect(out).not.toMatch(/模板此处/);
});

test('a replaced formula and a retyped weight: listed with the sheet\'s issues, exit 1', async () => {
  const { code, out } = await run('check', '--template', template, changed);
  expect(code).toBe(1);
  expect(out).toContain('对照模板 模板.xlsx：有 2 处与模板不一致（规则 template.*）。');
  expect(out).toContain('E15   模板此处为公式 =SUM(E5:E12)，现为数值 3296.42291；请恢复公式（可从模板复制此单元格）。');
  expect(out).toContain('E19   模板规定此处分值为10，现为15；分值由财政局设定，请按模板填写。');
});

test('--json carries the template.* issues beside the others', async () => {
  const { out } = await run('check', changed, '--template', template, '--json', '--lang', 'en');
  const report = JSON.parse(out) as JsonReport;
  const diffs = report.issues.filter((i) => i.rule.startsWith('template.'));
  expect(diffs.map((i) => `${i.rule} ${i.sheet}!${i.cell}`)).toEqual(['template.formula-replaced 项目汇总表!E15', 'template.weight-changed 部门整体绩效!E19']);
  expect(diffs[1].message).toBe('The template sets the weight here to 10, now 15; the bureau sets the weights: use the template\'s.');
});

test('a template that is not there: exit 2, the file named', async () => {
  const { code, err } = await run('check', '--template', `${dir}/没有.xlsx`, clean);
  expect(code).toBe(2);
  expect(err).toContain('找不到文件');
  expect(err).toContain('没有.xlsx');
});
