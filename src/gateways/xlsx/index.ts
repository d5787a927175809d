// The file gateway: .xlsx bytes <-> snapshot and plan, through ExcelJS (CLI and offline web page).
import { type Issue, type Lang, RULES } from '../../engine';
import type { DroppedMerge } from './sanitise';

export { readWorkbook, type OpenedWorkbook } from './read';
export { applyPlan, workbookBytes } from './write';
export { FileError, type FileProblem } from './errors';

/** The merges dropped on reading, as issues beside the engine's. */
export function mergeIssues(dropped: DroppedMerge[], lang: Lang): Issue[] {
  const text = RULES['file.merge-overlap'];
  return dropped.map((d) => ({
    rule: 'file.merge-overlap',
    severity: 'info',
    sheet: d.sheet,
    cell: d.range.split(':')[0],
    message: text[lang]({ range: d.range, other: d.other }),
  }));
}
