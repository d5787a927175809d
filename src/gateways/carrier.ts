// The template's settings sheet written into an .xlsx file: a very hidden, protected worksheet part,
// listed in workbook.xml with its relationship and content type. An existing settings sheet is replaced
// in place; every other part is copied as it was (the file gateway's package).

import { type CellValue, isCarrierSheet, type SheetSnapshot } from '../engine';
import type { OpenedWorkbook } from './xlsx';
import { appendSheet, NS } from './xlsx/workbook';

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** Adding a sheet to a workbook whose structure is protected would undo what the bureau locked. */
export class StructureLockedError extends Error {}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cellXml(ref: string, value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`;
}

/** The sheet's XML: column A wide, every cell text, the sheet protected against edits by accident. */
export function carrierSheetXml(sheet: SheetSnapshot, main = NS.transitional.main): string {
  const rows = sheet.values.map((line, r) => `<row r="${r + 1}">${cellXml(`A${r + 1}`, line[0] ?? null)}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${main}">`
    + `<dimension ref="A1:A${Math.max(sheet.values.length, 1)}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>`
    + '<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="100" customWidth="1"/></cols>'
    + `<sheetData>${rows}</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/></worksheet>`;
}

/** The <sheet> element of workbook.xml that names `name`. */
function sheetTag(workbook: string, name: string): string | null {
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    if (/\bname="([^"]*)"/.exec(m[0])?.[1] === escapeXml(name)) return m[0];
  }
  return null;
}

/** The file with the settings sheet: replacing the one it has, or added very hidden after the others. */
export function withCarrierSheet(opened: OpenedWorkbook, sheet: SheetSnapshot): Uint8Array {
  const { pkg: source, info } = opened.source;
  const ns = info.strict ? NS.strict : NS.transitional;
  const pkg = source.fork();
  const xml = carrierSheetXml(sheet, ns.main);
  let workbook = pkg.text(info.part);

  const current = info.sheets.find((s) => s.kind === 'worksheet' && s.part && opened.snapshot.sheets.some((x) => x.name === s.name && isCarrierSheet(x)));
  if (current) {
    pkg.write(current.part!, xml);
  } else {
    if (info.structureLocked) throw new StructureLockedError('the workbook structure is protected');
    let n = 1;
    while (pkg.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    pkg.write(part, xml, WORKSHEET_TYPE);
    const relId = pkg.addRelationship(info.part, `${ns.rel}/worksheet`, part);
    const sheetId = Math.max(0, ...info.sheets.map((s) => s.sheetId)) + 1;
    // r:id needs its prefix in scope: openpyxl declares it on each <sheet>, where a new sibling cannot
    // see it; appendSheet takes the root's prefix or declares one on the new element.
    workbook = appendSheet(workbook, sheet.name, sheetId, relId, info.strict);
  }
  // Very hidden, whatever a round trip made of it (LibreOffice saves it as hidden).
  const tag = sheetTag(workbook, current?.name ?? sheet.name);
  if (tag) workbook = workbook.replace(tag, tag.replace(/\sstate="[^"]*"/, '').replace(/\s*(\/?)>$/, ' state="veryHidden"$1>'));
  pkg.write(info.part, workbook);
  return pkg.bytes();
}
