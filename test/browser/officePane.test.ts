// The page as Office opens it (the URL carries `_host_Info`): only then does it fetch office.js from
// Microsoft's CDN; it waits for Office instead of turning into the file page, and says so when office.js
// cannot be loaded. Here the CDN is either refused (as offline) or answered with the npm package's copy.
import { existsSync } from 'fs';
import { join } from 'path';
import { type Browsing, ROOT, SHOTS, startBrowsing } from './browser';

jest.setTimeout(120_000);

const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const HOST_INFO = '_host_Info=Excel$Web$16.01$zh-CN$$$$0';

let browsing: Browsing;
beforeAll(async () => {
  browsing = await startBrowsing();
});
afterAll(() => browsing?.close());

test('inside Office without a connection: office.js is asked for from the CDN, and the pane says it could not load it', async () => {
  const page = await (await browsing.context()).newPage();
  await page.goto(`${browsing.url}?${HOST_INFO}`);
  await page.getByText('无法加载 Office 脚本（office.js，来自 appsforoffice.microsoft.com）', { exact: false }).waitFor();
  expect(browsing.outside).toEqual([`${CDN}office.js`]);
  expect(await page.getByRole('button', { name: '打开文件' }).count()).toBe(0);
  await page.screenshot({ path: join(SHOTS, 'pane-office-js-failed.png') });
});

test('inside Office, slow to start: the pane waits for Excel (and says it is still waiting), never the file page', async () => {
  const context = await browsing.context();
  // office.js and the host script it loads, answered from the npm package instead of the CDN.
  await context.route(`${CDN}**`, (route) => {
    const file = join(ROOT, 'node_modules/@microsoft/office-js/dist', route.request().url().slice(CDN.length).split('?')[0]);
    return existsSync(file) ? route.fulfill({ path: file }) : route.abort();
  });
  const page = await context.newPage();
  await page.goto(`${browsing.url}?${HOST_INFO}`);
  await page.getByText('正在连接 Excel…').waitFor();
  await page.getByText('仍在等待 Excel 响应。', { exact: false }).waitFor({ timeout: 20_000 });
  expect(await page.getByRole('button', { name: '打开文件' }).count()).toBe(0);
  expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('object');
  await page.screenshot({ path: join(SHOTS, 'pane-waiting.png') });
});
