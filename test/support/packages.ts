// Workbook packages written part by part, as Excel writes them, and a look inside any package: the
// preservation and bad-input suites build and compare files at the level of zip entries and XML.
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { toA1 } from '../../src/engine/address';
import type { CellValue } from '../../src/engine';
import type { SheetSpec } from '../../src/samples/layouts';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkg: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export function zip(parts: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(parts)) files[name] = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return zipSync(files, { level, mtime: new Date(2024, 0, 1) });
}

/** Every part of a package, decompressed. */
export function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function partText(bytes: Uint8Array, name: string): string {
  const data = unzipSync(bytes, { filter: (f) => f.name === name })[name];
  if (!data) throw new Error(`no part ${name}`);
  return strFromU8(data);
}

/** Shared strings as Excel collects them: each distinct text once, by first use. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private uses = 0;

  add(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) this.index.set(text, (i = this.index.size));
    return i;
  }

  xml(): string {
    const items = [...this.index.keys()].map((t) => `<si><t${/^\s|\s$/.test(t) ? ' xml:space="preserve"' : ''}>${esc(t)}</t></si>`).join('');
    return `${XML}<sst xmlns="${NS.main}" count="${this.uses}" uniqueCount="${this.index.size}">${items}</sst>`;
  }
}

export const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** sheetData as Excel writes it: rows with r and spans, cells with r, s, shared strings, formulas with results. */
export function sheetData(rows: CellValue[][], strings: SharedStrings, formulas: Record<string, string> = {}, style = 1): string {
  const out: string[] = [];
  rows.forEach((line, r) => {
    const cells: string[] = [];
    line.forEach((v, c) => {
      const ref = toA1(r, c);
      const f = formulas[ref];
      if (f) {
        const t = typeof v === 'string' ? ' t="str"' : '';
        cells.push(`<c r="${ref}" s="${style}"${t}><f>${esc(f.replace(/^=/, ''))}</f>${v === null || v === undefined ? '' : `<v>${esc(String(v))}</v>`}</c>`);
      } else if (typeof v === 'string' && v !== '') {
        cells.push(`<c r="${ref}" s="${style}" t="s"><v>${strings.add(v)}</v></c>`);
      } else if (typeof v === 'number') {
        cells.push(`<c r="${ref}" s="${style}"><v>${v}</v></c>`);
      } else {
        cells.push(`<c r="${ref}" s="${style}"/>`);
      }
    });
    out.push(`<row r="${r + 1}" spans="1:${Math.max(1, line.length)}" x14ac:dyDescent="0.2">${cells.join('')}</row>`);
  });
  return `<sheetData>${out.join('')}</sheetData>`;
}

const SHEET_OPEN = `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0000-000000000000}">`;

/** A worksheet: what comes before sheetData, the data, and what comes after it, in schema order. */
export function worksheet(before: string, data: string, after: string): string {
  return `${XML}${SHEET_OPEN}${before}${data}${after}</worksheet>`;
}

export const STYLES = `${XML}<styleSheet xmlns="${NS.main}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">`
  + '<numFmts count="1"><numFmt numFmtId="176" formatCode="0.00_ "/></numFmts>'
  + '<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>'
  + '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>'
  + '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"><alignment vertical="center" wrapText="1"/></xf>'
  + '<xf numFmtId="176" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"><alignment vertical="center"/></xf>'
  + '<xf numFmtId="14" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>'
  + '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>'
  + '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>'
  + '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst></styleSheet>';

export function rels(list: Array<[string, string, string, boolean?]>): string {
  return `${XML}<Relationships xmlns="${NS.pkg}">${list.map(([id, type, target, external]) => `<Relationship Id="${id}" Type="${type.startsWith('http') ? type : `${NS.rel}/${type}`}" Target="${esc(target)}"${external ? ' TargetMode="External"' : ''}/>`).join('')}</Relationships>`;
}

export { XML };

/** A sheet spec's cells as rows (what the fixture writers put in sheetData). */
export function specRows(spec: SheetSpec): CellValue[][] {
  return spec.rows.map((line) => line.map((v) => (v === undefined ? null : v)));
}

/**
 * A workbook from sheet parts (name → worksheet XML), with any part added, replaced or (null) removed.
 * Sheet i is xl/worksheets/sheet{i+1}.xml; shared strings and styles come only when given.
 */
export function workbookOf(sheets: Record<string, string | Uint8Array>, extra: Record<string, string | Uint8Array | null> = {}, workbookAttrs = ''): Uint8Array {
  const names = Object.keys(sheets);
  const relList: Array<[string, string, string]> = names.map((_, i) => [`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`]);
  if (extra['xl/sharedStrings.xml']) relList.push(['rIdS', 'sharedStrings', 'sharedStrings.xml']);
  if (extra['xl/styles.xml']) relList.push(['rIdT', 'styles', 'styles.xml']);
  const all: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml']]),
    'xl/workbook.xml': `${XML}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}">${workbookAttrs}<sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': rels(relList),
  };
  names.forEach((n, i) => (all[`xl/worksheets/sheet${i + 1}.xml`] = sheets[n]));
  for (const [name, data] of Object.entries(extra)) {
    if (data === null) delete all[name];
    else all[name] = data;
  }
  return zip(all);
}

/** A worksheet holding just this sheetData body (rows), and whatever follows sheetData. */
export const sheetOf = (rowsXml: string, after = '', before = '') => `${XML}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">${before}<sheetData>${rowsXml}</sheetData>${after}</worksheet>`;
