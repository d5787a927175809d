// A plan and the report sheet applied to the package they were read from. Writes are gathered, then the
// bytes are made in one go: written worksheets patched cell by cell, styles appended to, workbook.xml set
// to recalculate on open, the report sheet as a part of its own. Every other part is copied as it was.

import { isReportSheet, type Plan, type SheetDescription } from '../../engine';
import { addSheetTitle } from './docprops';
import { FileError } from './errors';
import { worksheetXml } from './layout';
import type { Package } from './package';
import { inheritedStyle, locate, patchWorksheet } from './patch';
import type { OpenedWorkbook, PendingCell, PendingPart } from './read';
import { reportLayout } from './report';
import { defaultStylesXml, StyleBook } from './styles';
import { appendSheet, NS, recalculateOnLoad } from './workbook';
import { decodePart } from './xml';
import type { Deflater } from './zip';

const CONTENT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};
const relType = (strict: boolean, kind: string) => `${strict ? NS.strict.rel : NS.transitional.rel}/${kind}`;

/** Gathers the plan's cell writes (a cell written twice keeps the later value). */
export function applyPlan(opened: OpenedWorkbook, plan: Plan): void {
  for (const w of plan.writes) {
    if (!opened.source.sheets.has(w.sheet)) throw new Error(`sheet "${w.sheet}" is not in the workbook the plan was made from`);
    let cells = opened.pending.cells.get(w.sheet);
    if (!cells) opened.pending.cells.set(w.sheet, (cells = new Map()));
    cells.set(w.cell, { row: w.row, col: w.col, value: w.value, numberFormat: w.numberFormat });
  }
}

const INVALID_NAME = /[:\\/?*[\]]/;

/** Why a sheet name cannot be used in Excel, or null when it can. */
export function sheetNameProblem(name: string): 'empty' | 'too-long' | 'characters' | null {
  if (name.trim() === '') return 'empty';
  if (name.length > 31) return 'too-long';
  if (INVALID_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) return 'characters';
  return null;
}

/**
 * Gathers the report sheet; returns the name it will have. A sheet of that name this tool wrote before
 * is replaced in place; a user's own sheet of that name keeps it, and the report takes "名称(2)".
 */
export function writeSummary(opened: OpenedWorkbook, sheet: SheetDescription): string {
  const { info } = opened.source;
  const taken = (name: string) => info.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
  const ours = (name: string) => {
    const entry = info.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    const snapshot = opened.snapshot.sheets.find((s) => s.name === entry?.name);
    return entry?.kind === 'worksheet' && entry.part && snapshot && isReportSheet(snapshot) ? entry : null;
  };
  const own = ours(sheet.name);
  if (!own && info.structureLocked) throw new FileError('structure-locked', opened.fileName);
  let name = own?.name ?? sheet.name;
  if (!own && taken(name)) {
    for (let n = 2; ; n++) {
      const candidate = `${sheet.name.slice(0, 31 - String(n).length - 2)}(${n})`;
      if (!taken(candidate)) {
        name = candidate;
        break;
      }
    }
  }
  opened.pending.report = { name, replaces: own?.part ?? null, sheet };
  return name;
}

/** A part's text as the workbook will hold it (with parts put since it was read), or null when it has none. */
export function readPart(opened: OpenedWorkbook, part: string): string | null {
  const put = opened.pending.parts.get(part);
  if (put) return typeof put.data === 'string' ? put.data : decodePart(put.data);
  return opened.source.pkg.has(part) ? opened.source.pkg.text(part) : null;
}

/**
 * Adds or replaces a part other than cells and the report (the settings the pane keeps in the workbook,
 * for one), with its content type and, when asked, a relationship to it. Gathered like the cell writes.
 */
export function putPart(opened: OpenedWorkbook, part: string, data: string | Uint8Array, options: Omit<PendingPart, 'data'> = {}): void {
  opened.pending.parts.set(part, { data, ...options });
}

/**
 * The workbook file with everything gathered so far. Can be asked for again after more writes. A door
 * with a native deflater may give it (see Deflater); the parts are the same either way.
 */
export function workbookBytes(opened: OpenedWorkbook, deflater?: Deflater): Uint8Array {
  const { pkg: source, info } = opened.source;
  const { cells, parts, report } = opened.pending;
  if (cells.size === 0 && parts.size === 0 && !report) return source.bytes();
  const pkg = source.fork();
  for (const [part, put] of parts) {
    pkg.write(part, put.data, put.contentType);
    const rel = put.relationship;
    if (rel && !pkg.relationships(rel.from).some((r) => r.type === rel.type && r.part === part)) pkg.addRelationship(rel.from, rel.type, part);
  }
  const styles = opened.source.styles ? opened.source.styles.copy() : new StyleBook(defaultStylesXml(info.strict ? NS.strict.main : NS.transitional.main));

  let written = 0;
  for (const [sheetName, writes] of cells) {
    const part = opened.source.sheets.get(sheetName)!;
    const list = [...writes.values()];
    const located = locate(part.index, list);
    const patches = list.map((w: PendingCell) => {
      const at = located.cell.get(w.row * 16384 + w.col) ?? -1;
      const base = at >= 0 ? part.index.cells.style[at] : inheritedStyle(part.index, located.row.get(w.row) ?? -1, w.col);
      return { row: w.row, col: w.col, value: w.value, style: w.numberFormat ? styles.withNumberFormat(base, w.numberFormat) : base };
    });
    pkg.write(part.entry.part!, patchWorksheet(part.index, patches, located));
    written += list.length;
  }

  let workbook = pkg.text(info.part);
  // Formulas over written cells show stale results until recalculated: Excel and WPS do so on open.
  if (written > 0) workbook = recalculateOnLoad(workbook);
  if (report) {
    const xml = worksheetXml(reportLayout(report.sheet, report.name), styles, info.strict ? NS.strict : NS.transitional);
    if (report.replaces) {
      pkg.write(report.replaces, xml);
    } else {
      const part = freePart(pkg, 'xl/worksheets/sheet', '.xml');
      pkg.write(part, xml, CONTENT.worksheet);
      const relId = pkg.addRelationship(info.part, relType(info.strict, 'worksheet'), part);
      const sheetId = Math.max(0, ...info.sheets.map((s) => s.sheetId)) + 1;
      workbook = appendSheet(workbook, report.name, sheetId, relId, info.strict);
      const app = pkg.find('docProps/app.xml');
      if (app) pkg.write(app, addSheetTitle(pkg.text(app), report.name));
    }
  }
  if (workbook !== pkg.text(info.part)) pkg.write(info.part, workbook);

  if (styles.changed) {
    if (info.styles) pkg.write(info.styles, styles.render());
    else {
      const part = 'xl/styles.xml';
      pkg.write(part, styles.render(), CONTENT.styles);
      pkg.addRelationship(info.part, relType(info.strict, 'styles'), part);
    }
  }
  return pkg.bytes(deflater);
}

/** The first free part name `prefix` + n + `suffix`. */
function freePart(pkg: Package, prefix: string, suffix: string): string {
  for (let n = 1; ; n++) if (!pkg.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
}
