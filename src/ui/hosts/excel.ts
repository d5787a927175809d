// The pane inside Excel: the workbook through the Office.js gateway.

import { applyPlan, describeOfficeError, loadDocumentSettings, officeApi, readSnapshot, saveDocumentSettings, selectCell, writeSummarySheet } from '../../gateways/office';
import { DEFAULT_SETTINGS, type Settings, type WorkbookHost } from '../host';

export function excelHost(): WorkbookHost {
  const api = officeApi();
  return {
    kind: 'excel',
    settings: {
      where: 'workbook',
      load: () => loadDocumentSettings<Settings>(DEFAULT_SETTINGS),
      save: (settings) => saveDocumentSettings(settings),
    },
    read: async () => (await readSnapshot(api)).snapshot,
    apply: async (plan) => (await applyPlan(api, plan)).written,
    writeSummary: (sheet) => writeSummarySheet(api, sheet),
    select: (sheet, cell) => selectCell(api, sheet, cell),
    describeError: describeOfficeError,
  };
}
