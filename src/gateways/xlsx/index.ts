// The file gateway: an .xlsx package read and patched in place (CLI and offline web page). Every part the
// fill does not change is copied byte for byte.
import { type Issue, type Lang, RULES } from '../../engine';
import type { OpenedWorkbook } from './read';

export { readWorkbook, readWorkbookSync, LIMITS, type OpenedWorkbook, type FileNote } from './read';
export { applyPlan, writeSummary, workbookBytes, sheetNameProblem, readPart, putPart } from './write';
export { createWorkbook } from './create';
export { worksheetXml, type SheetLayout, type LayoutCell, type PageSetup } from './layout';
export { reportLayout } from './report';
export { StyleBook, type CellFormat } from './styles';
export { Package, type Relationship } from './package';
export { FileError, type FileProblem } from './errors';
export type { Deflater } from './zip';

/** What reading the file noticed, as issues beside the engine's (one per sheet). */
export function fileIssues(opened: OpenedWorkbook | null, lang: Lang): Issue[] {
  if (!opened) return [];
  return opened.notes.map((note): Issue => {
    if (note.kind === 'merge-overlap') {
      const ranges = note.ranges.join(lang === 'zh' ? '、' : ', ');
      return { rule: 'file.merge-overlap', severity: 'info', sheet: note.sheet, cell: note.ranges[0].split(':')[0], message: RULES['file.merge-overlap'][lang]({ ranges, count: note.ranges.length }) };
    }
    return { rule: 'file.sheet-missing', severity: 'warning', sheet: note.sheet, cell: 'A1', message: RULES['file.sheet-missing'][lang]({ sheet: note.sheet }) };
  });
}
