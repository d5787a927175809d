/**
 * @jest-environment jsdom
 */
// The pane's components against an in-memory host: issues grouped by sheet, the severity filter, the
// preview before writing, what was written, undo of the last fill, errors with what to do, settings.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { type CellValue, parseA1, type Plan, type SheetDescription, type WorkbookSnapshot } from '../../src/engine';
import { type FillRecord, planUndo } from '../../src/gateways/fillRecord';
import { applyPlanToSnapshot } from '../../src/gateways/memory';
import { sampleSheets } from '../../src/samples/township';
import { App } from '../../src/ui/App';
import { DEFAULT_SETTINGS, type FileHost, type Settings, type UndoReport, type WorkbookHost } from '../../src/ui/host';
import { fromSpec } from '../support/snapshot';

// Fluent UI renders slowly under jsdom: a pane with forty issues takes seconds.
jest.setTimeout(60_000);

class MemoryHost implements WorkbookHost {
  kind: 'excel' | 'file' = 'excel';
  snapshot: WorkbookSnapshot = { sheets: sampleSheets().map((s) => fromSpec(s)) };
  stored: Settings = DEFAULT_SETTINGS;
  selected: string[] = [];
  reports: SheetDescription[] = [];
  record: FillRecord | null = null;
  failNext: unknown = null;
  settings = { load: () => this.stored, save: async (s: Settings) => { this.stored = s; } };
  async read() {
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = null;
      throw e;
    }
    return { snapshot: this.snapshot, undoable: this.record !== null };
  }
  async apply(plan: Plan) {
    this.record = { at: '2025-03-01T10:22:00', cells: plan.writes.map((w) => ({ sheet: w.sheet, cell: w.cell, before: w.before, beforeFormat: null, after: w.value, afterFormat: w.numberFormat })) };
    this.snapshot = applyPlanToSnapshot(this.snapshot, plan);
    return plan.writes;
  }
  cell(sheet: string, cell: string): CellValue {
    const { row, col } = parseA1(cell);
    return this.snapshot.sheets.find((s) => s.name === sheet)?.values[row]?.[col] ?? null;
  }
  setCell(sheet: string, cell: string, value: CellValue) {
    const { row, col } = parseA1(cell);
    (this.snapshot.sheets.find((s) => s.name === sheet) as { values: CellValue[][] }).values[row][col] = value;
  }
  async previewUndo(): Promise<UndoReport | null> {
    return this.record && { at: this.record.at, plan: planUndo(this.record, (sheet, cell) => ({ value: this.cell(sheet, cell) })) };
  }
  async undo(): Promise<UndoReport | null> {
    const report = await this.previewUndo();
    for (const c of report?.plan.restore ?? []) this.setCell(c.sheet, c.cell, c.before);
    this.record = null;
    return report;
  }
  async writeSummary(sheet: SheetDescription) {
    this.reports.push(sheet);
    return sheet.name;
  }
  async select(sheet: string, cell: string) {
    this.selected.push(`${sheet}!${cell}`);
  }
  describeError(error: unknown) {
    return `描述：${(error as { code?: string }).code}`;
  }
}

/** The same, as the web page's host: a file to open and download. */
class MemoryFileHost extends MemoryHost implements FileHost {
  kind = 'file' as const;
  name = 'sample.xlsx';
  fileName() {
    return this.name;
  }
  async open(name: string) {
    this.name = name;
  }
  async download() {
    return new Blob(['x']);
  }
}

async function click(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

test('校验 shows what was recognised and the issues grouped by sheet with counts', async () => {
  render(<App host={new MemoryHost()} />);
  await click('校验');
  expect(screen.getByTestId('recognised').textContent).toContain('识别到：项目汇总表 1 张（11 个项目）、绩效指标表 1 张（25 个指标）、项目支出绩效自评表 4 份、部门整体绩效自评表 1 张');
  const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
  expect(headings).toEqual(['项目汇总表（13）', '绩效指标表（6）', '自评表-人居环境（4）', '自评表-乡村振兴（3）', '自评表-其他（8）', '部门整体绩效（4）']);
  expect(screen.getByRole('button', { name: /^✓ 错误 12$/ })).toBeTruthy();
  expect(screen.getByRole('button', { name: /^✓ 警告 20$/ })).toBeTruthy();
  const issue = screen.getByRole('button', { name: /F13.*“全年执行数”应为数字，当前为“待定”/ });
  expect(within(issue).getByText('错误')).toBeTruthy(); // the severity in words, not colour alone
});

test('the severity filter has a visible label and shows each toggle on or off without colour', async () => {
  render(<App host={new MemoryHost()} />);
  await click('校验');
  const group = screen.getByRole('group', { name: '显示' });
  expect(within(group).getByText('显示')).toBeTruthy();
  await click(/错误 12$/);
  await click(/警告 20$/);
  const errors = screen.getByRole('button', { name: /错误 12$/ });
  expect([errors.textContent, errors.getAttribute('aria-pressed'), errors.getAttribute('title')]).toEqual(['错误 12', 'false', '错误 已隐藏']);
  expect(screen.getByRole('button', { name: /提示 6$/ }).textContent).toBe('✓ 提示 6');
  expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['项目汇总表（2）', '自评表-人居环境（2）', '自评表-乡村振兴（1）', '自评表-其他（1）']);
  expect(screen.queryByText(/待定/)).toBeNull();
  await click(/提示 6$/);
  expect(screen.getByText('当前筛选下没有问题。')).toBeTruthy();
  await click(/错误 12$/);
  expect(screen.getByText(/待定/)).toBeTruthy();
});

test('clicking an issue selects its cell and marks the issue as current', async () => {
  const host = new MemoryHost();
  render(<App host={host} />);
  await click('校验');
  await click(/J15.*指标未完全达成/);
  expect(host.selected).toEqual(['自评表-乡村振兴!J15']);
  expect(screen.getByRole('button', { name: /J15.*指标未完全达成/ }).getAttribute('aria-current')).toBe('true');
});

test('on the web page, a clicked issue shows its row\'s project, its column and the content', async () => {
  render(<App host={new MemoryFileHost()} />);
  await click('校验');
  await click(/F13.*待定/);
  const issue = screen.getByRole('button', { name: /F13.*待定/ });
  expect(issue.textContent).toContain('F13 · 第 13 行项目：综合文化站免费开放列：全年执行数（B）当前内容：待定');
});

test('计算并回填 previews the cells by sheet, writes only on confirmation, lists what changed, and focus goes to the outcome', async () => {
  const host = new MemoryHost();
  render(<App host={host} />);
  await click('计算并回填');
  const preview = screen.getByRole('region', { name: '将改动 97 个计算单元格：' });
  const [sheets, replaced] = within(preview).getAllByRole('list');
  expect(within(sheets).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['项目汇总表 29 个', '绩效指标表 24 个', '自评表-人居环境 10 个', '自评表-乡村振兴 12 个', '自评表-其他 14 个', '部门整体绩效 8 个']);
  // The one value the unit typed that filling replaces is named before the write, and no sentence says otherwise.
  expect(within(preview).getByText('其中 1 个单元格已填写了与计算结果不同的内容，将按规则改写（问题清单中逐一说明）：')).toBeTruthy();
  expect(within(replaced).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['自评表-人居环境!I20 94 → 99.39']);
  expect(preview.textContent).not.toContain('您填写的内容');
  expect(host.snapshot.sheets[0].values[5][6]).toBeNull(); // nothing written yet
  const confirm = screen.getByRole('button', { name: '确认写入' });
  confirm.focus();
  await click('确认写入');
  expect(host.snapshot.sheets[0].values[5][6]).toBe(0.9506);
  expect(screen.getByText('已写入 97 个单元格。')).toBeTruthy();
  expect(document.activeElement?.textContent).toContain('已写入 97 个单元格。');
  expect(screen.getByText('改动明细（97）')).toBeTruthy();
  expect(screen.getByText((_, el) => el?.tagName === 'LI' && el.textContent === '项目汇总表!G6 （空） → 95.06%')).toBeTruthy();
  await click('计算并回填');
  expect(screen.getByText('计算结果与工作簿一致，无需改动。')).toBeTruthy();
});

test('撤销上次回填 says what goes back and what stays, then puts back only the cells still as filled', async () => {
  const host = new MemoryHost();
  render(<App host={host} />);
  await click('计算并回填');
  await click('确认写入');
  host.setCell('项目汇总表', 'I6', 88); // corrected by hand after the fill
  await click('撤销上次回填');
  const preview = screen.getByRole('region', { name: /^上次回填（2025-03-01 10:22）改动了 97 个单元格。$/ });
  expect(preview.textContent).toContain('撤销将恢复其中 96 个单元格的原内容和格式。1 个单元格在回填后又被改动过，将保持现状：项目汇总表!I6（现为 88）。');
  await click('确认撤销');
  expect(screen.getByText('已恢复 96 个单元格。1 个单元格在回填后被改动过，未恢复：项目汇总表!I6（现为 88）。')).toBeTruthy();
  expect([host.cell('项目汇总表', 'G6'), host.cell('项目汇总表', 'I6')]).toEqual([null, 88]);
  expect(screen.queryByRole('button', { name: '撤销上次回填' })).toBeNull();
});

test('cancel leaves the workbook as it was', async () => {
  const host = new MemoryHost();
  const before = host.snapshot;
  render(<App host={host} />);
  await click('计算并回填');
  await click('取消');
  expect(host.snapshot).toBe(before);
  expect(screen.queryByRole('region', { name: /将改动/ })).toBeNull();
});

test('生成报告 writes the summary sheet drafted from the filled figures; the web page previews it', async () => {
  const host = new MemoryFileHost();
  render(<App host={host} />);
  await click('生成报告');
  expect(host.reports).toHaveLength(1);
  expect(host.reports[0].cells[0].value).toBe('2025年度青山镇人民政府整体绩效自评报告');
  expect(screen.getByText('已生成“自评报告”工作表，下载结果后即可在工作簿中查看；下面是报告预览。')).toBeTruthy();
  const preview = screen.getByRole('article', { name: '报告预览' });
  expect(within(preview).getByText('2025年度青山镇人民政府整体绩效自评报告')).toBeTruthy();
  expect(within(preview).getAllByRole('table').length).toBeGreaterThan(0);
});

test('下载结果 says where the file went', async () => {
  const host = new MemoryFileHost();
  URL.createObjectURL = () => 'blob:x';
  URL.revokeObjectURL = () => undefined;
  const saved = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  render(<App host={host} />);
  await click('下载结果');
  expect(screen.getByText('已下载“sample-已计算.xlsx”，请到浏览器的下载文件夹中查看。')).toBeTruthy();
  expect(saved).toHaveBeenCalledTimes(1);
});

test('an error shows in a message bar with what to do, and the buttons come back', async () => {
  const host = new MemoryHost();
  host.failNext = { code: 'InvalidOperationInCellEditMode' };
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  render(<App host={host} />);
  await click('校验');
  expect(screen.getByText('操作未完成')).toBeTruthy();
  expect(screen.getByText('描述：InvalidOperationInCellEditMode')).toBeTruthy();
  expect((screen.getByRole('button', { name: '校验' }) as HTMLButtonElement).disabled).toBe(false);
});

test('settings are saved to the workbook and the pane switches language', async () => {
  const host = new MemoryHost();
  render(<App host={host} />);
  await click('校验');
  await click('设置');
  fireEvent.change(screen.getByLabelText('年度'), { target: { value: '2024' } });
  fireEvent.change(screen.getByLabelText('单位名称'), { target: { value: '红旗乡人民政府' } });
  fireEvent.change(screen.getByLabelText('界面语言'), { target: { value: 'en' } });
  await click('保存设置');
  // The profile left as it was: scored by what the workbook carries, else the national one.
  expect(host.stored).toEqual({ profile: '', year: 2024, unitName: '红旗乡人民政府', lang: 'en' });
  expect(screen.getByText('Settings saved in the workbook.')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Check' })).toBeTruthy();
  // Messages were re-rendered in English.
  expect(screen.getByRole('button', { name: /F13.*"全年执行数" must be a number/ })).toBeTruthy();
  await click('Write report');
  expect(host.reports[0].cells[0].value).toBe('2024年度红旗乡人民政府整体绩效自评报告');
});

test('the English pane uses English punctuation', async () => {
  const host = new MemoryFileHost();
  host.stored = { ...DEFAULT_SETTINGS, lang: 'en' };
  render(<App host={host} />);
  await click('Compute and fill');
  await click('Write');
  expect(screen.getByText('Changes (97)')).toBeTruthy();
  expect(screen.getByTestId('recognised').textContent).toMatch(/^Recognised: 1 project list\(s\) \(11 projects\), .*Sheets: 项目汇总表, 绩效指标表/);
  expect(screen.getAllByRole('heading', { level: 3 })[0].textContent).toBe('项目汇总表 (13)');
  expect(screen.getByTestId('file-name').parentElement?.textContent).toBe('File: sample.xlsx');
});
