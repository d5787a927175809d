// A new workbook made from sheet layouts (the bureau's 审核汇总.xlsx, for one): the few parts Excel needs,
// the same sheet writer and style book as the report sheet, the same bytes for the same layouts. Charts
// a layout asks for become drawing and chart parts; filters and print titles, the names Excel keeps them by.

import { zipSync } from 'fflate';
import { parseArea } from '../../engine/address';
import { chartXml, drawingXml, sheetRef } from './chart';
import { type SheetLayout, worksheetXml } from './layout';
import { StringTable } from './string-table';
import { defaultStylesXml, StyleBook } from './styles';
import { NS } from './workbook';
import { sheetNameProblem } from './write';
import { escapeAttribute, escapeText } from './xml';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SPREADSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export interface WorkbookOptions {
  /** The author shown in the file's properties. */
  creator?: string;
  /** Deflate level (default 6): 1 for a large workbook written while someone waits, 3 times faster for a fifth more bytes. */
  level?: 1 | 3 | 6 | 9;
}

export function createWorkbook(sheets: SheetLayout[], options: WorkbookOptions = {}): Uint8Array {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const names = new Set<string>();
  for (const s of sheets) {
    const problem = sheetNameProblem(s.name);
    if (problem) throw new Error(`sheet name "${s.name}": ${problem}`);
    if (names.has(s.name.toLowerCase())) throw new Error(`sheet name "${s.name}" is used twice`);
    names.add(s.name.toLowerCase());
  }
  const ns = NS.transitional;
  const styles = new StyleBook(defaultStylesXml(ns.main));
  const strings = new StringTable();
  const files: Record<string, Uint8Array> = {};
  const text = (name: string, xml: string) => (files[name] = new TextEncoder().encode(xml));

  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const rels = (items: string[]) => `${DECLARATION}<Relationships xmlns="${PACKAGE_RELS}">${items.join('')}</Relationships>`;
  const drawings: string[] = [];
  const charts: string[] = [];
  const sheetParts = sheets.map((sheet, i) => {
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    let drawing: string | undefined;
    if (sheet.charts?.length) {
      const name = `drawing${drawings.length + 1}.xml`;
      drawings.push(`xl/drawings/${name}`);
      text(`xl/drawings/${name}`, drawingXml(sheet.charts));
      text(`xl/drawings/_rels/${name}.rels`, rels(sheet.charts.map((chart, c) => {
        charts.push(`xl/charts/chart${charts.length + 1}.xml`);
        text(charts[charts.length - 1], chartXml(chart));
        return rel(`rId${c + 1}`, `${OFFICE_RELS}/chart`, `../charts/chart${charts.length}.xml`);
      })));
      text(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, rels([rel('rId1', `${OFFICE_RELS}/drawing`, `../drawings/${name}`)]));
      drawing = 'rId1';
    }
    text(part, worksheetXml(sheet, styles, ns, drawing, strings));
    return part;
  });

  text('[Content_Types].xml', `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + `<Override PartName="/xl/workbook.xml" ContentType="${SPREADSHEET}.sheet.main+xml"/>`
    + sheetParts.map((p) => `<Override PartName="/${p}" ContentType="${SPREADSHEET}.worksheet+xml"/>`).join('')
    + drawings.map((p) => `<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`).join('')
    + charts.map((p) => `<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`).join('')
    + `<Override PartName="/xl/styles.xml" ContentType="${SPREADSHEET}.styles+xml"/>`
    + (strings.size ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${SPREADSHEET}.sharedStrings+xml"/>` : '')
    + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>');
  text('_rels/.rels', `${DECLARATION}<Relationships xmlns="${PACKAGE_RELS}">`
    + rel('rId1', `${OFFICE_RELS}/officeDocument`, 'xl/workbook.xml')
    + rel('rId2', `${PACKAGE_RELS}/metadata/core-properties`, 'docProps/core.xml')
    + rel('rId3', `${OFFICE_RELS}/extended-properties`, 'docProps/app.xml') + '</Relationships>');
  text('docProps/core.xml', `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">`
    + `<dc:creator>${escapeText(options.creator ?? 'SelfEval 绩效自评助手')}</dc:creator></cp:coreProperties>`);
  text('docProps/app.xml', `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`
    + '<Application>SelfEval</Application>'
    + `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>`
    + `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${escapeText(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts></Properties>`);
  text('xl/workbook.xml', `${DECLARATION}<workbook xmlns="${ns.main}" xmlns:r="${ns.rel}"><bookViews><workbookView/></bookViews><sheets>`
    + sheets.map((s, i) => `<sheet name="${escapeAttribute(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
    + `</sheets>${definedNames(sheets)}<calcPr fullCalcOnLoad="1"/></workbook>`);
  text('xl/_rels/workbook.xml.rels', rels([
    ...sheetParts.map((p, i) => rel(`rId${i + 1}`, `${OFFICE_RELS}/worksheet`, p.slice(3))),
    rel(`rId${sheets.length + 1}`, `${OFFICE_RELS}/styles`, 'styles.xml'),
    ...(strings.size ? [rel(`rId${sheets.length + 2}`, `${OFFICE_RELS}/sharedStrings`, 'sharedStrings.xml')] : []),
  ]));
  text('xl/styles.xml', styles.render());
  if (strings.size) text('xl/sharedStrings.xml', strings.xml(ns.main));
  // One fixed time, as Excel's own files carry: the same layouts give the same bytes.
  return zipSync(files, { level: options.level ?? 6, mtime: new Date(1980, 0, 1) });
}

/** "$A$3:$W$40" for "A3:W40". */
function absolute(area: string): string {
  return area.split(':').map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')).join(':');
}

/** Each sheet's filter area and print titles, as the names Excel keeps them by. */
function definedNames(sheets: SheetLayout[]): string {
  const names = sheets.flatMap((s, i) => {
    const out: string[] = [];
    if (s.autoFilter) {
      parseArea(s.autoFilter); // a malformed area fails here, not in Excel
      out.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeText(sheetRef(s.name, absolute(s.autoFilter)))}</definedName>`);
    }
    if (s.printTitleRows) out.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(sheetRef(s.name, `$${s.printTitleRows[0] + 1}:$${s.printTitleRows[1] + 1}`))}</definedName>`);
    return out;
  });
  return names.length ? `<definedNames>${names.join('')}</definedNames>` : '';
}
