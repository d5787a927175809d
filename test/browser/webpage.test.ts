// The built web page in real Chromium at 320 × 700, as a WPS user meets it: the sample loads, 校验 shows
// the issues, a click shows the cell's project and column, 计算并回填 fills, 生成报告 adds the report with a
// preview, and the downloaded workbook holds the computed values. No office.js, no request off the
// machine. Uses `npm run build:web` (npm test builds it first).
import ExcelJS from 'exceljs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { type Browsing, SHOTS, startBrowsing } from './browser';

jest.setTimeout(120_000);

let browsing: Browsing;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  browsing = await startBrowsing();
  const context = await browsing.context();
  context.on('request', (request) => requested.push(request.url()));
  page = await context.newPage();
});

afterAll(() => browsing?.close());

test('the sample loads and is checked when the page opens; no office.js is loaded', async () => {
  await page.goto(browsing.url);
  await page.getByTestId('file-name').filter({ hasText: 'sample.xlsx' }).waitFor();
  await page.getByTestId('recognised').waitFor();
  expect(await page.getByTestId('recognised').textContent()).toContain('项目汇总表 1 张（11 个项目）');
  expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('undefined');
  expect(requested.filter((u) => /office/i.test(u))).toEqual([]);
});

test('校验 lists the issues; clicking one highlights it and shows its project, column and content', async () => {
  await page.getByRole('button', { name: '校验', exact: true }).click();
  await page.locator('[data-issue="项目汇总表!F13"]').waitFor();
  expect(await page.locator('[data-issue]').count()).toBe(38);
  const issue = page.locator('[data-issue="项目汇总表!F13"]');
  await issue.click();
  expect(await issue.getAttribute('aria-current')).toBe('true');
  expect(await issue.innerText()).toContain('F13 · 第 13 行\n项目：综合文化站免费开放\n列：全年执行数（B）\n当前内容：待定');
  await page.screenshot({ path: join(SHOTS, 'pane-check.png'), fullPage: false });
});

test('计算并回填 previews, writes on confirmation; 生成报告 adds the report and previews it; the download holds the values', async () => {
  await page.getByRole('button', { name: '计算并回填' }).click();
  await page.getByRole('region', { name: '将改动 97 个计算单元格：' }).waitFor();
  await page.screenshot({ path: join(SHOTS, 'pane-preview.png') });
  await page.getByRole('button', { name: '确认写入' }).click();
  await page.getByText('已写入 97 个单元格。').waitFor();
  // Focus went to the outcome, not to the page.
  expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('已写入 97 个单元格。');

  await page.getByRole('button', { name: '生成报告' }).click();
  await page.getByText('已生成“自评报告”工作表，下载结果后即可在工作簿中查看；下面是报告预览。').waitFor();
  const preview = page.getByRole('article', { name: '报告预览' });
  expect(await preview.getByText('2025年度青山镇人民政府整体绩效自评报告').count()).toBe(1);
  await page.screenshot({ path: join(SHOTS, 'pane-report.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果' }).click()]);
  expect(download.suggestedFilename()).toBe('sample-已计算.xlsx');
  await page.getByText('已下载“sample-已计算.xlsx”，请到浏览器的下载文件夹中查看。').waitFor();
  const file = join(SHOTS, '..', 'sample-downloaded.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const list = wb.getWorksheet('项目汇总表')!;
  expect([list.getCell('G6').value, list.getCell('I6').value, list.getCell('J6').value]).toEqual([0.9506, 94.84, '优']);
  expect(wb.getWorksheet('自评表-乡村振兴')!.getCell('K7').value).toBe(9.51);
  expect(wb.getWorksheet('自评报告')!.getCell('A1').value).toBe('2025年度青山镇人民政府整体绩效自评报告');
});

test('a file that is not a workbook gets a clear message and the open workbook stays', async () => {
  await page.locator('input[type=file]:not([data-testid=template-input])').setInputFiles({ name: '通讯录.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('姓名,电话\n张三,123') });
  await page.getByText('通讯录.xlsx 不是 Excel 工作簿（.xlsx）；请选择财政局下发的自评表文件。').waitFor();
  expect(await page.getByText('操作未完成').count()).toBe(1);
  expect(await page.getByTestId('file-name').textContent()).toBe('sample.xlsx');
});

test('nothing was asked of any other machine: every request went to this one', () => {
  expect(browsing.outside).toEqual([]);
  expect(requested.every((u) => new URL(u).hostname === 'localhost' || u.startsWith('blob:') || u.startsWith('data:'))).toBe(true);
});
