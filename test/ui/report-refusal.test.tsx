/**
 * @jest-environment jsdom
 */
// 生成报告 on a workbook where no table is recognised: the pane (Excel) and the web page (a file) refuse,
// as the CLI does, with the message that says what to do; nothing is written.
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { Plan, SheetDescription, WorkbookSnapshot } from '../../src/engine';
import { App } from '../../src/ui/App';
import { DEFAULT_SETTINGS, type FileHost, type WorkbookHost } from '../../src/ui/host';
import { sheet } from '../support/snapshot';

jest.setTimeout(60_000);

/** A host whose workbook holds no table; as a file host it also has the web page's open and download. */
function noTableHost(kind: 'excel' | 'file') {
  const reports: SheetDescription[] = [];
  const snapshot: WorkbookSnapshot = { sheets: [sheet('通讯录', [['姓名', '电话'], ['张三', '123']])] };
  const host: WorkbookHost & Omit<FileHost, 'kind'> = {
    kind,
    settings: { load: () => DEFAULT_SETTINGS, save: async () => undefined },
    read: async () => ({ snapshot, undoable: false }),
    apply: async (plan: Plan) => plan.writes,
    writeSummary: async (s: SheetDescription) => {
      reports.push(s);
      return s.name;
    },
    select: async () => undefined,
    previewUndo: async () => null,
    undo: async () => null,
    describeError: (error: unknown) => String(error),
    fileName: () => '通讯录.xlsx',
    open: async () => undefined,
    download: async () => new Blob([]),
  };
  return { host, reports };
}

test.each(['excel', 'file'] as const)('%s: no table, no report, and the reason', async (kind) => {
  const { host, reports } = noTableHost(kind);
  render(<App host={host} />);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '生成报告' }));
  });
  expect(reports).toEqual([]);
  expect(screen.getAllByText(/未识别到项目汇总表、绩效指标表、项目支出绩效自评表或部门整体绩效自评表/).length).toBeGreaterThan(0);
  expect(screen.queryByText(/已生成“自评报告”工作表/)).toBeNull();
});
