// The web page: a workbook file opened in the browser through the ExcelJS gateway. Loaded only in file
// mode (ExcelJS is the largest part of the bundle). Nothing leaves the machine.

import { applyPlanToSnapshot } from '../../gateways/memory';
import { applyPlan, FileError, mergeIssues, type OpenedWorkbook, readWorkbook, workbookBytes, writeSummary } from '../../gateways/xlsx';
import { DEFAULT_SETTINGS, type FileHost, type Settings } from '../host';

const STORAGE_KEY = 'selfeval.settings';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
      applyPlan(wb.workbook, plan);
      wb.snapshot = applyPlanToSnapshot(wb.snapshot, plan);
      return plan.writes;
    },
    writeSummary: async (sheet) => writeSummary(workbook().workbook, sheet),
    select: async () => undefined, // no Excel to select in: the pane shows the cell's content itself
    describeError: (error, lang) => (error instanceof FileError ? error.describe(lang) : `${(error as Error)?.message ?? error}`),
    download: async () => new Blob([(await workbookBytes(workbook().workbook)) as BlobPart], { type: XLSX }),
    notes: (lang) => mergeIssues(opened?.droppedMerges ?? [], lang),
  };
}
