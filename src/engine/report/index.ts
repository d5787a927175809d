// The summary report (自评报告): facts from the analysis, one document, drawn as a sheet or as text.

import type { Dec } from '../decimal';
import type { Analysis } from '../model';
import { parseValue } from '../parse/value';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { cellText } from '../text';
import { REPORT_SUBTITLE, type ReportDocument, reportDocument } from './document';
import { type ReportFacts, reportFacts } from './facts';
import { DEFAULT_SUMMARY_SHEET, reportSheet, type SheetDescription } from './sheet';

export { reportMarkdown, reportText } from './plain';
export { DEFAULT_SUMMARY_SHEET, type SheetDescription, type SheetCell, type CellStyle, type ChartDescription } from './sheet';
export type { ReportDocument, Block, Column, ColumnFormat, TableValue } from './document';
export { REPORT_SUBTITLE, headerLines } from './document';
export type { ReportFacts } from './facts';

export interface SummaryOptions {
  /** The year and unit for the title; found in the workbook when not given. */
  year?: number | null;
  unitName?: string | null;
  sheetName?: string;
}

export interface Summary {
  facts: ReportFacts;
  document: ReportDocument;
  sheet: SheetDescription;
}

/** A sheet this tool wrote as its report: its second row holds the report's subtitle. */
export function isReportSheet(sheet: SheetSnapshot): boolean {
  return cellText(sheet.values[1]?.[0] ?? null) === REPORT_SUBTITLE;
}

/** The first rows of every sheet: where titles name the unit ("青山镇人民政府2025年度…"). */
export function titleTexts(snapshot: WorkbookSnapshot): string[] {
  return snapshot.sheets
    .filter((s) => !isReportSheet(s))
    .flatMap((s) => s.values.slice(0, 3).flatMap((row) => (row ?? []).map((v) => cellText(v)).filter((t) => t !== '')));
}

/** A number as a cell of `snapshot` holds it, or null. */
function reader(snapshot: WorkbookSnapshot) {
  return (sheet: string, row: number, col: number): Dec | null => {
    const parsed = parseValue(snapshot.sheets.find((s) => s.name === sheet)?.values[row]?.[col] ?? null);
    return parsed.kind === 'number' ? parsed.value : null;
  };
}

/**
 * The report on `analysis` (of `snapshot`). `original` is the workbook before filling, when the analysis
 * is of the filled one: the totals the unit typed are read from it.
 */
export function summarise(analysis: Analysis, snapshot: WorkbookSnapshot, options: SummaryOptions = {}, original: WorkbookSnapshot = snapshot): Summary {
  // The unit's name: as given, else from the cell the template marks for it.
  const facts = reportFacts(analysis, { year: options.year, unitName: options.unitName || analysis.unitName, titles: titleTexts(snapshot), stated: reader(original) });
  const document = reportDocument(facts);
  return { facts, document, sheet: reportSheet(document, options.sheetName || DEFAULT_SUMMARY_SHEET) };
}
