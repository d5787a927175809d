// The file gateway: .xlsx bytes <-> snapshot and plan, through ExcelJS (CLI and offline web page).
import { type Issue, type Lang, RULES } from '../../engine';
import type { DroppedMerge } from './sanitise';

export { readWorkbook, type OpenedWorkbook } from './read';
export { applyPlan, workbookBytes } from './write';
export { writeSummary } from './summary';
export { FileError, type FileProblem } from './errors';

/** The merges dropped on reading, as one issue per sheet beside the engine's. */
export function mergeIssues(dropped: DroppedMerge[], lang: Lang): Issue[] {
  const bySheet = new Map<string, DroppedMerge[]>();
  for (const d of dropped) bySheet.set(d.sheet, [...(bySheet.get(d.sheet) ?? []), d]);
  return [...bySheet].map(([sheet, list]) => ({
    rule: 'file.merge-overlap',
    severity: 'info',
    sheet,
    cell: list[0].range.split(':')[0],
    message: RULES['file.merge-overlap'][lang]({ ranges: list.map((d) => d.range).join(lang === 'zh' ? '、' : ', '), count: list.length }),
  }));
}
