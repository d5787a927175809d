// The template's settings sheet written into an .xlsx package: a very hidden, protected worksheet part,
// listed in workbook.xml, its relationships and [Content_Types].xml. Every other part is left as it was.
// An existing settings sheet is replaced in place.

import { type CellValue, isCarrierSheet, type SheetSnapshot } from '../engine';

/** The parts of a package, read and written as text by path ("xl/workbook.xml"). */
export interface PackageParts {
  read(path: string): string | null;
  write(path: string, text: string): void;
  paths(): string[];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cellXml(ref: string, value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`;
}

/** The sheet's XML: column A wide, every cell text, the sheet protected against edits by accident. */
export function carrierSheetXml(sheet: SheetSnapshot): string {
  const rows = sheet.values.map((line, r) => `<row r="${r + 1}">${cellXml(`A${r + 1}`, line[0] ?? null)}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}">`
    + `<dimension ref="A1:A${Math.max(sheet.values.length, 1)}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>`
    + '<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="100" customWidth="1"/></cols>'
    + `<sheetData>${rows}</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/></worksheet>`;
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The prefix workbook.xml binds to the relationships namespace ("r" in files Excel writes). */
function relPrefix(workbook: string): string {
  const m = new RegExp(`xmlns:([\\w.-]+)="${REL_NS.replace(/[./]/g, '\\$&')}"`).exec(workbook);
  return m ? m[1] : 'r';
}

/** Writes the settings sheet into the package: replaces the one there, or adds one very hidden at the end. */
export function writeCarrierSheet(parts: PackageParts, sheet: SheetSnapshot, isCarrier: (path: string) => boolean = (p) => isCarrierPart(parts, p)): void {
  let workbook = parts.read('xl/workbook.xml');
  let rels = parts.read('xl/_rels/workbook.xml.rels');
  let types = parts.read('[Content_Types].xml');
  if (workbook === null || rels === null || types === null) throw new Error('not a workbook package: xl/workbook.xml, its relationships or [Content_Types].xml is missing');
  const xml = carrierSheetXml(sheet);

  // Relationship targets are relative to xl/ unless they start at the package root.
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/'));
  }
  const prefix = relPrefix(workbook);
  const sheetTags = [...workbook.matchAll(/<sheet\b[^>]*\/?>/g)].map((m) => m[0]);
  for (const tag of sheetTags) {
    const path = targets.get(attr(tag, `${prefix}:id`) ?? '');
    if (path && isCarrier(path)) {
      parts.write(path, xml);
      // Keep it very hidden and under the current name, whatever a round trip made of it.
      const next = tag.replace(/\sstate="[^"]*"/, '').replace(/\sname="[^"]*"/, ` name="${escapeXml(sheet.name)}"`).replace(/\s*\/?>$/, ' state="veryHidden"/>');
      parts.write('xl/workbook.xml', workbook.replace(tag, next));
      return;
    }
  }

  const taken = new Set(parts.paths());
  let n = 1;
  while (taken.has(`xl/worksheets/sheet${n}.xml`)) n++;
  const path = `xl/worksheets/sheet${n}.xml`;
  let id = 1;
  while (targets.has(`rId${id}`)) id++;
  const sheetId = Math.max(0, ...sheetTags.map((t) => Number(attr(t, 'sheetId') ?? 0))) + 1;
  const names = new Set(sheetTags.map((t) => decodeXml(attr(t, 'name') ?? '')));
  if (names.has(sheet.name)) throw new Error(`the workbook already has a sheet named "${sheet.name}"`);

  parts.write(path, xml);
  rels = rels.replace(/<\/Relationships>\s*$/, `<Relationship Id="rId${id}" Type="${WORKSHEET_REL}" Target="worksheets/sheet${n}.xml"/></Relationships>`);
  workbook = workbook.replace(/<\/sheets>/, `<sheet name="${escapeXml(sheet.name)}" sheetId="${sheetId}" state="veryHidden" ${prefix}:id="rId${id}"/></sheets>`);
  types = types.replace(/<\/Types>\s*$/, `<Override PartName="/${path}" ContentType="${WORKSHEET_TYPE}"/></Types>`);
  parts.write('xl/_rels/workbook.xml.rels', rels);
  parts.write('xl/workbook.xml', workbook);
  parts.write('[Content_Types].xml', types);
}

/** A worksheet part whose A1 is the settings sheet's mark (in an inline or a shared string). */
function isCarrierPart(parts: PackageParts, path: string): boolean {
  const xml = parts.read(path);
  if (xml === null) return false;
  const a1 = /<c\b[^>]*\br="A1"[^>]*>([\s\S]*?)<\/c>/.exec(xml);
  if (!a1) return false;
  const inline = /<t\b[^>]*>([\s\S]*?)<\/t>/.exec(a1[1]);
  let text: string | null = inline && a1[0].includes('inlineStr') ? inline[1] : null;
  if (text === null && /\bt="s"/.test(a1[0])) {
    const index = Number(/<v>(\d+)<\/v>/.exec(a1[1])?.[1] ?? -1);
    const shared = parts.read('xl/sharedStrings.xml');
    const items = shared ? [...shared.matchAll(/<si>([\s\S]*?)<\/si>/g)] : [];
    const item = items[index]?.[1] ?? '';
    text = [...item.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join('');
  }
  return text !== null && isCarrierSheet({ name: '', values: [[decodeXml(text)]], formulas: {}, merges: [] });
}
