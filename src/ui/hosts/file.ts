// The web page: a workbook file opened in the browser through the file gateway (the package read and
// patched in place). Loaded only in file mode. Nothing leaves the machine.

import { applyPlanToSnapshot } from '../../gateways/memory';
import { applyPlan, FileError, fileIssues, type OpenedWorkbook, readWorkbook, workbookBytes, writeSummary } from '../../gateways/xlsx';
import { DEFAULT_SETTINGS, type FileHost, type Settings } from '../host';

const STORAGE_KEY = 'selfeval.settings';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSM = 'application/vnd.ms-excel.sheet.macroEnabled.12';

export function fileHost(): FileHost {
  let opened: OpenedWorkbook | null = null;
  let name = '';
  const workbook = (): OpenedWorkbook => {
    if (!opened) throw new FileError('empty', name || '?');
    return opened;
  };
  return {
    kind: 'file',
    settings: {
      where: 'browser',
      load: (): Settings => {
        try {
          return { ...DEFAULT_SETTINGS, ...JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') };
        } catch {
          return DEFAULT_SETTINGS; // unreadable or blocked storage: start from the defaults
        }
      },
      save: async (settings) => localStorage.setItem(STORAGE_KEY, JSON.stringify(settings)),
    },
    fileName: () => name,
    async open(fileName, bytes) {
      opened = await readWorkbook(bytes, fileName);
      name = fileName;
    },
    read: async () => workbook().snapshot,
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
