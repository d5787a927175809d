// The county's rules inside its template: one very hidden, protected sheet whose cells hold the
// template's settings (the scoring profile, the unit-name cell) as JSON, with a check value. A sheet is
// what every tool keeps: Excel and openpyxl keep it very hidden, LibreOffice keeps it hidden and
// protected, and every door already reads sheets, so the rules travel in the snapshot itself.

import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { cellText } from '../text';

/** 31 characters at most, none of []:*?/\ — Excel's rules for a sheet name. */
export const CARRIER_SHEET = '评分方案（财政局设定）';
const MARK = 'SelfEval 评分方案：由财政局在模板中设定，单位请勿修改或删除此表。';
const FORMAT = 'selfeval-template/1';
/** Well under a cell's 32,767 characters. */
const CHUNK = 8000;
/** JSON starts on row 4: the rows above carry no year a report title could take. */
const FIRST_JSON_ROW = 3;

/** The cell where the unit writes its name, with the label left of it (found again if rows move). */
export interface UnitNameCell {
  sheet: string;
  cell: string;
  label: string;
}

export interface TemplateSettings {
  /** The bureau's scoring profile as its profile file gives it (checked again when read). */
  profile: unknown;
  unitName?: UnitNameCell;
}

export type CarrierRead =
  | { sheet: string; settings: TemplateSettings }
  | { sheet: string; problem: 'changed' | 'unreadable' | 'newer' };

/** FNV-1a over the text's UTF-16 units: catches an edited cell, not meant to resist a forger. */
function checkValue(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `fnv1a:${hash.toString(16).padStart(8, '0')}`;
}

/** The carrier sheet's cells (column A) for a gateway to write, very hidden and protected. */
export function carrierSheet(settings: TemplateSettings): SheetSnapshot {
  const json = JSON.stringify(settings);
  const values: CellValue[][] = [[MARK], [FORMAT], [checkValue(json)]];
  for (let i = 0; i < json.length; i += CHUNK) values.push([json.slice(i, i + CHUNK)]);
  return { name: CARRIER_SHEET, values, formulas: {}, merges: [], protected: true };
}

export function isCarrierSheet(sheet: SheetSnapshot): boolean {
  return cellText(sheet.values[0]?.[0] ?? null) === MARK;
}

/** The template settings a workbook carries; null when it carries none. */
export function readCarrier(snapshot: WorkbookSnapshot): CarrierRead | null {
  const sheet = snapshot.sheets.find(isCarrierSheet);
  if (!sheet) return null;
  const text = (row: number) => {
    const v = sheet.values[row]?.[0];
    return typeof v === 'string' ? v : '';
  };
  if (text(1) !== FORMAT) return { sheet: sheet.name, problem: text(1).startsWith('selfeval-template/') ? 'newer' : 'unreadable' };
  let json = '';
  for (let r = FIRST_JSON_ROW; r < sheet.values.length; r++) json += text(r);
  if (checkValue(json) !== text(2)) return { sheet: sheet.name, problem: 'changed' };
  try {
    const parsed = JSON.parse(json) as TemplateSettings;
    if (typeof parsed !== 'object' || parsed === null || !('profile' in parsed)) return { sheet: sheet.name, problem: 'unreadable' };
    return { sheet: sheet.name, settings: parsed };
  } catch {
    return { sheet: sheet.name, problem: 'unreadable' };
  }
}

/** The workbook without its carrier sheet: what analysis and conformance read. */
export function withoutCarrier(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return snapshot.sheets.some(isCarrierSheet) ? { ...snapshot, sheets: snapshot.sheets.filter((s) => !isCarrierSheet(s)) } : snapshot;
}
