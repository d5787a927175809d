// What the pane needs from where the workbook lives: Excel (Office.js) or a file in the browser (the file gateway).
// Small and owned by us; the engine does everything else.

import type { CellWrite, Issue, Lang, Plan, SheetDescription, WorkbookSnapshot } from '../engine';

export interface Settings {
  profile: string;
  year: number | null;
  unitName: string;
  lang: Lang;
}

export const DEFAULT_SETTINGS: Settings = { profile: 'national', year: null, unitName: '', lang: 'zh' };

export interface SettingsStore {
  load(): Settings;
  save(settings: Settings): Promise<void>;
  /** Where settings are kept, for the confirmation message. */
  where: 'workbook' | 'browser';
}

export interface WorkbookHost {
  kind: 'excel' | 'file';
  settings: SettingsStore;
  read(): Promise<WorkbookSnapshot>;
  /** Writes the plan's cells; returns the cells written. */
  apply(plan: Plan): Promise<CellWrite[]>;
  /** Writes the report sheet; returns the name it got. */
  writeSummary(sheet: SheetDescription): Promise<string>;
  /** Shows a cell to the user (selects it in Excel). */
  select(sheet: string, cell: string): Promise<void>;
  describeError(error: unknown, lang: Lang): string;
  /** What the host itself noticed while reading (a file's overlapping merges), shown with the issues. */
  notes?(lang: Lang): Issue[];
}

/** The web page's host can also open a file and give back the result. */
export interface FileHost extends WorkbookHost {
  kind: 'file';
  fileName(): string;
  open(name: string, bytes: ArrayBuffer): Promise<void>;
  download(): Promise<Blob>;
}

export function isFileHost(host: WorkbookHost): host is FileHost {
  return host.kind === 'file';
}
