/**
 * @jest-environment jsdom
 */
// The pane's components against an in-memory host: issues grouped by sheet, the severity filter, the
// preview before writing, what was written, and errors with what to do.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { Plan, SheetDescription, WorkbookSnapshot } from '../../src/engine';
import { applyPlanToSnapshot } from '../../src/gateways/memory';
import { sampleSheets } from '../../src/samples/township';
import { App } from '../../src/ui/App';
import { DEFAULT_SETTINGS, type Settings, type WorkbookHost } from '../../src/ui/host';
import { fromSpec } from '../support/snapshot';

// Fluent UI renders slowly under jsdom: a pane with forty issues takes seconds.
jest.setTimeout(60_000);

class MemoryHost implements WorkbookHost {
  kind = 'excel' as const;
  snapshot: WorkbookSnapshot = { sheets: sampleSheets().map((s) => fromSpec(s)) };
  stored: Settings = DEFAULT_SETTINGS;
  selected: string[] = [];
  reports: SheetDescription[] = [];
  failNext: unknown = null;
  settings = { where: 'workbook' as const, load: () => this.stored, save: async (s: Settings) => { this.stored = s; } };
  async read() {
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = null;
      throw e;
    }
    return this.snapshot;
  }
  async apply(plan: Plan) {
    this.snapshot = applyPlanToSnapshot(this.snapshot, plan);
    return plan.writes;
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
  expect(headings).toEqual(['项目汇总表（8）', '绩效指标表（6）', '自评表-人居环境（4）', '自评表-乡村振兴（3）', '自评表-其他（7）', '部门整体绩效（4）']);
  expect(screen.getByRole('button', { name: /^错误 14$/ })).toBeTruthy();
  expect(screen.getByRole('button', { name: /^警告 14$/ })).toBeTruthy();
  const issue = screen.getByRole('button', { name: /F13.*“全年执行数”应为数字，当前为“待定”/ });
  expect(within(issue).getByText('错误')).toBeTruthy(); // the severity in words, not colour alone
});

test('the severity filter hides and shows issues', async () => {
  render(<App host={new MemoryHost()} />);
  await click('校验');
  await click(/^错误 14$/);
  await click(/^警告 14$/);
  expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['自评表-人居环境（2）', '自评表-乡村振兴（1）', '自评表-其他（1）']);
  expect(screen.queryByText(/待定/)).toBeNull();
  await click(/^提示 4$/);
  expect(screen.getByText('当前筛选下没有问题。')).toBeTruthy();
  await click(/^错误 14$/);
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

test('计算并回填 previews the cells by sheet, writes only on confirmation, then lists what changed', async () => {
  const host = new MemoryHost();
  render(<App host={host} />);
  await click('计算并回填');
  const preview = screen.getByRole('region', { name: '将改动 105 个计算单元格：' });
  expect(within(preview).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['项目汇总表 35 个', '绩效指标表 24 个', '自评表-人居环境 10 个', '自评表-乡村振兴 12 个', '自评表-其他 16 个', '部门整体绩效 8 个']);
  expect(host.snapshot.sheets[0].values[5][6]).toBeNull(); // nothing written yet
  await click('确认写入');
  expect(host.snapshot.sheets[0].values[5][6]).toBe(0.9506);
  expect(screen.getByText('已写入 105 个单元格。')).toBeTruthy();
  expect(screen.getByText('改动明细（105）')).toBeTruthy();
  expect(screen.getByText((_, el) => el?.tagName === 'LI' && el.textContent === '项目汇总表!G6 （空） → 95.06%')).toBeTruthy();
  await click('计算并回填');
  expect(screen.getByText('计算结果与工作簿一致，无需改动。')).toBeTruthy();
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

test('生成报告 writes the summary sheet drafted from the filled figures', async () => {
  const host = new MemoryHost();
  render(<App host={host} />);
  await click('生成报告');
  expect(host.reports).toHaveLength(1);
  expect(host.reports[0].cells[0].value).toBe('2025年度青山镇人民政府整体绩效自评报告');
  expect(screen.getByText('已生成“自评报告”工作表。')).toBeTruthy();
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

test('settings: profile, year, unit and language are saved to the workbook and the pane switches language', async () => {
  const host = new MemoryHost();
  render(<App host={host} />);
  await click('校验');
  await click('设置');
  fireEvent.change(screen.getByLabelText('年度'), { target: { value: '2024' } });
  fireEvent.change(screen.getByLabelText('单位名称'), { target: { value: '红旗乡人民政府' } });
  fireEvent.change(screen.getByLabelText('界面语言'), { target: { value: 'en' } });
  await click('保存设置');
  expect(host.stored).toEqual({ profile: 'national', year: 2024, unitName: '红旗乡人民政府', lang: 'en' });
  expect(screen.getByText('Settings saved in the workbook.')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Check' })).toBeTruthy();
  // Messages were re-rendered in English.
  expect(screen.getByRole('button', { name: /F13.*"全年执行数" must be a number/ })).toBeTruthy();
  await click('Write report');
  expect(host.reports[0].cells[0].value).toBe('2024年度红旗乡人民政府整体绩效自评报告');
});
