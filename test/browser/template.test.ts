// 对照模板 on the built web page in real Chromium: a unit's workbook made from the bureau's template is
// opened, the template is chosen once, the check compares with it and scores by the county's profile;
// the page remembers the template after a reload.
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import type { Page } from 'playwright-core';
import { carrierSheet, type WorkbookSnapshot } from '../../src/engine';
import { withCarrierSheet } from '../../src/gateways/carrier';
import { readWorkbookSync } from '../../src/gateways/xlsx';
import { countyTemplateSpecs, filledUnit } from '../support/county';
import { setCell, sheetOf } from '../support/edit';
import { tempDir, writeSnapshot, writeSpecs } from '../support/files';
import { type Browsing, SHOTS, startBrowsing } from './browser';

jest.setTimeout(120_000);

const COUNTY = JSON.parse(readFileSync(resolve(__dirname, '../../schema/example-county.json'), 'utf8'));
const SETTINGS = { profile: COUNTY, unitName: { sheet: '项目汇总表', cell: 'B2', label: '单位名称：' } };

let browsing: Browsing;
let page: Page;
let template: Buffer;
let unit: Buffer;

/** A file with the county's settings sheet, as `selfeval template` writes it. */
function withSettings(file: string): Buffer {
  return Buffer.from(withCarrierSheet(readWorkbookSync(readFileSync(file), file), carrierSheet(SETTINGS)));
}

beforeAll(async () => {
  const dir = tempDir();
  template = withSettings(await writeSpecs(dir, '模板.xlsx', countyTemplateSpecs()));
  const book: WorkbookSnapshot = filledUnit();
  setCell(sheetOf(book, '项目汇总表'), 'E15', 3296.42291); // the unit typed over =SUM(E5:E12)
  unit = withSettings(await writeSnapshot(dir, '青山镇.xlsx', book));
  browsing = await startBrowsing();
  page = await (await browsing.context()).newPage();
  await page.goto(browsing.url);
  await page.getByTestId('file-name').filter({ hasText: 'sample.xlsx' }).waitFor();
});

afterAll(() => browsing?.close());

test('the unit\'s workbook is scored by the profile it carries', async () => {
  await page.locator('input[type=file]:not([data-testid=template-input])').setInputFiles({ name: '青山镇.xlsx', mimeType: 'application/octet-stream', buffer: unit });
  await page.getByTestId('file-name').filter({ hasText: '青山镇.xlsx' }).waitFor();
  await page.getByTestId('profile-used').filter({ hasText: '某某县' }).waitFor();
  expect(await page.getByTestId('profile-used').textContent()).toBe('评分方案：某某县2025年模板（工作簿内置，来自财政局模板）');
  expect(await page.getByTestId('template-name').textContent()).toBe('未选择');
});

test('the template chosen: the check lists the one change, at its cell, saying what the template has', async () => {
  await page.getByTestId('template-input').setInputFiles({ name: '模板-含规则.xlsx', mimeType: 'application/octet-stream', buffer: template });
  await page.getByTestId('template-result').waitFor();
  await page.screenshot({ path: join(SHOTS, 'pane-template-top.png') });
  expect(await page.getByTestId('template-result').textContent()).toBe('对照模板“模板-含规则.xlsx”：有 1 处与模板不一致（已列在下方）。');
  // Beside the engine's own issue there (the total against its items), the template's.
  const issue = page.locator('[data-issue="项目汇总表!E15"]').filter({ hasText: '模板此处为公式' });
  expect(await issue.innerText()).toContain('模板此处为公式 =SUM(E5:E12)，现为数值 3296.42291');
  expect(await page.locator('[data-issue="项目汇总表!E15"]').count()).toBe(2);
  await issue.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'pane-template.png') });
});

test('after a reload the template is still chosen', async () => {
  await page.reload();
  await page.getByTestId('template-name').filter({ hasText: '模板-含规则.xlsx' }).waitFor();
  expect(browsing.outside).toEqual([]);
});
