// The last fill, kept with the workbook so 撤销上次回填 can put the cells back: every cell written, what it
// held before (value and number format) and what was written. Excel on the web and on the desktop keep
// it as a custom XML part in our own namespace; the file pages keep the same part in the .xlsx.
//
// A custom XML part rather than the document settings: a fill of 20,000 rows makes a record of about a
// megabyte, which the settings (loaded whole every time the pane opens, and small by design) are not
// meant for; a part is read only when undo is asked for, and travels with the file.

import type { CellValue } from '../engine';

export const FILL_RECORD_NAMESPACE = 'urn:selfeval:last-fill:1';

export interface RecordedCell {
  sheet: string;
  cell: string;
  before: CellValue;
  /** The number format before the fill; null when it was not known. */
  beforeFormat: string | null;
  after: string | number;
  afterFormat: string | null;
}

export interface FillRecord {
  /** When the fill was written (ISO 8601). */
  at: string;
  cells: RecordedCell[];
}

type Row = [string, CellValue, string | null, string | number, string | null];

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The record as a custom XML part: the cells as JSON by sheet (compact for 20,000 rows) inside one element. */
export function fillRecordXml(record: FillRecord): string {
  const sheets: Record<string, Row[]> = {};
  for (const c of record.cells) (sheets[c.sheet] ??= []).push([c.cell, c.before, c.beforeFormat, c.after, c.afterFormat]);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<fill xmlns="${FILL_RECORD_NAMESPACE}" at="${escapeXml(record.at)}" cells="${record.cells.length}">${escapeXml(JSON.stringify(sheets))}</fill>`;
}

/** The record in a part's XML; null when the part is not a record this version can read. */
export function parseFillRecord(xml: string): FillRecord | null {
  const m = /<fill\s[^>]*xmlns="urn:selfeval:last-fill:1"[^>]*>([\s\S]*)<\/fill>/.exec(xml);
  if (!m) return null;
  const at = /\sat="([^"]*)"/.exec(m[0])?.[1] ?? '';
  try {
    const sheets = JSON.parse(unescapeXml(m[1])) as Record<string, Row[]>;
    const cells: RecordedCell[] = [];
    for (const [sheet, rows] of Object.entries(sheets)) {
      for (const [cell, before, beforeFormat, after, afterFormat] of rows) cells.push({ sheet, cell, before, beforeFormat, after, afterFormat });
    }
    return { at: unescapeXml(at), cells };
  } catch {
    return null;
  }
}

/** A cell as it is now: its value, its formula if it has one; null when its sheet is gone. */
export type CellNow = { value: CellValue; formula?: string } | null;

export interface UndoPlan {
  /** Cells that still hold what the fill wrote: these go back to what they held before. */
  restore: RecordedCell[];
  /** Cells that already hold what they held before (undone by hand, or never written). */
  unchanged: RecordedCell[];
  /** Cells changed since the fill: left as they are, and named to the user. */
  changed: Array<RecordedCell & { now: CellNow }>;
}

const same = (a: CellValue, b: CellValue) => (a === '' ? null : a) === (b === '' ? null : b);

export function planUndo(record: FillRecord, now: (sheet: string, cell: string) => CellNow): UndoPlan {
  const plan: UndoPlan = { restore: [], unchanged: [], changed: [] };
  for (const c of record.cells) {
    const current = now(c.sheet, c.cell);
    if (current && current.formula === undefined && same(current.value, c.after)) plan.restore.push(c);
    else if (current && current.formula === undefined && same(current.value, c.before)) plan.unchanged.push(c);
    else plan.changed.push({ ...c, now: current });
  }
  return plan;
}
