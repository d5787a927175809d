// The file gateway piece by piece: what the reader makes of each way a workbook can be written, what the
// patch writer puts where, the report sheet, new workbooks, and the package API for other parts.
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { analyse, summarise } from '../../src/engine';
import {
  applyPlan, createWorkbook, FileError, fileIssues, Package, putPart, readPart, readWorkbookSync, workbookBytes, writeSummary,
} from '../../src/gateways/xlsx';
import { shiftFormula } from '../../src/gateways/xlsx/formula';
import { withoutOverlaps } from '../../src/gateways/xlsx/worksheet';
import { projectListSheet } from '../../src/samples/layouts';
import { cellElements, partChanges, text } from '../support/compare';
import { NS, rels, SharedStrings, sheetData, sheetOf, STYLES, workbookOf, XML } from '../support/packages';

const read = (bytes: Uint8Array) => readWorkbookSync(bytes, 'test.xlsx');
const inline = (ref: string, t: string, s = '') => `<c r="${ref}"${s} t="inlineStr"><is><t>${t}</t></is></c>`;

describe('reading values', () => {
  test('shared strings with rich-text runs and phonetic guides, inline strings, _x000D_ escapes', () => {
    const sst = `${XML}<sst xmlns="${NS.main}" count="3" uniqueCount="3"><si><t>项目名称</t></si><si><r><rPr><b/></rPr><t>道路</t></r><r><t xml:space="preserve"> 维护</t></r><rPh sb="0" eb="2"><t>ダオル</t></rPh></si><si><t>第一行_x000D_第二行</t></si></sst>`;
    const wb = read(workbookOf({ 表: sheetOf(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>${inline('D1', '内联 &amp; 文字')}</row>`) }, { 'xl/sharedStrings.xml': sst }));
    expect(wb.snapshot.sheets[0].values[0]).toEqual(['项目名称', '道路 维护', '第一行\r第二行', '内联 & 文字']);
  });

  test('numbers, booleans, error values, str results; blank styled cells hold nothing', () => {
    const wb = read(workbookOf({ 表: sheetOf('<row r="2"><c r="A2"><v>1759.62291</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#DIV/0!</v></c><c r="D2" t="str"><f>"优"</f><v>优</v></c><c r="E2" s="1"/><c r="F2"><v>1.5E-3</v></c></row>') }));
    const s = wb.snapshot.sheets[0];
    expect(s.values[1]).toEqual([1759.62291, true, '#DIV/0!', '优', undefined, 0.0015]);
    expect(4 in s.values[1]).toBe(false);
    expect(s.values[0]).toBeUndefined();
  });

  test('cells and rows without r follow on from the one before', () => {
    const wb = read(workbookOf({ 表: sheetOf('<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>') }));
    expect(wb.snapshot.sheets[0].values).toEqual([[1, 2], [undefined, undefined, 3, 4].map((v) => v)]);
  });

  test('dates: date formats and t="d" cells are day numbers the snapshot marks with the date they show; 1904 workbooks too', () => {
    const styles = STYLES; // cellXfs 3 is numFmtId 14 (a date), 2 is the custom "0.00_ "
    const rows = '<row r="1"><c r="A1" s="3"><v>45658</v></c><c r="B1" s="2"><v>45658</v></c><c r="C1" t="d"><v>2025-01-01T00:00:00</v></c></row>';
    const s1900 = read(workbookOf({ 表: sheetOf(rows) }, { 'xl/styles.xml': styles })).snapshot.sheets[0];
    expect(s1900.values[0]).toEqual([45658, 45658, 45658]);
    expect(s1900.dates).toEqual({ A1: '2025-01-01', C1: '2025-01-01' });
    const s1904 = read(workbookOf({ 表: sheetOf(rows) }, { 'xl/styles.xml': styles }, '<workbookPr date1904="1"/>')).snapshot.sheets[0];
    expect(s1904.dates).toEqual({ A1: '2029-01-02', C1: '2025-01-01' });
    expect(s1904.values[0][2]).toBe(45658 - 1462);
  });

  test('percents: built-in and custom percent formats mark number cells as fractions; a "%" in quotes does not', () => {
    const styles = STYLES.replace('<numFmts count="1"><numFmt numFmtId="176" formatCode="0.00_ "/></numFmts>', '<numFmts count="3"><numFmt numFmtId="176" formatCode="0.00_ "/><numFmt numFmtId="177" formatCode="0.0%;[Red]\\-0.0%"/><numFmt numFmtId="178" formatCode="0&quot;%&quot;"/></numFmts>')
      .replace('<cellXfs count="4">', '<cellXfs count="7">')
      .replace('</cellXfs>', '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="178" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>');
    const rows = '<row r="1"><c r="A1" s="4"><v>0.6</v></c><c r="B1" s="5"><v>0.45</v></c><c r="C1" s="6"><v>60</v></c><c r="D1"><v>60</v></c><c r="E1" s="4"><f>B1*2</f><v>0.9</v></c><c r="F1" s="4" t="inlineStr"><is><t>60%</t></is></c></row>';
    const s = read(workbookOf({ 表: sheetOf(rows) }, { 'xl/styles.xml': styles })).snapshot.sheets[0];
    expect(s.values[0]).toEqual([0.6, 0.45, 60, 60, 0.9, '60%']);
    expect(s.percents).toEqual(['A1', 'B1', 'E1']);
    expect(read(workbookOf({ 表: sheetOf('<row r="1"><c r="A1"><v>1</v></c></row>') })).snapshot.sheets[0].percents).toBeUndefined();
  });

  test('a list saved by openpyxl with 60 % as a formatted 0.6 beside a typed 60: both are 60 %', () => {
    const script = [
      'import sys, openpyxl',
      'wb = openpyxl.Workbook(); ws = wb.active; ws.title = "汇总"',
      'ws.append(["项目名称", "资金数额（万元）", "绩效目标实现程度（%）", "自评得分"])',
      'ws.append(["甲", 10, 0.6, 80]); ws["C2"].number_format = "0%"',
      'ws.append(["乙", 10, 60, 80]); ws.append(["丙", 10, 1, 100]); ws["C4"].number_format = "0.00%"',
      'wb.save(sys.argv[1])',
    ].join('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'selfeval-pct-')), 'pct.xlsx');
    execFileSync('/usr/bin/python3', ['-c', script, file]);
    const snapshot = readWorkbookSync(readFileSync(file), 'pct.xlsx').snapshot;
    expect(snapshot.sheets[0].percents).toEqual(['C2', 'C4']);
    expect(analyse(snapshot).model.projects.map((p) => p.achievement?.toString())).toEqual(['0.6', '0.6', '1']);
  });

  test('formulas: plain, shared (spelled out for each cell), array (every cell of its area), and those saved without a result', () => {
    const wb = read(workbookOf({
      表: sheetOf('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*$C$1+SUM(A$1:A1)</f><v>2</v></c><c r="D1"><f t="array" ref="D1:D2">A1:A2*2</f><v>2</v></c></row>'
        + '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c><c r="D2"><v>4</v></c></row>'
        + '<row r="3"><c r="B3"><f t="shared" si="0"/><v>0</v></c><c r="E3"><f>SUM(A1:A2)</f><v></v></c><c r="F3"><f>SUM(A1:A2)</f></c></row>'),
    }));
    const s = wb.snapshot.sheets[0];
    expect(s.formulas).toEqual({ B1: '=A1*$C$1+SUM(A$1:A1)', B2: '=A2*$C$1+SUM(A$1:A2)', B3: '=A3*$C$1+SUM(A$1:A3)', D1: '=A1:A2*2', D2: '=A1:A2*2', E3: '=SUM(A1:A2)', F3: '=SUM(A1:A2)' });
    expect(s.uncalculated).toEqual(['E3', 'F3']);
  });

  test('shared formulas move relative references only, and leave text, sheet names and functions alone', () => {
    expect(shiftFormula('SUM(B2:B10)*$C$1+LOG10(A1)+\'My Sheet\'!A1+"A1"+Sheet1!B$2', 2, 1)).toBe('SUM(C4:C12)*$C$1+LOG10(B3)+\'My Sheet\'!B3+"A1"+Sheet1!C$2');
    expect(shiftFormula('A:A+1:1+表1[列1]', 1, 1)).toBe('B:B+2:2+表1[列1]');
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
  });

  test('protection in every form: sheet="1" (Excel, WPS), sheet="true" (LibreOffice); a password without sheet is no protection', () => {
    const prot = (attrs: string) => sheetOf('<row r="1"><c r="A1"><v>1</v></c></row>', `<sheetProtection ${attrs}/>`);
    const wb = read(workbookOf({
      excel: prot('algorithmName="SHA-512" hashValue="x" saltValue="y" spinCount="100000" sheet="1" objects="1" scenarios="1"'),
      legacy: prot('password="CC3D" sheet="1"'),
      libre: prot('sheet="true" objects="true" scenarios="true"'),
      off: prot('password="CC3D" objects="1"'),
      zero: prot('sheet="0"'),
    }));
    expect(wb.snapshot.sheets.map((s) => [s.name, s.protected])).toEqual([['excel', true], ['legacy', true], ['libre', true], ['off', false], ['zero', false]]);
  });

  test('strict namespaces and prefixed elements (x:row, x:c) read like transitional ones', () => {
    const strict = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
    const sheet = `${XML}<x:worksheet xmlns:x="${strict}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>项目名称</x:t></x:is></x:c><x:c r="B1"><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const bytes = workbookOf({ 表: sheet }, {
      'xl/workbook.xml': `${XML}<workbook xmlns="${strict}" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': rels([['rId1', 'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet', 'worksheets/sheet1.xml']]),
      '_rels/.rels': rels([['rId1', 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument', 'xl/workbook.xml']]),
    });
    const wb = read(bytes);
    expect(wb.snapshot.sheets[0].values[0]).toEqual(['项目名称', 5]);
    expect(wb.source.info.strict).toBe(true);
  });

  test('chartsheets are skipped; a sheet whose part is missing is said, the others are read', () => {
    const bytes = workbookOf({ 数据: sheetOf('<row r="1"><c r="A1"><v>1</v></c></row>'), 丢失: sheetOf('') }, {
      'xl/worksheets/sheet2.xml': null,
      'xl/workbook.xml': `${XML}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/><sheet name="丢失" sheetId="2" r:id="rId2"/><sheet name="图" sheetId="3" r:id="rId3"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': rels([['rId1', 'worksheet', 'worksheets/sheet1.xml'], ['rId2', 'worksheet', 'worksheets/sheet2.xml'], ['rId3', 'chartsheet', 'chartsheets/sheet1.xml']]),
      'xl/chartsheets/sheet1.xml': `${XML}<chartsheet xmlns="${NS.main}"/>`,
    });
    const wb = read(bytes);
    expect(wb.snapshot.sheets.map((s) => s.name)).toEqual(['数据']);
    expect(fileIssues(wb, 'zh')).toEqual([expect.objectContaining({ rule: 'file.sheet-missing', sheet: '丢失', cell: 'A1', message: expect.stringContaining('工作表“丢失”在文件中缺少内容部分') })]);
  });

  test('hidden and very hidden sheets are read, and marked', () => {
    const bytes = workbookOf({ a: sheetOf(''), b: sheetOf(''), c: sheetOf('') }, {
      'xl/workbook.xml': `${XML}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheets><sheet name="a" sheetId="1" r:id="rId1"/><sheet name="b" sheetId="2" state="hidden" r:id="rId2"/><sheet name="c" sheetId="3" state="veryHidden" r:id="rId3"/></sheets></workbook>`,
    });
    expect(read(bytes).snapshot.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([['a', false], ['b', true], ['c', true]]);
  });

  test('one stray cell at XFD1048576 is one element, not a rectangle', () => {
    const wb = read(workbookOf({ 表: sheetOf('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>') }));
    const values = wb.snapshot.sheets[0].values;
    expect(values.length).toBe(1048576);
    expect(Object.keys(values)).toEqual(['0', '1048575']);
    expect(Object.keys(values[1048575])).toEqual(['16383']);
  });
});

describe('merged areas', () => {
  test('overlapping merges (as WPS saves them) are left out of the snapshot, said once per sheet, and kept in the file', () => {
    const merges = '<mergeCells count="3"><mergeCell ref="B12:Q19"/><mergeCell ref="B13:Q19"/><mergeCell ref="A1:C1"/></mergeCells>';
    const bytes = workbookOf({ 监控: sheetOf('<row r="1"><c r="A1"><v>1</v></c></row>', merges) });
    const wb = read(bytes);
    expect(wb.snapshot.sheets[0].merges).toEqual(['B12:Q19', 'A1:C1']);
    expect(fileIssues(wb, 'zh').map((i) => [i.rule, i.cell, i.message])).toEqual([['file.merge-overlap', 'B13', expect.stringContaining('输出文件中的合并保持原样')]]);
  });

  test('the sweep keeps the first of each overlapping group, in linear-logarithmic time', () => {
    expect(withoutOverlaps(['A1:B2', 'B2:C3', 'D1:D5', 'C1:C1', 'not a range'])).toEqual({ kept: ['A1:B2', 'D1:D5', 'C1:C1'], overlapping: [{ range: 'B2:C3', other: 'A1:B2' }] });
    const many = Array.from({ length: 60000 }, (_, i) => `A${i + 1}:B${i + 1}`);
    const t = Date.now();
    expect(withoutOverlaps([...many, 'A5:A6']).overlapping).toEqual([{ range: 'A5:A6', other: 'A5:B5' }]);
    expect(Date.now() - t).toBeLessThan(2000);
  });
});

describe('patching a worksheet', () => {
  const strings = new SharedStrings();
  const spec = projectListSheet('项目汇总表', '汇总表', [
    { name: '道路维护', initial: 10, budget: 10, executed: 9.5, score: 95 },
    { name: '环境整治', initial: 20, budget: 20, executed: 15, score: 72 },
  ]);
  const data = sheetData(spec.rows, strings);

  function fill(bytes: Uint8Array) {
    const wb = read(bytes);
    const a = analyse(wb.snapshot);
    applyPlan(wb, a.plan);
    return { wb, a, out: workbookBytes(wb) };
  }

  test('written cells replace their elements, keep their border and take the number format as an appended cell format', () => {
    const before = workbookOf({ 项目汇总表: sheetOf(data.replace(/^<sheetData>|<\/sheetData>$/g, '')) }, { 'xl/sharedStrings.xml': strings.xml(), 'xl/styles.xml': STYLES });
    const { a, out } = fill(before);
    expect(a.plan.writes.map((w) => `${w.cell}=${w.value}`)).toEqual(['G5=0.95', 'J5=优', 'G6=0.75', 'J6=中', 'G7=0.8167']);
    const cells = cellElements(text(out, 'xl/worksheets/sheet1.xml'));
    expect(cells.get('G5')).toBe('<c r="G5" s="4"><v>0.95</v></c>');
    expect(cells.get('J5')).toBe('<c r="J5" s="1" t="inlineStr"><is><t>优</t></is></c>');
    // cellXfs 1 (thin border, wrap) with numFmtId 10 (0.00%) is new cell format 4; nothing before it moved.
    expect(text(out, 'xl/styles.xml')).toContain('<cellXfs count="5">');
    expect(text(out, 'xl/styles.xml')).toContain('<xf numFmtId="10" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyNumberFormat="1"><alignment vertical="center" wrapText="1"/></xf></cellXfs>');
    expect(partChanges(before, out).changed).toEqual(['xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
  });

  test('cells go into their row in column order; rows go between rows; a self-closing sheetData opens; dimension and spans grow', () => {
    const sheet = sheetOf('<row r="2" spans="1:2"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row><row r="5"/><row r="9"><c r="A9"><v>9</v></c></row>', '', '<dimension ref="A2:C9"/>');
    const wb = read(workbookOf({ 表: sheet }));
    applyPlan(wb, { writes: [
      { sheet: '表', cell: 'B2', row: 1, col: 1, value: 2, numberFormat: null, before: null, kind: 'indicatorScore' },
      { sheet: '表', cell: 'D2', row: 1, col: 3, value: '四', numberFormat: null, before: null, kind: 'grade' },
      { sheet: '表', cell: 'B5', row: 4, col: 1, value: 5, numberFormat: null, before: null, kind: 'indicatorScore' },
      { sheet: '表', cell: 'A7', row: 6, col: 0, value: 7, numberFormat: null, before: null, kind: 'indicatorScore' },
      { sheet: '表', cell: 'E12', row: 11, col: 4, value: 12, numberFormat: null, before: null, kind: 'indicatorScore' },
    ] });
    const xml = text(workbookBytes(wb), 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<dimension ref="A2:E12"/>');
    expect(xml).toContain('<sheetData><row r="2" spans="1:4"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c><c r="D2" t="inlineStr"><is><t>四</t></is></c></row>'
      + '<row r="5"><c r="B5"><v>5</v></c></row><row r="7"><c r="A7"><v>7</v></c></row><row r="9"><c r="A9"><v>9</v></c></row><row r="12"><c r="E12"><v>12</v></c></row></sheetData>');
    const empty = read(workbookOf({ 表: `${XML}<worksheet xmlns="${NS.main}"><sheetData/></worksheet>` }));
    applyPlan(empty, { writes: [{ sheet: '表', cell: 'A1', row: 0, col: 0, value: 1, numberFormat: null, before: null, kind: 'indicatorScore' }] });
    expect(text(workbookBytes(empty), 'xl/worksheets/sheet1.xml')).toContain('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>');
  });

  test('a prefixed sheet gets prefixed cells; text that looks like a formula, control characters and _x escapes stay text', () => {
    const sheet = `${XML}<x:worksheet xmlns:x="${NS.main}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const wb = read(workbookOf({ 表: sheet }));
    applyPlan(wb, { writes: [{ sheet: '表', cell: 'B1', row: 0, col: 1, value: '=SUM(A1) _x0041_ \u0001<b>', numberFormat: null, before: null, kind: 'grade' }] });
    const out = workbookBytes(wb);
    expect(text(out, 'xl/worksheets/sheet1.xml')).toContain('<x:c r="B1" t="inlineStr"><x:is><x:t>=SUM(A1) _x005F_x0041_ _x0001_&lt;b&gt;</x:t></x:is></x:c>');
    expect(read(out).snapshot.sheets[0].values[0][1]).toBe('=SUM(A1) _x0041_ \u0001<b>');
  });

  test('a new cell takes its row\'s format, else its column\'s', () => {
    const sheet = sheetOf('<row r="1" s="2" customFormat="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>', '', '<cols><col min="2" max="3" width="9" style="1" customWidth="1"/></cols>');
    const wb = read(workbookOf({ 表: sheet }, { 'xl/styles.xml': STYLES }));
    applyPlan(wb, { writes: [
      { sheet: '表', cell: 'D1', row: 0, col: 3, value: 1, numberFormat: null, before: null, kind: 'indicatorScore' },
      { sheet: '表', cell: 'B2', row: 1, col: 1, value: 1, numberFormat: null, before: null, kind: 'indicatorScore' },
    ] });
    const cells = cellElements(text(workbookBytes(wb), 'xl/worksheets/sheet1.xml'));
    expect([cells.get('D1'), cells.get('B2')]).toEqual(['<c r="D1" s="2"><v>1</v></c>', '<c r="B2" s="1"><v>1</v></c>']);
  });

  test('with nothing to write, the bytes out are the bytes in', () => {
    const bytes = workbookOf({ 表: sheetOf('<row r="1"><c r="A1"><v>1</v></c></row>') });
    expect(workbookBytes(read(bytes))).toEqual(bytes);
  });
});

describe('the report sheet', () => {
  const spec = projectListSheet('项目汇总表', '汇总表', [{ name: '道路维护', initial: 10, budget: 10, executed: 9.5, score: 95 }]);
  const strings = new SharedStrings();
  const base = workbookOf({ 项目汇总表: sheetOf(sheetData(spec.rows, strings).replace(/^<sheetData>|<\/sheetData>$/g, '')) }, { 'xl/sharedStrings.xml': strings.xml(), 'xl/styles.xml': STYLES });

  function withReport(bytes: Uint8Array, name?: string) {
    const wb = read(bytes);
    const a = analyse(wb.snapshot);
    const written = writeSummary(wb, summarise(a, wb.snapshot, { sheetName: name, year: 2025, unitName: '青山镇' }).sheet);
    return { written, out: workbookBytes(wb) };
  }

  test('is a new part with its own formats, listed in workbook.xml, its relationships and content types', async () => {
    const { written, out } = withReport(base);
    expect(written).toBe('自评报告');
    expect(partChanges(base, out)).toEqual({ changed: ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml'], added: ['xl/worksheets/sheet2.xml'], removed: [] });
    expect(text(out, 'xl/workbook.xml')).toContain('<sheet name="自评报告" sheetId="2" r:id="rId4"/></sheets>');
    expect(text(out, '[Content_Types].xml')).toContain('<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('自评报告')!;
    expect(ws.getCell('A1').value).toBe('2025年度青山镇整体绩效自评报告');
    expect(ws.getCell('A1').font).toMatchObject({ name: '宋体', size: 16, bold: true });
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0 });
    expect(ws.views[0]).toMatchObject({ showGridLines: false });
  });

  test('a report this tool wrote is replaced in place: its part only; running again gives the same bytes', () => {
    const once = withReport(base).out;
    const twice = withReport(once);
    expect(twice.written).toBe('自评报告');
    expect(partChanges(once, twice.out)).toEqual({ changed: [], added: [], removed: [] });
  });

  test('a user\'s own sheet of that name is kept; the report takes 自评报告(2)', () => {
    const mine = workbookOf({ 项目汇总表: sheetOf(sheetData(spec.rows, strings).replace(/^<sheetData>|<\/sheetData>$/g, '')), 自评报告: sheetOf(`<row r="1">${inline('A1', '我自己写的报告')}</row>`) }, { 'xl/sharedStrings.xml': strings.xml() });
    const { written, out } = withReport(mine);
    expect(written).toBe('自评报告(2)');
    expect(text(out, 'xl/worksheets/sheet2.xml')).toBe(text(mine, 'xl/worksheets/sheet2.xml'));
  });

  test('a workbook whose structure is protected takes no new sheet', () => {
    const locked = workbookOf({ 项目汇总表: sheetOf('<row r="1"><c r="A1"><v>1</v></c></row>') }, {}, '<workbookProtection lockStructure="1"/>');
    const wb = read(locked);
    expect(() => writeSummary(wb, summarise(analyse(wb.snapshot), wb.snapshot, {}).sheet)).toThrow(FileError);
  });
});

describe('new workbooks and other parts', () => {
  test('createWorkbook: sheets from layouts, with formats, merges, widths and print setup, the same bytes each time', async () => {
    const layout = {
      name: '审核汇总',
      columnWidths: [20, 12],
      rowHeights: { 0: 30 },
      cells: [
        { row: 0, col: 0, value: '单位', format: { font: { bold: true }, fill: 'D9E1F2', border: '000000' } },
        { row: 0, col: 1, value: '得分', format: { font: { bold: true }, alignment: { horizontal: 'center' as const } } },
        { row: 1, col: 0, value: '青山镇' },
        { row: 1, col: 1, value: 94.84, format: { numberFormat: '0.00' } },
      ],
      merges: [],
      page: { orientation: 'landscape' as const, fitToWidth: 1 },
    };
    const bytes = createWorkbook([layout, { ...layout, name: '明细' }]);
    expect(createWorkbook([layout, { ...layout, name: '明细' }])).toEqual(bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['审核汇总', '明细']);
    const ws = wb.getWorksheet('审核汇总')!;
    expect([ws.getCell('A1').value, ws.getCell('B2').value, ws.getCell('B2').numFmt, ws.getColumn(1).width, ws.getRow(1).height]).toEqual(['单位', 94.84, '0.00', 20, 30]);
    expect(ws.getCell('A1').fill).toMatchObject({ fgColor: { argb: 'FFD9E1F2' } });
    expect(read(bytes).snapshot.sheets[0].values[1]).toEqual(['青山镇', 94.84]);
    expect(() => createWorkbook([{ ...layout, name: '审核/汇总' }])).toThrow(/sheet name/);
  });

  test('createWorkbook: each text once in the shared strings, spaces, control characters and literal _x000D_ kept; frozen panes, filter, print titles, a chart', async () => {
    const texts = ['\u3000\u3000经审核，你单位报送的…', '行一\r\n行二', '_x000D_ 原样', 'a\u0001b', '青山镇'];
    const layout = {
      name: "单位's",
      columnWidths: [30, 10],
      cells: [...texts.map((value, row) => ({ row, col: 0, value })), { row: 5, col: 0, value: '青山镇' }, { row: 0, col: 1, value: 0.9342 }, { row: 1, col: 1, value: 0.5 }],
      freeze: { rows: 1, cols: 1 },
      autoFilter: 'A1:B6',
      printTitleRows: [0, 0] as [number, number],
      charts: [{
        direction: 'column' as const, title: '执行率', from: { row: 0, col: 3 }, to: { row: 10, col: 8 }, numberFormat: '0.00%', min: 0,
        series: { name: '执行率', nameRef: "'单位''s'!$B$1", categoriesRef: "'单位''s'!$A$1:$A$2", valuesRef: "'单位''s'!$B$1:$B$2", categories: ['甲', '乙'], values: [0.9342, null], colour: '4472C4' },
      }],
    };
    const bytes = createWorkbook([layout]);
    expect(read(bytes).snapshot.sheets[0].values.map((r) => r[0])).toEqual([...texts, '青山镇']);
    const sst = text(bytes, 'xl/sharedStrings.xml');
    expect(sst).toContain('count="6" uniqueCount="5"');
    expect(sst).toContain('<si><t xml:space="preserve">\u3000\u3000经审核');
    expect(sst).toContain('<si><t>_x005F_x000D_ 原样</t></si>');
    expect(sst).toContain('<si><t>a_x0001_b</t></si>');
    const sheet = text(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>');
    expect(sheet).toContain('<autoFilter ref="A1:B6"/>');
    expect(sheet.endsWith('<drawing r:id="rId1"/></worksheet>')).toBe(true);
    expect(text(bytes, 'xl/workbook.xml')).toContain(`<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'单位''s'!$A$1:$B$6</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">'单位''s'!$1:$1</definedName></definedNames>`);
    const chart = text(bytes, 'xl/charts/chart1.xml');
    expect(chart).toContain('<c:barDir val="col"/>'.replace('col', 'column'));
    expect(chart).toContain('<c:ptCount val="2"/><c:pt idx="0"><c:v>0.9342</c:v></c:pt></c:numCache>'); // the blank point left out, not 0
    // ExcelJS, a reader of its own, opens it and finds the text and the filter.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets[0].getCell('A5').value).toBe('青山镇');
  });

  test('the package API reads a part and adds one with its relationship and content type (settings in xl/webextensions)', () => {
    const bytes = workbookOf({ 表: sheetOf('<row r="1"><c r="A1"><v>1</v></c></row>') });
    const pkg = Package.open(bytes, { entry: 1 << 20, total: 1 << 24 });
    expect(pkg.text('xl/workbook.xml')).toContain('<sheet name="表"');
    pkg.write('xl/webextensions/webextension1.xml', `${XML}<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{1}"/>`, 'application/vnd.ms-office.webextension+xml');
    const id = pkg.addRelationship('', 'http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes', 'xl/webextensions/taskpanes.xml');
    pkg.write('xl/webextensions/taskpanes.xml', `${XML}<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"/>`, 'application/vnd.ms-office.webextensiontaskpanes+xml');
    const out = pkg.bytes();
    expect(id).toBe('rId2');
    expect(text(out, '_rels/.rels')).toContain('<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/>');
    expect(text(out, '[Content_Types].xml')).toContain('<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>');
    const again = Package.open(out, { entry: 1 << 20, total: 1 << 24 });
    expect(again.relationships('').map((r) => [r.kind, r.part])).toEqual([['officeDocument', 'xl/workbook.xml'], ['webextensiontaskpanes', 'xl/webextensions/taskpanes.xml']]);
    again.remove('xl/webextensions/webextension1.xml');
    expect(partChanges(out, again.bytes()).removed).toEqual(['xl/webextensions/webextension1.xml']);
  });

  test('an opened workbook takes other parts beside its cells: put, related once, read back', () => {
    const bytes = workbookOf({ 表: sheetOf('<row r="1"><c r="A1"><v>1</v></c></row>') });
    const wb = read(bytes);
    expect(readPart(wb, 'xl/webextensions/taskpanes.xml')).toBeNull();
    const type = 'http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes';
    putPart(wb, 'xl/webextensions/taskpanes.xml', `${XML}<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"/>`, { contentType: 'application/vnd.ms-office.webextensiontaskpanes+xml', relationship: { from: '', type } });
    expect(readPart(wb, 'xl/webextensions/taskpanes.xml')).toContain('<wetp:taskpanes');
    const once = workbookBytes(wb);
    expect(partChanges(bytes, once)).toEqual({ changed: ['[Content_Types].xml', '_rels/.rels'], added: ['xl/webextensions/taskpanes.xml'], removed: [] });
    const again = read(once);
    putPart(again, 'xl/webextensions/taskpanes.xml', `${XML}<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"/>`, { contentType: 'application/vnd.ms-office.webextensiontaskpanes+xml', relationship: { from: '', type } });
    expect(partChanges(once, workbookBytes(again))).toEqual({ changed: [], added: [], removed: [] });
  });
});
