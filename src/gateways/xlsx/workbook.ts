// workbook.xml and its relationships: the sheets in order with their parts, the date system, structure
// protection; and the two edits the writer makes there (recalculate on open, a new sheet).

import type { Package } from './package';
import { attribute, escapeAttribute, scanXml, setAttributes } from './xml';

export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'other';

export interface SheetEntry {
  name: string;
  sheetId: number;
  state: 'visible' | 'hidden' | 'veryHidden';
  kind: SheetKind;
  /** The sheet's part, or null when the relationship or the part is missing. */
  part: string | null;
}

export interface WorkbookInfo {
  part: string;
  /** ISO/IEC 29500 strict: new parts are written in its namespaces. */
  strict: boolean;
  /** Serial day 0 is 1904-01-01 (old Mac workbooks), not 1899-12-30. */
  date1904: boolean;
  /** "Protect workbook structure": no sheet may be added. */
  structureLocked: boolean;
  sheets: SheetEntry[];
  sharedStrings: string | null;
  styles: string | null;
}

export const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const NS = {
  transitional: {
    main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  },
  strict: {
    main: STRICT_MAIN,
    rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  },
};

const truthy = (v: string | undefined) => v === '1' || v === 'true';
const SHEET_KINDS: SheetKind[] = ['worksheet', 'chartsheet', 'dialogsheet', 'macrosheet'];

export class NotWorkbookError extends Error {
  /** True for a binary workbook (.xlsb): a workbook, but not one of XML parts. */
  constructor(message: string, readonly binary = false) {
    super(message);
  }
}

export function readWorkbookInfo(pkg: Package): WorkbookInfo {
  const office = pkg.relationships('').find((r) => r.kind === 'officeDocument' && r.part && pkg.has(r.part));
  const part = office?.part ?? (pkg.has('xl/workbook.xml') ? 'xl/workbook.xml' : null);
  if (!part) throw new NotWorkbookError('no workbook part');
  if (!part.toLowerCase().endsWith('.xml')) throw new NotWorkbookError(`workbook part ${part}`, part.toLowerCase().endsWith('.bin'));
  const rels = new Map(pkg.relationships(part).map((r) => [r.id, r]));
  const info: WorkbookInfo = { part, strict: false, date1904: false, structureLocked: false, sheets: [], sharedStrings: null, styles: null };
  let root = '';
  scanXml(pkg.text(part), {
    open(el) {
      if (el.depth === 0) {
        root = el.name;
        info.strict = el.attributes[`xmlns${el.prefix ? `:${el.prefix.slice(0, -1)}` : ''}`] === STRICT_MAIN;
      }
      if (el.depth !== 1 && el.name !== 'sheet') return;
      if (el.name === 'workbookPr') info.date1904 = truthy(el.attributes.date1904);
      if (el.name === 'workbookProtection') info.structureLocked = truthy(el.attributes.lockStructure);
      if (el.name === 'sheet' && el.depth === 2) {
        const rel = rels.get(attribute(el, 'id') ?? '');
        const kind = SHEET_KINDS.find((k) => k === rel?.kind) ?? 'other';
        const state = el.attributes.state === 'hidden' || el.attributes.state === 'veryHidden' ? el.attributes.state : 'visible';
        info.sheets.push({ name: el.attributes.name ?? '', sheetId: Number(el.attributes.sheetId) || 0, state, kind, part: rel?.part && pkg.has(rel.part) ? rel.part : null });
      }
    },
  });
  if (root !== 'workbook') throw new NotWorkbookError(`root element ${root}`);
  for (const r of rels.values()) {
    if (!r.part || !pkg.has(r.part)) continue;
    if (r.kind === 'sharedStrings') info.sharedStrings = r.part;
    if (r.kind === 'styles') info.styles = r.part;
  }
  return info;
}

const AFTER_CALC = new Set(['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst']);

/** workbook.xml with calcPr fullCalcOnLoad="1": Excel and WPS recalculate formulas over written cells on open. */
export function recalculateOnLoad(xml: string): string {
  let calc: { start: number; end: number } | null = null;
  let before = -1;
  let close = -1;
  let prefix = '';
  scanXml(xml, {
    open(el) {
      if (el.depth === 0) prefix = el.prefix;
      if (el.depth !== 1) return;
      if (el.name === 'calcPr') calc = { start: el.start, end: el.end };
      else if (before < 0 && AFTER_CALC.has(el.name)) before = el.start;
    },
    close(_name, end, depth) {
      if (depth === 0) close = xml.lastIndexOf('<', end - 1);
    },
  });
  const found = calc as { start: number; end: number } | null;
  if (found) return xml.slice(0, found.start) + setAttributes(xml.slice(found.start, found.end), { fullCalcOnLoad: '1' }) + xml.slice(found.end);
  const at = before >= 0 ? before : close;
  return `${xml.slice(0, at)}<${prefix}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
}

/** workbook.xml with a sheet appended to <sheets>. */
export function appendSheet(xml: string, name: string, sheetId: number, relId: string, strict: boolean): string {
  const relNs = strict ? NS.strict.rel : NS.transitional.rel;
  let relPrefix: string | null = null;
  let at = -1;
  let prefix = '';
  scanXml(xml, {
    open(el) {
      if (el.depth === 0) {
        for (const [attr, value] of Object.entries(el.attributes)) if (value === relNs && attr.startsWith('xmlns:')) relPrefix = attr.slice(6);
      }
      if (el.depth === 1 && el.name === 'sheets') prefix = el.prefix;
    },
    close(tag, end, depth) {
      if (depth === 1 && tag === 'sheets') at = xml.lastIndexOf('<', end - 1);
    },
  });
  if (at < 0) throw new Error('workbook.xml has no <sheets>');
  const id = relPrefix ? `${relPrefix}:id="${relId}"` : `xmlns:r="${relNs}" r:id="${relId}"`;
  return `${xml.slice(0, at)}<${prefix}sheet name="${escapeAttribute(name)}" sheetId="${sheetId}" ${id}/>${xml.slice(at)}`;
}
