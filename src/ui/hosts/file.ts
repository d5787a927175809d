// The web page: a workbook file opened in the browser through the file gateway (the package read and
// patched in place). Loaded only in file mode. Nothing leaves the machine.
//
// The file carries what the pane keeps with a workbook, where Excel keeps it too: the settings in the
// add-in's web extension part, the last fill's record in a custom XML part (see gateways/addinParts.ts).
// So a file opened here has its own settings (none from the last file), and one filled here can be
// undone after it was edited elsewhere, here or in Excel.

import type { CellValue, Issue, Lang } from '../../engine';
import { parseA1, toA1 } from '../../engine';
import { readAddinSettings, readFillRecordXml, writeAddinSettings, writeFillRecordXml } from '../../gateways/addinParts';
import { type FillRecord, fillRecordXml, parseFillRecord, planUndo, type RecordedCell } from '../../gateways/fillRecord';
import { applyPlanToSnapshot } from '../../gateways/memory';
import {
  applyPlan, FileError, fileIssues, LIMITS, type OpenedWorkbook, Package, readWorkbook, workbookBytes, writeSummary,
} from '../../gateways/xlsx';
import type { PendingCell } from '../../gateways/xlsx/read';
import { locate } from '../../gateways/xlsx/patch';
import { DEFAULT_SETTINGS, type FileHost, type Settings, settingsFrom, type UndoReport } from '../host';
import { STRINGS } from '../i18n';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSM = 'application/vnd.ms-excel.sheet.macroEnabled.12';
const MB = 1024 * 1024;

const key = (sheet: string, cell: string) => `${sheet}!${cell}`;

export function fileHost(): FileHost {
  let opened: OpenedWorkbook | null = null;
  let name = '';
  let settings: Settings = DEFAULT_SETTINGS;
  let record: FillRecord | null = null;
  /** What download must put into the file besides the cells: changed settings, a changed record. */
  let dirty = { settings: false, record: false };
  /** This session's fill: each cell's pending write before it (undefined: none), for an exact undo. */
  let sessionFill: Map<string, PendingCell | undefined> | null = null;

  const workbook = (): OpenedWorkbook => {
    if (!opened) throw new FileError('empty', name || '?');
    return opened;
  };

  /** The number format a cell shows now (as written in this session, else as in the file). */
  const numberFormat = (wb: OpenedWorkbook, sheet: string, row: number, col: number): string | null => {
    const pending = wb.pending.cells.get(sheet)?.get(toA1(row, col));
    if (pending?.numberFormat) return pending.numberFormat;
    const part = wb.source.sheets.get(sheet);
    if (!part || !wb.source.styles) return null;
    const at = locate(part.index, [{ row, col }]).cell.get(row * 16384 + col) ?? -1;
    return at >= 0 ? wb.source.styles.formatCode(part.index.cells.style[at]) : null;
  };

  const now = (wb: OpenedWorkbook, sheet: string, cell: string) => {
    const s = wb.snapshot.sheets.find((x) => x.name === sheet);
    if (!s) return null;
    const { row, col } = parseA1(cell);
    const formula = s.formulas[cell];
    return { value: s.values[row]?.[col] ?? null, ...(formula ? { formula } : {}) };
  };

  const report = (wb: OpenedWorkbook): UndoReport | null => (record && record.cells.length ? { at: record.at, plan: planUndo(record, (sheet, cell) => now(wb, sheet, cell)) } : null);

  /** Sets a cell in the snapshot the engine reads, so a check after an undo sees the cell as it is. */
  const setSnapshot = (wb: OpenedWorkbook, c: RecordedCell, value: CellValue) => {
    const s = wb.snapshot.sheets.find((x) => x.name === c.sheet);
    if (!s) return;
    const { row, col } = parseA1(c.cell);
    while (s.values.length <= row) s.values.push([]);
    while (s.values[row].length < col) s.values[row].push(null);
    s.values[row][col] = value;
  };

  return {
    kind: 'file',
    settings: {
      load: () => settings,
      save: async (next) => {
        settings = next;
        dirty.settings = true;
      },
    },
    fileName: () => name,
    async open(fileName, bytes) {
      const next = await readWorkbook(bytes, fileName);
      opened = next;
      name = fileName;
      settings = settingsFrom(readAddinSettings(next.source.pkg));
      record = (() => {
        const xml = readFillRecordXml(next.source.pkg, next.source.info.part);
        return xml ? parseFillRecord(xml) : null;
      })();
      dirty = { settings: false, record: false };
      sessionFill = null;
    },
    read: async () => ({ snapshot: workbook().snapshot, undoable: record !== null && record.cells.length > 0 }),
    async apply(plan) {
      const wb = workbook();
      const previous = new Map<string, PendingCell | undefined>();
      for (const w of plan.writes) {
        const pending = wb.pending.cells.get(w.sheet)?.get(w.cell);
        previous.set(key(w.sheet, w.cell), pending && { ...pending });
      }
      record = {
        at: new Date().toISOString(),
        cells: plan.writes.map((w) => ({
          sheet: w.sheet, cell: w.cell, before: w.before, beforeFormat: numberFormat(wb, w.sheet, w.row, w.col), after: w.value, afterFormat: w.numberFormat,
        })),
      };
      dirty.record = true;
      sessionFill = previous;
      applyPlan(wb, plan);
      wb.snapshot = applyPlanToSnapshot(wb.snapshot, plan);
      return plan.writes;
    },
    writeSummary: async (sheet) => writeSummary(workbook(), sheet),
    select: async () => undefined, // no Excel to select in: the pane shows the cell's context itself
    previewUndo: async () => report(workbook()),
    async undo() {
      const wb = workbook();
      const found = report(wb);
      if (!found) return null;
      for (const c of found.plan.restore) {
        let cells = wb.pending.cells.get(c.sheet);
        if (!cells) wb.pending.cells.set(c.sheet, (cells = new Map()));
        const k = key(c.sheet, c.cell);
        if (sessionFill?.has(k)) {
          // Filled in this session: the cell goes back to exactly what the file (or an earlier write) had.
          const before = sessionFill.get(k);
          if (before) cells.set(c.cell, before);
          else cells.delete(c.cell);
        } else {
          const { row, col } = parseA1(c.cell);
          cells.set(c.cell, { row, col, value: c.before, numberFormat: c.beforeFormat });
        }
        setSnapshot(wb, c, c.before);
      }
      record = null;
      dirty.record = true;
      sessionFill = null;
      return found;
    },
    describeError: (error, lang) => (error instanceof FileError ? error.describe(lang) : `${(error as Error)?.message ?? error}`),
    async download() {
      const wb = workbook();
      let bytes = workbookBytes(wb);
      if (dirty.settings || dirty.record) {
        // The add-in's own parts, added to the written package; every other part stays as written.
        const pkg = Package.open(bytes, { entry: LIMITS.partMB * MB, total: LIMITS.totalMB * MB });
        if (dirty.settings) writeAddinSettings(pkg, settings);
        if (dirty.record) writeFillRecordXml(pkg, record ? fillRecordXml(record) : null, wb.source.info.part);
        bytes = pkg.bytes();
      }
      return new Blob([bytes as BlobPart], { type: /\.xlsm$/i.test(name) ? XLSM : XLSX });
    },
    notes: (lang: Lang): Issue[] => {
      // Overlapping merges said plainly; other notes as the gateway words them.
      const plain = (opened?.notes ?? []).filter((n) => n.kind === 'merge-overlap').map((n): Issue => ({
        rule: 'file.merge-overlap', severity: 'info', sheet: n.sheet, cell: n.ranges[0].split(':')[0],
        message: STRINGS[lang].file.overlap(n.ranges.length, n.ranges.join(STRINGS[lang].listSeparator)),
      }));
      return [...plain, ...fileIssues(opened, lang).filter((i) => i.rule !== 'file.merge-overlap')];
    },
  };
}
