/**
 * @jest-environment jsdom
 */
// manifest.xml checked offline (office-addin-manifest validate needs the internet): well-formed, the
// required elements in the schema's order, short resource ids, existing icons, https everywhere.
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '../..');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const doc = new DOMParser().parseFromString(xml, 'application/xml');
const all = (name: string) => [...doc.getElementsByTagNameNS('*', name)];
const attr = (e: Element, name: string) => e.getAttribute(name) ?? '';

test('is well-formed XML with an OfficeApp TaskPaneApp root', () => {
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.documentElement.localName).toBe('OfficeApp');
  expect(doc.documentElement.getAttribute('xsi:type')).toBe('TaskPaneApp');
});

test('has the required top-level elements in the schema order', () => {
  const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl',
    'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
  const children = [...doc.documentElement.children].map((e) => e.localName);
  expect(children).toEqual(order);
  expect(all('Id')[0].textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(all('Version')[0].textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
});

test('zh-CN by default with en-US overrides, Excel workbooks, read-write', () => {
  expect(all('DefaultLocale')[0].textContent).toBe('zh-CN');
  expect(attr(all('DisplayName')[0], 'DefaultValue')).toBe('绩效自评助手');
  for (const e of [all('DisplayName')[0], all('Description')[0], ...all('String')]) {
    const override = [...e.children].find((c) => c.localName === 'Override');
    expect(override && attr(override, 'Locale')).toBe('en-US');
  }
  expect(attr(all('Host')[0], 'Name')).toBe('Workbook');
  expect(all('Permissions')[0].textContent).toBe('ReadWriteDocument');
  const set = all('Set')[0];
  // 1.13: merged areas (the grade lands in H21, not inside the merged label at B21) and no IE11/EdgeHTML webview.
  expect([attr(set, 'Name'), attr(set, 'MinVersion')]).toEqual(['ExcelApi', '1.13']);
  expect(attr(all('Description')[0], 'DefaultValue')).toContain('Office 2016/2019 请使用离线网页版');
});

test('texts within the schema lengths: DisplayName 125, Description 250, resource strings 125 and 250', () => {
  const values = (e: Element) => [attr(e, 'DefaultValue'), ...[...e.children].map((c) => attr(c, 'Value'))];
  for (const v of values(all('DisplayName')[0])) expect(v.length).toBeLessThanOrEqual(125);
  for (const v of values(all('Description')[0])) expect(v.length).toBeLessThanOrEqual(250);
  const short = all('ShortStrings')[0];
  for (const e of all('String')) for (const v of values(e)) expect(v.length).toBeLessThanOrEqual(short.contains(e) ? 125 : 250);
});

test('a button on the Home tab shows the task pane', () => {
  const tab = all('OfficeTab')[0];
  expect(attr(tab, 'id')).toBe('TabHome');
  const control = all('Control')[0];
  expect(control.getAttribute('xsi:type')).toBe('Button');
  const action = all('Action')[0];
  expect(action.getAttribute('xsi:type')).toBe('ShowTaskpane');
  expect(attr([...action.children].find((c) => c.localName === 'SourceLocation')!, 'resid')).toBe('Taskpane.Url');
});

test('every resource id is at most 32 characters and every resid points at one', () => {
  const ids = new Set([...all('Image'), ...all('Url'), ...all('String')].map((e) => attr(e, 'id')).filter(Boolean));
  for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
  const resids = [...doc.getElementsByTagName('*')].map((e) => attr(e, 'resid')).filter(Boolean);
  expect(resids.length).toBeGreaterThan(8);
  for (const resid of resids) expect(ids.has(resid)).toBe(true);
});

test('every URL is https, and every icon it names exists in assets/', () => {
  const urls = [...doc.getElementsByTagName('*')].flatMap((e) => [attr(e, 'DefaultValue'), e.localName === 'AppDomain' ? e.textContent ?? '' : ''])
    .filter((v) => /^[a-z]+:\/\//i.test(v));
  expect(urls.length).toBeGreaterThan(6);
  for (const url of urls) expect(url).toMatch(/^https:\/\//);
  const icons = urls.filter((u) => u.endsWith('.png'));
  expect(icons.map((u) => new URL(u).pathname).sort()).toEqual(['/assets/icon-16.png', '/assets/icon-32.png', '/assets/icon-32.png', '/assets/icon-64.png', '/assets/icon-80.png']);
  for (const icon of icons) expect(existsSync(join(ROOT, new URL(icon).pathname))).toBe(true);
  // The pages the manifest opens are the ones webpack builds.
  for (const page of ['taskpane', 'commands']) expect(existsSync(join(ROOT, 'src/ui', `${page}.html`))).toBe(true);
});
