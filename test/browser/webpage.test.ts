// The built web page in real Chromium at 320 × 700, as a WPS user meets it: the sample loads, 校验 shows
// the issues, a click highlights one, 计算并回填 fills, 生成报告 adds the report, and the downloaded
// workbook holds the computed values. Uses `npm run build:web` (npm test builds it first).
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync } from 'fs';
import { join, resolve } from 'path';
import { type Browser, chromium, type Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require('../../scripts/serve');

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../..');
const SHOTS = join(ROOT, 'out', 'screenshots');
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/chromium-headless-shell'].find((p) => p && existsSync(p));

let browser: Browser;
let server: { close(): void };
let url: string;
let page: Page;
const outside: string[] = [];

beforeAll(async () => {
  if (!CHROMIUM) throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM_PATH');
  if (!existsSync(join(ROOT, 'dist/web/taskpane.html'))) throw new Error('dist/web is not built: run npm run build:web');
  const started = await serve({ port: 0, secure: false });
  server = started.server;
  url = started.url;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 320, height: 700 }, acceptDownloads: true, locale: 'zh-CN' });
  // Nothing may leave this machine: every request to another host is refused and remembered.
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === 'localhost' || host === '127.0.0.1') return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  page = await context.newPage();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

test('the sample loads and is checked when the page opens, with office.js present but no Office host', async () => {
  await page.goto(url);
  await page.getByTestId('file-name').filter({ hasText: 'sample.xlsx' }).waitFor();
  await page.getByTestId('recognised').waitFor();
  expect(await page.getByTestId('recognised').textContent()).toContain('项目汇总表 1 张（11 个项目）');
  expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('object');
});

test('校验 lists the issues; clicking one highlights it and shows its cell', async () => {
  await page.getByRole('button', { name: '校验', exact: true }).click();
  await page.locator('[data-issue="项目汇总表!F13"]').waitFor();
  expect(await page.locator('[data-issue]').count()).toBe(32);
  await page.locator('[data-issue="项目汇总表!F13"]').click();
  const issue = page.locator('[data-issue="项目汇总表!F13"]');
  expect(await issue.getAttribute('aria-current')).toBe('true');
  expect(await issue.textContent()).toContain('F13 当前内容：待定');
  await page.screenshot({ path: join(SHOTS, 'pane-check.png'), fullPage: false });
});

test('计算并回填 previews, writes on confirmation; 生成报告 adds the report; the download holds the values', async () => {
  await page.getByRole('button', { name: '计算并回填' }).click();
  await page.getByRole('region', { name: '将改动 105 个计算单元格：' }).waitFor();
  await page.screenshot({ path: join(SHOTS, 'pane-preview.png') });
  await page.getByRole('button', { name: '确认写入' }).click();
  await page.getByText('已写入 105 个单元格。').waitFor();

  await page.getByRole('button', { name: '生成报告' }).click();
  await page.getByText('已生成“自评报告”工作表，下载结果后即可查看。').waitFor();
  await page.screenshot({ path: join(SHOTS, 'pane-filled.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果' }).click()]);
  expect(download.suggestedFilename()).toBe('sample-已计算.xlsx');
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
  await page.locator('input[type=file]').setInputFiles({ name: '通讯录.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('姓名,电话\n张三,123') });
  await page.getByText('通讯录.xlsx 不是 Excel 工作簿（.xlsx）；请选择财政局下发的自评表文件。').waitFor();
  expect(await page.getByText('操作未完成').count()).toBe(1);
  expect(await page.getByTestId('file-name').textContent()).toBe('sample.xlsx');
});

test('no request left the machine', () => {
  expect(outside).toEqual([]);
});
