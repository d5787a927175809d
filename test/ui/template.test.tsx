/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// 对照模板 in the pane: the bureau's template chosen once, remembered on this machine, the workbook checked
// against it and scored by the profile it carries; a workbook carrying its own profile says so.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { TextDecoder, TextEncoder } from 'util';
import { carrierSheet, type SheetDescription, type WorkbookSnapshot } from '../../src/engine';
import { withCarrierSheet } from '../../src/gateways/carrier';
import { FileError, readWorkbookSync } from '../../src/gateways/xlsx';
import { App } from '../../src/ui/App';
import { DEFAULT_SETTINGS, type Settings, type WorkbookHost } from '../../src/ui/host';
import { countyTemplateSpecs, filledUnit } from '../support/county';
import { copyBook, setCell, sheetOf } from '../support/edit';
import { specsToWorkbook } from '../../src/samples/write';

jest.setTimeout(60_000);

const COUNTY = JSON.parse(readFileSync(resolve(__dirname, '../../schema/example-county.json'), 'utf8'));
delete COUNTY.$schema;

// jsdom lacks what every browser has and the file gateway uses.
Object.assign(globalThis, { TextDecoder, TextEncoder });

/** jsdom's File has no arrayBuffer(): read it as the browser would. */
if (!File.prototype.arrayBuffer) {
  File.prototype.arrayBuffer = function arrayBuffer(this: File) {
    return new Promise<ArrayBuffer>((done) => {
      const reader = new FileReader();
      reader.onload = () => done(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(this);
    });
  };
}

class Host implements WorkbookHost {
  kind = 'excel' as const;
  stored: Settings = DEFAULT_SETTINGS;
  settings = { load: () => this.stored, save: async (s: Settings) => { this.stored = s; } };
  constructor(public snapshot: WorkbookSnapshot) {}
  async read() {
    return { snapshot: this.snapshot, undoable: false };
  }
  async apply() {
    return [];
  }
  async writeSummary(sheet: SheetDescription) {
    return sheet.name;
  }
  async select() {}
  async previewUndo() {
    return null;
  }
  async undo() {
    return null;
  }
  describeError(error: unknown) {
    return error instanceof FileError ? error.describe('zh') : String(error);
  }
}

let templateBytes: Uint8Array;
beforeAll(async () => {
  const blank = new Uint8Array(await specsToWorkbook(countyTemplateSpecs()).xlsx.writeBuffer() as ArrayBuffer);
  templateBytes = withCarrierSheet(readWorkbookSync(blank, '模板.xlsx'), carrierSheet({ profile: COUNTY, unitName: { sheet: '项目汇总表', cell: 'B2', label: '填报单位：' } }));
});

beforeEach(() => localStorage.clear());

/** 青山镇's workbook with its 合计 typed over the template's =SUM(E5:E12). */
function unitWithTypedTotal(): WorkbookSnapshot {
  const unit = filledUnit();
  setCell(sheetOf(unit, '项目汇总表'), 'E15', 3296.42291);
  return unit;
}

async function click(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

async function chooseTemplate() {
  const file = new File([templateBytes as Uint8Array<ArrayBuffer>], '模板-含规则.xlsx');
  await act(async () => {
    fireEvent.change(screen.getByTestId('template-input'), { target: { files: [file] } });
  });
  await waitFor(() => expect(screen.getByTestId('template-name').textContent).toBe('模板-含规则.xlsx'));
}

test('chosen once: the workbook is checked against it, scored by its profile, and the template is remembered', async () => {
  const { unmount } = render(<App host={new Host(unitWithTypedTotal())} />);
  expect(screen.getByTestId('template-name').textContent).toBe('未选择');
  await click('校验');
  expect(screen.getByTestId('profile-used').textContent).toBe('评分方案：全国通用（财预〔2020〕10号）');
  expect(screen.queryByTestId('template-result')).toBeNull();

  await chooseTemplate();
  await waitFor(() => expect(screen.getByTestId('template-result').textContent).toBe('对照模板“模板-含规则.xlsx”：有 2 处与模板不一致（已列在下方）。'));
  expect(screen.getByText('内置评分方案：某某县2025年模板')).toBeTruthy();
  expect(screen.getByTestId('profile-used').textContent).toBe('评分方案：某某县2025年模板（来自对照模板）');
  const issue = screen.getByRole('button', { name: /E15.*模板此处为公式 =SUM\(E5:E12\)，现为数值 3296.42291/ });
  expect(within(issue).getByText('错误')).toBeTruthy();
  // The workbook was made without the template's settings sheet: that is the other difference.
  expect(screen.getByRole('button', { name: /A1.*此工作簿缺少模板的隐藏工作表“评分方案（财政局设定）”/ })).toBeTruthy();

  unmount();
  render(<App host={new Host(unitWithTypedTotal())} />);
  await waitFor(() => expect(screen.getByTestId('template-name').textContent).toBe('模板-含规则.xlsx'));
  await click('校验');
  expect(screen.getByTestId('template-result').textContent).toContain('有 2 处与模板不一致');
});

test('不再对照: forgotten here and on this machine; the check is the workbook\'s own again', async () => {
  render(<App host={new Host(unitWithTypedTotal())} />);
  await chooseTemplate();
  await click('校验');
  await click('不再对照');
  expect(screen.getByTestId('template-name').textContent).toBe('未选择');
  expect(localStorage.getItem('selfeval.template')).toBeNull();
  await waitFor(() => expect(screen.queryByTestId('template-result')).toBeNull());
  expect(screen.queryByText(/模板此处为公式/)).toBeNull();
});

test('a file that is not a workbook: said, and the template there was is kept', async () => {
  render(<App host={new Host(unitWithTypedTotal())} />);
  await chooseTemplate();
  await act(async () => {
    fireEvent.change(screen.getByTestId('template-input'), { target: { files: [new File(['姓名,电话'], '通讯录.xlsx')] } });
  });
  await waitFor(() => expect(screen.getByText(/通讯录.xlsx 不是 Excel 工作簿/)).toBeTruthy());
  expect(screen.getByTestId('template-name').textContent).toBe('模板-含规则.xlsx');
});

test('a workbook carrying its county\'s profile is scored by it and says so, with no template chosen', async () => {
  const unit = copyBook(filledUnit());
  unit.sheets.push(carrierSheet({ profile: COUNTY }));
  render(<App host={new Host(unit)} />);
  await click('校验');
  expect(screen.getByTestId('profile-used').textContent).toBe('评分方案：某某县2025年模板（工作簿内置，来自财政局模板）');
});
