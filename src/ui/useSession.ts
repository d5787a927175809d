// The pane's state and its actions. Orchestration only: the engine decides, the host reads and writes.

import { useCallback, useRef, useState } from 'react';
import {
  type AnalyseOptions, analyse, type Analysis, type CellWrite, conform, displayValue, draftReport, getProfile, nothingToReport, type Issue, type Plan, type ReportDocument, sortIssues,
  type WorkbookSnapshot,
} from '../engine';
import type { Settings, UndoReport, WorkbookHost } from './host';
import { STRINGS, type Strings } from './i18n';
import type { ChosenTemplate } from './template';

export type Busy = keyof Strings['busy'];
export type Notice = { intent: 'success' | 'error' | 'info' | 'warning'; text: string };

export interface Session {
  settings: Settings;
  strings: Strings;
  busy: Busy | null;
  analysis: Analysis | null;
  snapshot: WorkbookSnapshot | null;
  issues: Issue[];
  pending: Plan | null;
  written: CellWrite[] | null;
  notice: Notice | null;
  selected: Issue | null;
  /** The workbook keeps its last fill's record: 撤销上次回填 is offered. */
  undoable: boolean;
  undoPending: UndoReport | null;
  /** The last report drafted (shown as a preview on the web page). */
  report: ReportDocument | null;
  /** The last check against the bureau's template: how many differences; null without a template. */
  comparison: { name: string; count: number } | null;
  /** Where the profile of the last check came from: the chosen template's, or as the analysis says. */
  profileFrom: Analysis['profileSource'] | 'template';
  check(): Promise<void>;
  prepareFill(): Promise<void>;
  confirmFill(): Promise<void>;
  cancelFill(): void;
  writeReport(): Promise<void>;
  prepareUndo(): Promise<void>;
  confirmUndo(): Promise<void>;
  cancelUndo(): void;
  select(issue: Issue): Promise<void>;
  saveSettings(settings: Settings): Promise<void>;
  /** Runs work that opens another workbook (a file on the web page): its own settings, then a check. */
  reload(busy: Busy, work: () => Promise<void>): Promise<void>;
  /** Runs other host work (a download) with the same progress and error reporting; `done` is said after. */
  perform(busy: Busy, work: () => Promise<string | void>): Promise<void>;
}

/** "2025-03-01 10:22" in local time. */
function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Changed cells as the user reads them: "项目汇总表!I6（现为 88）、…", at most eight. */
function changedCells(report: UndoReport, t: Strings): string {
  const shown = report.plan.changed.slice(0, 8).map((c) => {
    const where = `${c.sheet}!${c.cell}`;
    if (c.now === null) return t.sheetGone(where);
    if (c.now.formula !== undefined) return t.changedFormula(where);
    return t.changedTo(where, displayValue(c.now.value, null) ?? t.blank);
  });
  return shown.join(t.listSeparator) + (report.plan.changed.length > 8 ? '…' : '');
}

/**
 * How to score: the profile chosen in the settings; else the one the template carries (when comparing
 * with one); else the one the workbook carries, else the national default (the engine decides those).
 */
function scoring(s: Settings, template: ChosenTemplate | null): AnalyseOptions {
  return { profile: s.profile || template?.carried?.profile || undefined, lang: s.lang, year: s.year, unitNameCell: template?.carried?.settings?.unitName };
}

export function useSession(host: WorkbookHost, template: ChosenTemplate | null = null): Session {
  const [settings, setSettings] = useState<Settings>(() => host.settings.load());
  const [busy, setBusy] = useState<Busy | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [pending, setPending] = useState<Plan | null>(null);
  const [written, setWritten] = useState<CellWrite[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [selected, setSelected] = useState<Issue | null>(null);
  const [undoable, setUndoable] = useState(false);
  const [undoPending, setUndoPending] = useState<UndoReport | null>(null);
  const [report, setReport] = useState<ReportDocument | null>(null);
  const [comparison, setComparison] = useState<Session['comparison']>(null);
  const snapshot = useRef<WorkbookSnapshot | null>(null);
  const recorded = useRef(false);
  const strings = STRINGS[settings.lang];

  const run = useCallback(async (label: Busy, work: () => Promise<void>, lang = settings.lang) => {
    setBusy(label);
    setNotice(null);
    try {
      await work();
    } catch (error) {
      console.error(error); // the full error for whoever opens the console; the user gets the message
      setNotice({ intent: 'error', text: host.describeError(error, lang) });
    } finally {
      setBusy(null);
    }
  }, [host, settings.lang]);

  /** Reads and analyses the workbook as it is now. */
  const refresh = useCallback(async (s: Settings = settings): Promise<Analysis> => {
    const read = await host.read();
    snapshot.current = read.snapshot;
    recorded.current = read.undoable;
    setUndoable(read.undoable);
    const result = analyse(read.snapshot, scoring(s, template));
    setAnalysis(result);
    // What the host noticed, for the sheets the tables are on only: a clerk cannot act on the others.
    const used = new Set([...result.model.lists, ...result.model.indicatorLists, ...result.model.forms, ...result.model.departments, ...result.model.unfilled.forms, ...result.model.unfilled.indicatorLists, ...result.model.unfilled.departments].map((t) => t.sheet));
    const diffs = template ? conform(template.snapshot, read.snapshot, { profile: (s.profile ? getProfile(s.profile) : template.carried?.profile) ?? undefined, lang: s.lang }) : [];
    setIssues([...(host.notes?.(s.lang) ?? []).filter((i) => used.has(i.sheet)), ...sortIssues([...result.issues, ...diffs], read.snapshot)]);
    setComparison(template ? { name: template.name, count: diffs.length } : null);
    setSelected(null);
    return result;
  }, [host, settings, template]);

  const clear = () => {
    setWritten(null);
    setPending(null);
    setUndoPending(null);
  };

  const check = () => run('check', async () => {
    clear();
    await refresh();
  });

  const prepareFill = () => run('check', async () => {
    clear();
    const result = await refresh();
    setPending(result.plan);
  });

  const confirmFill = () => run('fill', async () => {
    if (!pending) return;
    const done = await host.apply(pending);
    setPending(null);
    setWritten(done);
    await refresh();
    // A fill too large to record leaves nothing to undo: said, not discovered later.
    setNotice(recorded.current || done.length === 0
      ? { intent: 'success', text: strings.written(done.length) }
      : { intent: 'warning', text: `${strings.written(done.length)}${strings.gap}${strings.notRecorded}` });
  });

  const writeReport = () => run('report', async () => {
    const current = await refresh();
    // Drafted from the figures as filled, so it never quotes a total that filling corrects.
    const summary = draftReport(snapshot.current as WorkbookSnapshot, { ...scoring(settings, template), year: settings.year, unitName: settings.unitName });
    // No table recognised, or only blank ones: nothing to report on (as the CLI refuses); say why.
    if (!summary) {
      setNotice({ intent: 'error', text: nothingToReport(current) });
      return;
    }
    const name = await host.writeSummary(summary.sheet);
    setReport(summary.document);
    setNotice({ intent: 'success', text: host.kind === 'file' ? strings.reportWrittenFile(name) : strings.reportWritten(name) });
  });

  const prepareUndo = () => run('undo', async () => {
    clear();
    const found = await host.previewUndo();
    if (!found) {
      setUndoable(false);
      setNotice({ intent: 'info', text: strings.undoNothing });
      return;
    }
    setUndoPending(found);
  });

  const confirmUndo = () => run('undo', async () => {
    const done = await host.undo();
    setUndoPending(null);
    await refresh();
    if (!done || done.plan.restore.length === 0) {
      setNotice({ intent: 'info', text: done ? `${strings.undoNothingLeft}${done.plan.changed.length ? `${strings.gap}${strings.undoneKept(done.plan.changed.length, changedCells(done, strings))}` : ''}` : strings.undoNothing });
      return;
    }
    const kept = done.plan.changed.length ? `${strings.gap}${strings.undoneKept(done.plan.changed.length, changedCells(done, strings))}` : '';
    setNotice({ intent: kept ? 'warning' : 'success', text: `${strings.undone(done.plan.restore.length)}${kept}` });
  });

  const select = async (issue: Issue) => {
    setSelected(issue);
    try {
      await host.select(issue.sheet, issue.cell);
    } catch (error) {
      setNotice({ intent: 'error', text: host.describeError(error, settings.lang) });
    }
  };

  const saveSettings = (next: Settings) => run('check', async () => {
    await host.settings.save(next);
    setSettings(next);
    // Messages are rendered in the chosen language: check again when one was shown.
    if (snapshot.current) await refresh(next);
    setNotice({ intent: 'success', text: STRINGS[next.lang][host.kind === 'file' ? 'settingsSavedFile' : 'settingsSaved'] });
  }, next.lang);

  const reload = (label: Busy, work: () => Promise<void>) => run(label, async () => {
    await work();
    clear();
    setReport(null);
    // Another workbook, its own settings: nothing of the last one carries over.
    const own = host.settings.load();
    setSettings(own);
    await refresh(own);
  });

  const perform = (label: Busy, work: () => Promise<string | void>) => run(label, async () => {
    const done = await work();
    if (done) setNotice({ intent: 'success', text: done });
  });

  return {
    settings, strings, busy, analysis, snapshot: snapshot.current, issues, pending, written, notice, selected, undoable, undoPending, report, comparison,
    profileFrom: !settings.profile && template?.carried?.profile ? 'template' : analysis?.profileSource ?? 'default',
    check, prepareFill, confirmFill, cancelFill: () => setPending(null), writeReport, prepareUndo, confirmUndo, cancelUndo: () => setUndoPending(null),
    select, saveSettings, reload, perform,
  };
}

export { changedCells, when };
