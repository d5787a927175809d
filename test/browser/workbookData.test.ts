// What the web page keeps with a workbook, in Chromium: settings belong to the file they were saved in
// (another file opened after it starts from its own), and 撤销上次回填 on a filled file that was edited
// elsewhere puts back what the fill wrote and leaves the edited cell as it is.
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { LIMITS, Package, readWorkbookSync } from '../../src/gateways/xlsx';
import { type Browsing, ROOT, SHOTS, startBrowsing } from './browser';

jest.setTimeout(180_000);

let browsing: Browsing;
beforeAll(async () => {
  browsing = await startBrowsing();
});
afterAll(() => browsing?.close());

async function download(page: Page): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果' }).click()]);
  return readFileSync(await file.path());
}

async function openFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator('input[type=file]:not([data-testid=template-input])').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await page.getByTestId('file-name').filter({ hasText: name }).waitFor();
  await page.getByTestId('recognised').waitFor();
}

function value(bytes: Uint8Array, sheet: string, row: number, col: number) {
  return readWorkbookSync(bytes, 'x.xlsx').snapshot.sheets.find((s) => s.name === sheet)?.values[row]?.[col] ?? null;
}

test('settings saved for one file stay with it: the next file opened starts from its own', async () => {
  const page = await (await browsing.context()).newPage();
  await page.goto(browsing.url);
  await page.getByTestId('recognised').waitFor();
  await page.getByRole('button', { name: '设置', exact: true }).click();
  await page.getByLabel('单位名称').fill('红旗乡人民政府');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByText('设置已保存到工作簿，下载结果后随文件保存。').waitFor();
  const withSettings = await download(page);

  // The settings stay open while files change: each file shows its own.
  await openFile(page, 'template.xlsx', readFileSync(join(ROOT, 'assets/template.xlsx')));
  expect(await page.getByLabel('单位名称').inputValue()).toBe('');
  await openFile(page, 'sample-已计算.xlsx', withSettings);
  expect(await page.getByLabel('单位名称').inputValue()).toBe('红旗乡人民政府');
  await page.screenshot({ path: join(SHOTS, 'pane-settings.png') });
});

test('撤销上次回填 after the filled file was edited elsewhere: what the fill wrote goes back, the edited cell stays', async () => {
  const page = await (await browsing.context()).newPage();
  await page.goto(browsing.url);
  await page.getByTestId('recognised').waitFor();
  await page.getByRole('button', { name: '计算并回填' }).click();
  await page.getByRole('button', { name: '确认写入' }).click();
  await page.getByText('已写入 97 个单元格。').waitFor();
  const filled = await download(page);
  expect([value(filled, '项目汇总表', 5, 6), value(filled, '项目汇总表', 5, 8)]).toEqual([0.9506, 94.84]);

  // In another program, 自评得分 I6 corrected by hand to 88.
  const pkg = Package.open(new Uint8Array(filled), { entry: LIMITS.partMB * 1024 * 1024, total: LIMITS.totalMB * 1024 * 1024 });
  const sheet = readWorkbookSync(new Uint8Array(filled), 'x.xlsx').source.sheets.get('项目汇总表')!.entry.part!;
  pkg.write(sheet, pkg.text(sheet).replace(/<c r="I6"([^>]*)><v>94\.84<\/v><\/c>/, '<c r="I6"$1><v>88</v></c>'));
  await openFile(page, '青山镇-改过.xlsx', Buffer.from(pkg.bytes()));

  await page.getByRole('button', { name: '撤销上次回填' }).click();
  const preview = page.getByRole('region', { name: /^上次回填（.*）改动了 97 个单元格。$/ });
  await preview.waitFor();
  expect(await preview.textContent()).toContain('撤销将恢复其中 96 个单元格的原内容和格式。1 个单元格在回填后又被改动过，将保持现状：项目汇总表!I6（现为 88）。');
  await page.screenshot({ path: join(SHOTS, 'pane-undo.png') });
  await page.getByRole('button', { name: '确认撤销' }).click();
  await page.getByText('已恢复 96 个单元格。1 个单元格在回填后被改动过，未恢复：项目汇总表!I6（现为 88）。').waitFor();
  expect(await page.getByRole('button', { name: '撤销上次回填' }).count()).toBe(0);

  const undone = await download(page);
  expect([value(undone, '项目汇总表', 5, 6), value(undone, '项目汇总表', 5, 8), value(undone, '自评表-乡村振兴', 6, 10)]).toEqual([null, 88, null]);
});

test('nothing was asked of any other machine', () => {
  expect(browsing.outside).toEqual([]);
});
