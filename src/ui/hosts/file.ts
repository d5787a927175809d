// The web page: a workbook file opened in the browser through the file gateway (the package read and
// patched in place). Loaded only in file mode. Nothing leaves the machine.

import { applyPlanToSnapshot } from '../../gateways/memory';
import { applyPlan, FileError, fileIssues, type OpenedWorkbook, readWorkbook, workbookBytes, writeSummary } from '../../gateways/xlsx';
import { DEFAULT_SETTINGS, type FileHost, type Settings } from '../host';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSM = 'application/vnd.ms-excel.sheet.macroEnabled.12';

export function fileHost(): FileHost {
  let opened: OpenedWorkbook | null = null;
  let name = '';
  let settings: Settings = DEFAULT_SETTINGS;
  const workbook = (): OpenedWorkbook => {
    if (!opened) throw new FileError('empty', name || '?');
    return opened;
  };
  return {
    kind: 'file',
    settings: {
      load: (): Settings => settings,
      save: async (next) => {
        settings = next;
      },
    },
    fileName: () => name,
    async open(fileName, bytes) {
      opened = await readWorkbook(bytes, fileName);
      name = fileName;
      settings = DEFAULT_SETTINGS;
    },
    read: async () => ({ snapshot: workbook().snapshot, undoable: false }),
    previewUndo: async () => null,
    undo: async () => null,
    async apply(plan) {
      const wb = workbook();
      applyPlan(wb, plan);
      wb.snapshot = applyPlanToSnapshot(wb.snapshot, plan);
      return plan.writes;
    },
    writeSummary: async (sheet) => writeSummary(workbook(), sheet),
    select: async () => undefined, // no Excel to select in: the pane shows the cell's content itself
    describeError: (error, lang) => (error instanceof FileError ? error.describe(lang) : `${(error as Error)?.message ?? error}`),
    download: async () => new Blob([workbookBytes(workbook()) as BlobPart], { type: /\.xlsm$/i.test(name) ? XLSM : XLSX }),
    notes: (lang) => fileIssues(opened, lang),
  };
}
