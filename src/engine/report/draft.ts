// The report every door drafts (the pane, the web page, the CLI), from a workbook as read.

import { analyse } from '../analyse';
import { applyPlanToSnapshot } from '../apply';
import type { AnalyseOptions, Analysis } from '../model';
import type { WorkbookSnapshot } from '../snapshot';
import { type Summary, summarise, type SummaryOptions } from './index';

/** Whether the analysis found any table to report on. */
/** True when a table holds something to report on: a project, an indicator or a department's figures. */
export function recognisedAny(analysis: Analysis): boolean {
  const m = analysis.model;
  return m.projects.length + m.indicators.length + m.departments.length > 0;
}

/**
 * Why there is nothing to report on: no table, or only tables left blank (each said at its cell).
 */
export function nothingToReport(analysis: Analysis): string {
  const blank = analysis.issues.filter((i) => i.rule === 'form.blank' || i.rule === 'indicators.blank' || i.rule === 'dept.blank');
  const none = analysis.issues.find((i) => i.rule === 'workbook.no-table' || i.rule === 'workbook.nothing-filled');
  return [none?.message ?? '', ...blank.map((i) => `${i.sheet}!${i.cell} ${i.message}`)].filter(Boolean).join('\n');
}

/**
 * The report every door drafts: from the figures as filling leaves them (so it never counts an error
 * filling corrects), with the totals as the unit typed them. Null when no table was recognised: there
 * is nothing to report on, and the door says so. `analysis`, when the door has it, is the analysis of
 * `snapshot` with the same options: it saves analysing the workbook again.
 */
export function draftReport(snapshot: WorkbookSnapshot, options: AnalyseOptions & SummaryOptions = {}, analysis?: Analysis): Summary | null {
  const settings = { profile: options.profile, lang: options.lang, year: options.year, unitNameCell: options.unitNameCell };
  const before = analysis ?? analyse(snapshot, settings);
  if (!recognisedAny(before)) return null;
  // Nothing to fill (a filled workbook, re-read): as filled, the workbook and its analysis are these.
  if (before.plan.writes.length === 0) return summarise(before, snapshot, options, snapshot);
  const filled = applyPlanToSnapshot(snapshot, before.plan);
  return summarise(analyse(filled, settings), filled, options, snapshot);
}
