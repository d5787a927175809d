// What the pane needs from where the workbook lives: Excel (Office.js) or a file in the browser (the file gateway).
// Small and owned by us; the engine does everything else.

import { type CellWrite, type Issue, type Lang, type Plan, getProfile, type SheetDescription, type WorkbookSnapshot } from '../engine';
import type { UndoPlan } from '../gateways/fillRecord';

export interface Settings {
  /** A preset's name; '' scores by the profile the workbook (or the template compared with) carries. */
  profile: string;
  year: number | null;
  unitName: string;
  lang: Lang;
}

export const DEFAULT_SETTINGS: Settings = { profile: '', year: null, unitName: '', lang: 'zh' };

/** Settings as a workbook keeps them, each field checked: a file is input, not trusted. */
export function settingsFrom(stored: unknown): Settings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<Record<keyof Settings, unknown>>;
  return {
    profile: typeof s.profile === 'string' && getProfile(s.profile) !== null ? s.profile : DEFAULT_SETTINGS.profile,
    year: typeof s.year === 'number' && Number.isInteger(s.year) ? s.year : null,
    unitName: typeof s.unitName === 'string' ? s.unitName : '',
    lang: s.lang === 'en' ? 'en' : 'zh',
  };
}

/** Settings kept in the workbook, so the next user of the file sees the same. */
export interface SettingsStore {
  load(): Settings;
  save(settings: Settings): Promise<void>;
}

export interface ReadOutcome {
  snapshot: WorkbookSnapshot;
  /** The workbook keeps the record of its last fill: 撤销上次回填 can put those cells back. */
  undoable: boolean;
}

/** What 撤销上次回填 finds (or did): when the fill was, which cells go back, which changed since. */
export interface UndoReport {
  at: string;
  plan: UndoPlan;
}

export interface WorkbookHost {
  kind: 'excel' | 'file';
  settings: SettingsStore;
  read(): Promise<ReadOutcome>;
  /** Writes the plan's cells (checking first that the workbook is as it was read); returns the cells written. */
  apply(plan: Plan): Promise<CellWrite[]>;
  /** Writes the report sheet; returns the name it got. */
  writeSummary(sheet: SheetDescription): Promise<string>;
  /** Shows a cell to the user (selects it in Excel). */
  select(sheet: string, cell: string): Promise<void>;
  /** What 撤销上次回填 would do now; null when the workbook keeps no fill record. */
  previewUndo(): Promise<UndoReport | null>;
  /** Puts back the cells that still hold what the last fill wrote; null when there is nothing to undo. */
  undo(): Promise<UndoReport | null>;
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
