// The pane inside Excel: the workbook through the Office.js gateway.

import {
  applyPlan, describeOfficeError, loadDocumentSettings, officeApi, previewUndo, readSnapshot, saveDocumentSettings, selectCell, undoLastFill, writeSummarySheet,
} from '../../gateways/office';
import { settingsFrom, type WorkbookHost } from '../host';

export function excelHost(): WorkbookHost {
  const api = officeApi();
  // The used ranges of the read the plan came from: a write checks the workbook still has them.
  let usedRanges: Record<string, string | null> | undefined;
  return {
    kind: 'excel',
    settings: {
      load: () => settingsFrom(loadDocumentSettings()),
      save: (settings) => saveDocumentSettings(settings),
    },
    async read() {
      const result = await readSnapshot(api);
      usedRanges = result.usedRanges;
      return { snapshot: result.snapshot, undoable: result.fillRecorded };
    },
    apply: async (plan) => (await applyPlan(api, plan, { usedRanges })).written,
    writeSummary: (sheet) => writeSummarySheet(api, sheet),
    select: (sheet, cell) => selectCell(api, sheet, cell),
    previewUndo: () => previewUndo(api),
    undo: () => undoLastFill(api),
    describeError: describeOfficeError,
  };
}
