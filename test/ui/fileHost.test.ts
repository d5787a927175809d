// The web page's host on real files: settings kept in the file (in the add-in's web extension part, where
// Excel keeps them), so they travel with it and never leak into the next file; the last fill's record
// kept as a custom XML part, so a fill can be undone in the same session or after the file was edited
// elsewhere, and a cell changed since is left alone.
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ADDIN_ID } from '../../src/gateways/addinParts';
import { FILL_RECORD_NAMESPACE } from '../../src/gateways/fillRecord';
import { LIMITS, Package, readWorkbookSync } from '../../src/gateways/xlsx';
import { analyse } from '../../src/engine';
import type { FileHost } from '../../src/ui/host';
import { fileHost } from '../../src/ui/hosts/file';
import { libreOfficeFailures, partChanges, text } from '../support/compare';
import { tempDir } from '../support/files';

jest.setTimeout(120_000);

const SAMPLE = new Uint8Array(readFileSync(join(__dirname, '../../assets/sample.xlsx')));
const TEMPLATE = new Uint8Array(readFileSync(join(__dirname, '../../assets/template.xlsx')));
const MB = 1024 * 1024;
const pkgOf = (bytes: Uint8Array) => Package.open(bytes, { entry: LIMITS.partMB * MB, total: LIMITS.totalMB * MB });

async function opened(bytes: Uint8Array, name = 'sample.xlsx'): Promise<FileHost> {
  const host = fileHost();
  await host.open(name, bytes.slice().buffer);
  return host;
}

async function downloaded(host: FileHost): Promise<Uint8Array> {
  return new Uint8Array(await (await host.download()).arrayBuffer());
}

/** A cell as the file holds it now: value, and its <c> element. */
function cell(bytes: Uint8Array, sheet: string, address: string) {
  const wb = readWorkbookSync(bytes, 'x.xlsx');
  const snap = wb.snapshot.sheets.find((s) => s.name === sheet)!;
  const { row, col } = { row: Number(/\d+/.exec(address)![0]) - 1, col: address.charCodeAt(0) - 65 };
  const part = wb.source.sheets.get(sheet)!.entry.part!;
  const element = new RegExp(`<c r="${address}"[^>]*?(/>|>.*?</c>)`).exec(text(bytes, part))?.[0] ?? null;
  return { value: snap.values[row]?.[col] ?? null, element };
}

async function fill(host: FileHost) {
  const { snapshot } = await host.read();
  const plan = analyse(snapshot).plan;
  await host.apply(plan);
  return plan;
}

test('settings travel with the file, in the part Excel keeps add-in settings in, and never leak into the next file', async () => {
  const first = await opened(SAMPLE);
  expect(first.settings.load()).toEqual({ profile: '', year: null, unitName: '', lang: 'zh' });
  await first.settings.save({ profile: 'provincial', year: 2024, unitName: '红旗乡人民政府', lang: 'en' });
  const bytes = await downloaded(first);

  const pkg = pkgOf(bytes);
  expect(pkg.relationships('').map((r) => r.part)).toContain('xl/webextensions/taskpanes.xml');
  const part = text(bytes, 'xl/webextensions/webextension1.xml');
  expect(part).toContain(`<we:reference id="${ADDIN_ID}"`);
  expect(part).toContain('<we:property name="selfeval" value="{&quot;profile&quot;:&quot;provincial&quot;,&quot;year&quot;:2024,&quot;unitName&quot;:&quot;红旗乡人民政府&quot;,&quot;lang&quot;:&quot;en&quot;}"/>');
  expect(text(bytes, '[Content_Types].xml')).toContain('<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>');

  // The same host opens another workbook: its own (default) settings, nothing of the first.
  await first.open('template.xlsx', TEMPLATE.slice().buffer);
  expect(first.settings.load().unitName).toBe('');
  // The downloaded first file brings its settings back.
  expect((await opened(bytes, 'sample-已计算.xlsx')).settings.load()).toEqual({ profile: 'provincial', year: 2024, unitName: '红旗乡人民政府', lang: 'en' });
  // Only the settings' parts and the package's lists of parts changed.
  expect(partChanges(SAMPLE, bytes)).toEqual({
    changed: ['[Content_Types].xml', '_rels/.rels'],
    added: ['xl/webextensions/_rels/taskpanes.xml.rels', 'xl/webextensions/taskpanes.xml', 'xl/webextensions/webextension1.xml'],
    removed: [],
  });
});

test('settings Excel saved are read, and updated in place; another add-in\'s part stays byte for byte', async () => {
  const pkg = pkgOf(SAMPLE);
  const we = (id: string, ref: string, store: string, props: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{${id}}"><we:reference id="${ref}" version="1.0.0.0" store="${store}" storeType="Filesystem"/><we:alternateReferences/><we:properties>${props}</we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`;
  pkg.write('xl/webextensions/webextension1.xml', we('9C3F1A22-0000-4000-8000-000000000001', 'wa104380862', 'en-US', '<we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/>'), 'application/vnd.ms-office.webextension+xml');
  pkg.write('xl/webextensions/webextension2.xml', we('9C3F1A22-0000-4000-8000-000000000002', ADDIN_ID.toUpperCase(), '\\\\server\\addins', '<we:property name="selfeval" value="{&quot;profile&quot;:&quot;national&quot;,&quot;year&quot;:2023,&quot;unitName&quot;:&quot;青山镇人民政府&quot;,&quot;lang&quot;:&quot;zh&quot;}"/>'), 'application/vnd.ms-office.webextension+xml');
  pkg.write('xl/webextensions/taskpanes.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"/>', 'application/vnd.ms-office.webextensiontaskpanes+xml');
  pkg.addRelationship('', 'http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes', 'xl/webextensions/taskpanes.xml');
  pkg.addRelationship('xl/webextensions/taskpanes.xml', 'http://schemas.microsoft.com/office/2011/relationships/webextension', 'xl/webextensions/webextension1.xml');
  pkg.addRelationship('xl/webextensions/taskpanes.xml', 'http://schemas.microsoft.com/office/2011/relationships/webextension', 'xl/webextensions/webextension2.xml');
  const fromExcel = pkg.bytes();

  const host = await opened(fromExcel);
  expect(host.settings.load()).toEqual({ profile: 'national', year: 2023, unitName: '青山镇人民政府', lang: 'zh' });
  await host.settings.save({ ...host.settings.load(), year: 2025 });
  const bytes = await downloaded(host);
  expect(partChanges(fromExcel, bytes)).toEqual({ changed: ['xl/webextensions/webextension2.xml'], added: [], removed: [] });
  expect(text(bytes, 'xl/webextensions/webextension2.xml')).toContain('store="\\\\server\\addins" storeType="Filesystem"/>');
  expect(text(bytes, 'xl/webextensions/webextension2.xml')).toContain('&quot;year&quot;:2025');
});

test('a fill undone in the same session: every cell as it was, no record left in the file', async () => {
  const host = await opened(SAMPLE);
  const plan = await fill(host);
  expect((await host.read()).undoable).toBe(true);
  const preview = await host.previewUndo();
  expect([preview?.plan.restore.length, preview?.plan.changed.length]).toEqual([plan.writes.length, 0]);
  await host.undo();
  expect((await host.read()).undoable).toBe(false);
  expect(analyse((await host.read()).snapshot).plan.writes).toHaveLength(plan.writes.length);
  const bytes = await downloaded(host);
  expect(partChanges(SAMPLE, bytes)).toEqual({ changed: [], added: [], removed: [] });
});

test('a fill undone after the file was edited elsewhere: restores what the fill wrote, leaves the edited cell, names it', async () => {
  const dir = tempDir();
  const host = await opened(SAMPLE);
  const before = cell(SAMPLE, '项目汇总表', 'G6');
  await fill(host);
  const filled = await downloaded(host);
  expect(cell(filled, '项目汇总表', 'G6').value).toBe(0.9506);
  // The record, as Excel keeps a custom XML part.
  expect(text(filled, 'customXml/item1.xml')).toContain(`<fill xmlns="${FILL_RECORD_NAMESPACE}" at="`);
  expect(text(filled, 'customXml/itemProps1.xml')).toContain(`<ds:schemaRef ds:uri="${FILL_RECORD_NAMESPACE}"/>`);
  expect(pkgOf(filled).relationships('xl/workbook.xml').find((r) => r.part === 'customXml/item1.xml')?.type).toBe('http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml');

  // Edited in another program: I6 (自评得分) corrected by hand to 88.
  const pkg = pkgOf(filled);
  const sheet = readWorkbookSync(filled, 'x.xlsx').source.sheets.get('项目汇总表')!.entry.part!;
  pkg.write(sheet, pkg.text(sheet).replace(/<c r="I6"([^>]*)><v>94\.84<\/v><\/c>/, '<c r="I6"$1><v>88</v></c>'));
  const edited = pkg.bytes();
  writeFileSync(join(dir, 'edited.xlsx'), edited);

  const again = await opened(edited, 'edited.xlsx');
  expect((await again.read()).undoable).toBe(true);
  const preview = await again.previewUndo();
  expect(preview?.plan.changed.map((c) => [c.cell, c.now])).toEqual([['I6', { value: 88 }]]);
  // The record holds each cell's number format before the fill (G6: General; written 0.00%).
  expect(preview?.plan.restore.find((c) => c.cell === 'G6')).toMatchObject({ before: null, beforeFormat: 'General', after: 0.9506, afterFormat: '0.00%' });
  const done = await again.undo();
  expect(done?.plan.restore.length).toBe(96);
  const undone = await downloaded(again);
  expect(cell(undone, '项目汇总表', 'G6')).toEqual({ value: null, element: expect.stringMatching(/^<c r="G6"( s="\d+")?\/>$/) });
  expect(cell(undone, '项目汇总表', 'I6').value).toBe(88);
  expect(cell(undone, '自评表-乡村振兴', 'K7').value).toBe(cell(SAMPLE, '自评表-乡村振兴', 'K7').value);
  expect(before.value).toBeNull();
  expect(() => text(undone, 'customXml/item1.xml')).toThrow('no part');
  expect(text(undone, 'xl/_rels/workbook.xml.rels')).not.toContain('customXml');
  // Both results open in LibreOffice.
  writeFileSync(join(dir, 'filled.xlsx'), filled);
  writeFileSync(join(dir, 'undone.xlsx'), undone);
  expect(libreOfficeFailures([join(dir, 'filled.xlsx'), join(dir, 'undone.xlsx')])).toEqual([]);
});
