// The limits the review found in Excel, enforced by both test doors: a gateway that breaks one fails here
// first, in the fake as through the real Office.js runtime.
import type { OfficeApi } from '../../src/gateways/office';
import { ExcelModel, type ModelOptions, parseEntry } from '../support/excelModel';
import { FakeExcel } from '../support/fakeExcel';
import { OfficeRuntime } from '../support/officeRuntime';

const runtime = new OfficeRuntime();
afterAll(() => runtime.close());

const DOORS = [
  { name: 'counting fake', make: (o?: ModelOptions) => new FakeExcel(o), api: (m: ExcelModel) => (m as FakeExcel).api() },
  { name: 'Office.js runtime', make: (o?: ModelOptions) => new ExcelModel(o), api: (m: ExcelModel) => runtime.api(m) },
];

const code = (p: Promise<unknown>) => p.then(() => 'no error', (e: { code?: string }) => e.code);

describe.each(DOORS)('the $name', (door) => {
  let model: ExcelModel;
  let api: OfficeApi;
  beforeEach(() => {
    model = door.make();
    model.addSheet('表', [['项目', 1], ['乙', 2]]);
    api = door.api(model);
  });

  test('a property is read only after load and sync', async () => {
    expect(await code(api.run({}, async (context) => {
      const range = context.workbook.worksheets.getItem('表').getRange('A1:B2');
      range.load('values');
      return range.values;
    }))).toBe('PropertyNotLoaded');
    expect(await code(api.run({}, async (context) => {
      const range = context.workbook.worksheets.getItem('表').getRange('A1:B2');
      range.load('values');
      await context.sync();
      return range.formulas;
    }))).toBe('PropertyNotLoaded');
    // The runtime answers isNullObject after any sync; the fake insists on a load, as the documentation asks.
    expect(await code(api.run({}, async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('无');
      await context.sync();
      return sheet.isNullObject;
    }))).toBe(door.name === 'counting fake' ? 'PropertyNotLoaded' : 'no error');
  });

  test('getMergedAreasOrNullObject fails above 512 areas and counts only areas starting in the range', async () => {
    const sheet = model.sheet('表');
    sheet.merges = Array.from({ length: 600 }, (_, r) => ({ top: r + 2, left: 0, bottom: r + 2, right: 1 }));
    const merged = (rows: number) => api.run({}, async (context) => {
      const areas = context.workbook.worksheets.getItem('表').getRangeByIndexes(0, 0, rows, 2).getMergedAreasOrNullObject();
      areas.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
      await context.sync();
      return areas.isNullObject ? 0 : areas.areas.items.length;
    });
    expect(await merged(514)).toBe(512);
    expect(await code(merged(515))).toBe('GeneralException');
    expect(await merged(2)).toBe(0);
  });

  test('format operations count against the 5 MB request like values', async () => {
    expect(await code(api.run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem('表');
      for (let r = 0; r < 12_000; r++) {
        const f = ws.getRangeByIndexes(r, 0, 1, 6).format;
        f.font.name = '宋体';
        f.font.size = 10;
        f.horizontalAlignment = 'Center';
        f.borders.getItem('EdgeTop').style = 'Continuous';
      }
      await context.sync();
    }))).toBe('RequestPayloadSizeLimitExceeded');
  });

  test('inside an undo group Worksheet.delete throws UndoNotSupported; outside it deletes', async () => {
    model.addSheet('旧报告');
    const remove = (mergeUndoGroup: boolean) => api.run({ mergeUndoGroup }, async (context) => {
      context.workbook.worksheets.getItem('旧报告').delete();
      await context.sync();
    });
    expect(await code(remove(true))).toBe('UndoNotSupported');
    expect(model.sheetOrNull('旧报告')).not.toBeNull();
    expect(await code(remove(false))).toBe('no error');
    expect(model.sheetOrNull('旧报告')).toBeNull();
  });

  test('the used range counts formatted-only cells unless valuesOnly; past 5,000,000 cells values are null', async () => {
    model = door.make({ cellLimit: 5_000_000 });
    model.addSheet('表', [['项目']], { formatted: 'A1:J1000000' });
    api = door.api(model);
    const used = await api.run({}, async (context) => {
      const all = context.workbook.worksheets.getItem('表').getUsedRangeOrNullObject();
      const values = context.workbook.worksheets.getItem('表').getUsedRangeOrNullObject(true);
      all.load('rowCount,columnCount,values');
      values.load('rowCount,columnCount,values');
      await context.sync();
      return [all.rowCount, all.columnCount, all.values, values.rowCount, values.values];
    });
    expect(used).toEqual([1_000_000, 10, null, 1, [['项目']]]);
  });

  test('strings through values are parsed unless the cell is "@" or the string is quote-prefixed', async () => {
    await api.run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem('表');
      ws.getRange('A5:E5').values = [['2024', '0012', '1-2', '50%', '=1+1']];
      ws.getRange('A6:E6').numberFormat = [['@', '@', '@', '@', '@']];
      ws.getRange('A6:E6').values = [['2024', '0012', '1-2', '50%', '=1+1']];
      ws.getRange('A7:B7').values = [["'0012", "'=1+1"]];
      await context.sync();
    });
    const row = (r: number, n: number) => Array.from({ length: n }, (_, c) => model.sheet('表').cell(r, c)?.value);
    expect(row(4, 4)).toEqual([2024, 12, 45659, 0.5]);
    expect(model.sheet('表').cell(4, 4)?.formula).toBe('=1+1');
    expect(row(5, 5)).toEqual(['2024', '0012', '1-2', '50%', '=1+1']);
    expect(row(6, 2)).toEqual(['0012', '=1+1']);
  });

  test('sheet protection and workbook-structure protection refuse with AccessDenied', async () => {
    model.sheet('表').protected = true;
    expect(await code(api.run({}, async (context) => {
      context.workbook.worksheets.getItem('表').getRange('A1').values = [['x']];
      await context.sync();
    }))).toBe('AccessDenied');
    model.structureProtected = true;
    expect(await code(api.run({}, async (context) => {
      context.workbook.worksheets.add('新表');
      await context.sync();
    }))).toBe('AccessDenied');
  });
});

test('on desktop, setting a sheet position inside an undo group throws UndoNotSupported', async () => {
  const model = new FakeExcel({ platform: 'desktop' });
  model.addSheet('甲');
  model.addSheet('乙');
  const error = await model.api().run({ mergeUndoGroup: true }, async (context) => {
    context.workbook.worksheets.getItem('乙').position = 0;
    await context.sync();
  }).catch((e) => e.code);
  expect(error).toBe('UndoNotSupported');
});

test('what Excel makes of typed text', () => {
  expect(parseEntry('1,200.5')).toEqual({ value: 1200.5 });
  expect(parseEntry('12.5%')).toEqual({ value: 0.125, numberFormat: '0.00%' });
  expect(parseEntry('2024/3/1')).toEqual({ value: 45352, numberFormat: 'm/d/yyyy' });
  expect(parseEntry('-abc')).toEqual({ value: null, formula: '=-abc' });
  expect(parseEntry('优')).toEqual({ value: '优' });
});
