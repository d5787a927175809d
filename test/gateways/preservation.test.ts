// `fill` keeps every byte it does not compute: workbooks made here in three styles (Excel's XML written by
// the test, LibreOffice's save of it, openpyxl's), filled with and without the report sheet. Every part not
// written is identical; in a written sheet everything outside sheetData and every unwritten cell element is
// identical; styles are only appended to; the result opens in LibreOffice.
import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import type { JsonReport } from '../../src/cli/json';
import { cellElements, libreOfficeFailures, outsideSheetData, partChanges, saveWithLibreOffice, text } from '../support/compare';
import { excelFixture } from '../support/excel-fixture';
import { tempDir } from '../support/files';
import { parts } from '../support/packages';

jest.setTimeout(240_000);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

interface Filled {
  style: string;
  input: string;
  output: string;
  report: boolean;
  writes: NonNullable<JsonReport['writes']>;
}

let dir: string;
const inputs: Record<string, string> = {};
const filled: Filled[] = [];

beforeAll(async () => {
  dir = tempDir();
  const write = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  inputs.excel = write('excel.xlsx', excelFixture());
  inputs.macro = write('macro.xlsm', excelFixture({ macro: true }));
  inputs.locked = write('locked.xlsx', excelFixture({ structureLocked: true }));
  mkdirSync(join(dir, 'lo'));
  inputs.libreoffice = saveWithLibreOffice(write('libreoffice.xlsx', excelFixture()), join(dir, 'lo'));
  execFileSync('/usr/bin/python3', [join(__dirname, '../support/openpyxl_fixture.py'), join(dir, 'openpyxl.xlsx')]);
  inputs.openpyxl = join(dir, 'openpyxl.xlsx');
  for (const [style, input] of Object.entries(inputs)) {
    for (const report of [true, false]) {
      const ext = input.endsWith('.xlsm') ? '.xlsm' : '.xlsx';
      const output = join(dir, `${style}-${report ? 'report' : 'plain'}${ext}`);
      const { out } = await run('fill', input, '-o', output, '--json', ...(report ? [] : ['--no-summary']));
      filled.push({ style, input, output, report, writes: (JSON.parse(out) as JsonReport).writes ?? [] });
    }
  }
});

/** The worksheet part of each sheet, from workbook.xml and its relationships. */
function sheetParts(bytes: Uint8Array): Map<string, string> {
  const workbook = text(bytes, 'xl/workbook.xml');
  const relsXml = text(bytes, 'xl/_rels/workbook.xml.rels');
  const targets = new Map([...relsXml.matchAll(/<Relationship [^>]*>/g)].map((m) => [/Id="([^"]+)"/.exec(m[0])![1], /Target="([^"]+)"/.exec(m[0])![1]]));
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet [^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])![1];
    const target = targets.get(/r:id="([^"]+)"/.exec(m[0])![1])!;
    out.set(name, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

describe.each(['excel', 'macro', 'locked', 'libreoffice', 'openpyxl'])('a workbook saved by %s', (style) => {
  const cases = () => filled.filter((f) => f.style === style);

  test('fill writes computed cells into it (with and without the report)', () => {
    for (const f of cases()) expect(f.writes.length).toBeGreaterThan(0);
  });

  test('every part it does not write is byte-identical', () => {
    for (const f of cases()) {
      const before = readFileSync(f.input);
      const after = readFileSync(f.output);
      const changes = partChanges(before, after);
      const sheets = sheetParts(before);
      const written = new Set(f.writes.map((w) => sheets.get(w.sheet)));
      const addsSheet = f.report && style !== 'locked';
      const allowed = new Set([...written, 'xl/workbook.xml', 'xl/styles.xml', ...(addsSheet ? ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'docProps/app.xml'] : [])]);
      expect(changes.removed).toEqual([]);
      expect(changes.changed.filter((p) => !allowed.has(p))).toEqual([]);
      expect(changes.added).toEqual(addsSheet ? [expect.stringMatching(/^xl\/worksheets\/sheet\d+\.xml$/)] : []);
    }
  });

  test('in a written sheet, everything outside sheetData and every unwritten cell element is identical', () => {
    for (const f of cases()) {
      const before = readFileSync(f.input);
      const after = readFileSync(f.output);
      const sheets = sheetParts(before);
      for (const [sheet, part] of sheets) {
        if (!part.includes('worksheets/')) continue;
        const a = text(before, part);
        const b = text(after, part);
        expect(outsideSheetData(b)).toBe(outsideSheetData(a));
        const writtenHere = new Set(f.writes.filter((w) => w.sheet === sheet).map((w) => w.cell));
        const cellsBefore = cellElements(a);
        const cellsAfter = cellElements(b);
        for (const [ref, xml] of cellsBefore) if (!writtenHere.has(ref)) expect(cellsAfter.get(ref)).toBe(xml);
        for (const ref of writtenHere) expect(cellsAfter.get(ref)).toMatch(/^<(\w+:)?c /);
        expect([...cellsAfter.keys()].filter((ref) => !cellsBefore.has(ref) && !writtenHere.has(ref))).toEqual([]);
      }
    }
  });

  test('styles are only appended to; workbook.xml changes only in calcPr and the added sheet', () => {
    for (const f of cases()) {
      const before = readFileSync(f.input);
      const after = readFileSync(f.output);
      const stylesBefore = text(before, 'xl/styles.xml');
      const stylesAfter = text(after, 'xl/styles.xml');
      for (const list of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs']) {
        const body = (xml: string) => new RegExp(`<${list}\\b[^>]*>([\\s\\S]*?)</${list}>`).exec(xml)?.[1] ?? '';
        expect(body(stylesAfter).startsWith(body(stylesBefore))).toBe(true);
      }
      const normalise = (xml: string) => xml.replace(/<calcPr\b[^>]*\/>/, '<calcPr/>').replace(/<sheet name="自评报告"[^>]*\/>/, '');
      expect(normalise(text(after, 'xl/workbook.xml'))).toBe(normalise(text(before, 'xl/workbook.xml')));
      expect(text(after, 'xl/workbook.xml')).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
    }
  });
});

describe('what each style keeps, named', () => {
  test('Excel: the chart, text box, chartsheet, pivot, sparklines, x14 validation, hyperlink, names, external link and password survive', () => {
    const out = readFileSync(filled.find((f) => f.style === 'excel' && f.report)!.output);
    const all = parts(out);
    for (const p of ['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/chartsheets/sheet1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheRecords1.xml',
      'xl/externalLinks/externalLink1.xml', 'docProps/custom.xml', 'xl/comments1.xml', 'xl/tables/table1.xml', 'xl/printerSettings/printerSettings1.bin']) expect(all[p]).toBeDefined();
    const sheet1 = text(out, 'xl/worksheets/sheet1.xml');
    expect(sheet1).toContain('<x14:sparklineGroups');
    expect(sheet1).toContain('<xm:f>参数!$A$2:$A$4</xm:f>');
    expect(sheet1).toContain('<hyperlink ref="B5" location="\'参数\'!A1" display="道路维护"/>');
    expect(sheet1).toContain('<filterColumn colId="2"><filters><filter val="专项项目"/></filters></filterColumn>');
    expect(sheet1).toContain('text="整治"');
    expect(sheet1).toContain('<rowBreaks count="1" manualBreakCount="1">');
    const workbook = text(out, 'xl/workbook.xml');
    expect(workbook).toContain('<definedName name="合计预算" localSheetId="1">指标明细!$B$2</definedName>');
    expect(workbook).toContain('<definedName name="上年数">[1]Sheet1!$A$1</definedName>');
    expect(text(out, 'xl/worksheets/sheet2.xml')).toContain('<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1"/>');
    // The report sheet is listed with the worksheets, before the chart and the names.
    expect(text(out, 'docProps/app.xml')).toContain('<vt:lpstr>参数</vt:lpstr><vt:lpstr>自评报告</vt:lpstr><vt:lpstr>图表</vt:lpstr>');
    expect(text(out, 'docProps/app.xml')).toContain('<vt:i4>4</vt:i4>');
  });

  test('a macro workbook keeps its macros and its content type, under its own extension', () => {
    const f = filled.find((x) => x.style === 'macro' && x.report)!;
    expect(f.output.endsWith('.xlsm')).toBe(true);
    const out = readFileSync(f.output);
    expect(parts(out)['xl/vbaProject.bin']).toEqual(parts(readFileSync(f.input))['xl/vbaProject.bin']);
    expect(text(out, '[Content_Types].xml')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  });

  test('a workbook whose structure is protected gets its cells, no new sheet, and a line that says why', async () => {
    const { out } = await run('fill', inputs.locked, '-o', join(dir, 'locked-again.xlsx'));
    expect(out).toContain('工作簿结构受保护，不能添加自评报告工作表');
    expect(out).toContain('已写入');
    expect(text(readFileSync(join(dir, 'locked-again.xlsx')), 'xl/workbook.xml')).not.toContain('自评报告');
  });

  test('LibreOffice protection (sheet="true") is read as protection: that sheet is not written', () => {
    const f = filled.find((x) => x.style === 'libreoffice' && x.report)!;
    const sheets = sheetParts(readFileSync(f.input));
    const part = sheets.get('指标明细')!;
    expect(text(readFileSync(f.input), part)).toMatch(/<sheetProtection[^>]*sheet="true"/);
    expect(text(readFileSync(f.output), part)).toBe(text(readFileSync(f.input), part));
  });

  test('openpyxl: formulas saved without a result are reported, not read as blank', async () => {
    const { out } = await run('check', inputs.openpyxl, '--json');
    const report: JsonReport = JSON.parse(out);
    expect(report.issues.filter((i) => i.rule === 'formula.no-result').map((i) => i.cell)).toEqual(['D7', 'E7', 'F7']);
  });

  test('filling its own output again changes nothing', async () => {
    for (const style of ['excel', 'libreoffice', 'openpyxl']) {
      const once = filled.find((f) => f.style === style && f.report)!.output;
      const twice = join(dir, `${style}-twice.xlsx`);
      await run('fill', once, '-o', twice);
      expect(partChanges(readFileSync(once), readFileSync(twice))).toEqual({ changed: [], added: [], removed: [] });
    }
  });

  test('every result opens in LibreOffice', () => {
    expect(libreOfficeFailures(filled.map((f) => f.output))).toEqual([]);
  });
});
