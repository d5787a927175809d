// 批量审核 on the built web page in real Chromium at 320 px: several units' workbooks dropped, a folder
// chosen, each unit's standing shown, and the review (审核汇总.xlsx) downloaded and read back with the
// project's own reader. Nothing leaves the machine.
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import type { CellValue } from '../../src/engine';
import { readWorkbookSync } from '../../src/gateways/xlsx';
import { tempDir } from '../support/files';
import { unitFiles, unitsFolder } from '../support/units';
import { type Browsing, SHOTS, startBrowsing } from './browser';

jest.setTimeout(180_000);

let browsing: Browsing;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  browsing = await startBrowsing();
  const context = await browsing.context();
  context.on('request', (request) => requested.push(request.url()));
  page = await context.newPage();
  await page.goto(browsing.url);
  await page.getByTestId('file-name').filter({ hasText: 'sample.xlsx' }).waitFor();
});

afterAll(() => browsing?.close());

async function downloadReview(): Promise<CellValue[][][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载审核汇总.xlsx' }).click()]);
  expect(download.suggestedFilename()).toBe('审核汇总.xlsx');
  const file = join(tempDir(), '审核汇总.xlsx');
  await download.saveAs(file);
  await page.getByText('已下载“审核汇总.xlsx”，请到浏览器的下载文件夹中查看。').waitFor();
  return readWorkbookSync(readFileSync(file), '审核汇总.xlsx').snapshot.sheets.map((s) => s.values);
}

test('批量审核 opens in place of the single workbook, at 320 px', async () => {
  await page.getByRole('button', { name: '批量审核' }).click();
  await page.getByRole('region', { name: '批量审核' }).waitFor();
  expect(await page.getByRole('button', { name: '校验', exact: true }).count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.screenshot({ path: join(SHOTS, 'batch-idle.png') });
});

test('several files dropped: each unit\'s standing, and the review downloaded holds them', async () => {
  const all = await unitFiles();
  const dropped = all.filter((f) => ['青山镇.xlsx', '东坡镇.xlsx', '损坏.xlsx', '~$青山镇.xlsx'].includes(f.name)).map((f) => ({ name: f.name, data: f.bytes.toString('base64') }));
  await page.getByTestId('batch-zone').evaluate((zone, files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, dropped);
  const result = page.getByTestId('batch-result');
  await result.waitFor();
  expect(await result.getByRole('status').first().textContent()).toBe('共 3 个文件：可读取 2 个，无法读取 1 个。需退回修改 2 个；错误 12 处，警告 20 处。');
  expect(await result.getByText('未审核 1 个文件：~$青山镇.xlsx（Office 临时文件）。').count()).toBe(1);
  expect(await page.locator('[data-unit]').evaluateAll((items) => items.map((i) => i.textContent))).toEqual([
    '青山镇人民政府青山镇.xlsx需退回 12',
    '东坡镇人民政府东坡镇.xlsx通过',
    '损坏.xlsx损坏.xlsx 不是 Excel 工作簿（.xlsx）；请选择财政局下发的自评表文件。无法读取',
  ]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.screenshot({ path: join(SHOTS, 'batch-result.png'), fullPage: true });

  const [units, issues, notes] = await downloadReview();
  expect(units[4].slice(1, 3)).toEqual(['青山镇.xlsx', '青山镇人民政府']);
  expect(units[4].slice(5, 11)).toEqual([12, 3296.42291, 3065.373499, 0.9342, 96.53, 95.41]);
  expect(units[5].slice(1, 9)).toEqual(['东坡镇.xlsx', '东坡镇人民政府', 2025, '全国通用（财预〔2020〕10号）', 3, 172.845678, 167.395678, 0.9685]);
  expect([units[6][1], units[6][20]]).toEqual(['损坏.xlsx', '无法读取']);
  expect(issues.filter((r, i) => i > 0 && r?.[0] !== null && r?.[0] !== undefined).length).toBe(38);
  expect(notes.map((r) => r?.[0]).filter((v) => typeof v === 'string' && /^\d+\. /.test(v))).toEqual(['1. 青山镇人民政府（青山镇.xlsx）：错误12处，警告20处', '2. 损坏.xlsx：文件无法读取']);
});

test('a folder chosen: its sub-folders read too, the files named by their path in it', async () => {
  await page.getByRole('button', { name: '重新选择' }).click();
  const folder = await unitsFolder(tempDir());
  await page.getByTestId('batch-folder').setInputFiles(folder);
  const result = page.getByTestId('batch-result');
  await result.waitFor();
  expect(await result.getByRole('status').first().textContent()).toBe('共 7 个文件：可读取 3 个，无法读取 4 个。需退回修改 5 个；错误 12 处，警告 20 处。');
  expect(await page.locator('[data-unit]').evaluateAll((items) => items.map((i) => i.getAttribute('data-unit')))).toEqual([
    '县直部门/农业农村局.xlsx', '青山镇.xlsx', '东坡镇.xlsx', '加密.xlsx', '截断.xlsx', '损坏.xlsx', '旧版.xls',
  ]);
  const [units] = await downloadReview();
  expect(units[4].slice(0, 3)).toEqual([1, '县直部门/农业农村局.xlsx', '县农业农村局']);
  expect([units[11][0], units[11][2]]).toEqual(['合计', '7个文件']);
});

test('nothing was asked of any other machine', () => {
  expect(browsing.outside).toEqual([]);
  expect(requested.every((u) => new URL(u).hostname === 'localhost' || u.startsWith('blob:') || u.startsWith('data:'))).toBe(true);
});
