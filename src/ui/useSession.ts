// The pane's state and its three actions. Orchestration only: the engine decides, the host reads and writes.

import { useCallback, useRef, useState } from 'react';
import { analyse, type Analysis, type CellWrite, draftReport, type Issue, parseA1, type Plan, type WorkbookSnapshot } from '../engine';
import type { Settings, WorkbookHost } from './host';
import { STRINGS, type Strings } from './i18n';

export type Busy = keyof Strings['busy'];
export type Notice = { intent: 'success' | 'error' | 'info'; text: string };

export interface Session {
  settings: Settings;
  strings: Strings;
  busy: Busy | null;
  analysis: Analysis | null;
  issues: Issue[];
  pending: Plan | null;
  written: CellWrite[] | null;
  notice: Notice | null;
  selected: Issue | null;
  check(): Promise<void>;
  prepareFill(): Promise<void>;
  confirmFill(): Promise<void>;
  cancelFill(): void;
  writeReport(): Promise<void>;
  select(issue: Issue): Promise<void>;
  saveSettings(settings: Settings): Promise<void>;
  /** Runs work that reads a new workbook (a file opened on the web page), then checks it. */
  reload(busy: Busy, work: () => Promise<void>): Promise<void>;
  /** Runs other host work (a download) with the same progress and error reporting. */
  perform(busy: Busy, work: () => Promise<void>): Promise<void>;
  cellValue(issue: Issue): unknown;
}

export function useSession(host: WorkbookHost): Session {
  const [settings, setSettings] = useState<Settings>(() => host.settings.load());
  const [busy, setBusy] = useState<Busy | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [pending, setPending] = useState<Plan | null>(null);
  const [written, setWritten] = useState<CellWrite[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [selected, setSelected] = useState<Issue | null>(null);
  const snapshot = useRef<WorkbookSnapshot | null>(null);
  const strings = STRINGS[settings.lang];

  const run = useCallback(async (label: Busy, work: () => Promise<void>) => {
    setBusy(label);
    setNotice(null);
    try {
      await work();
    } catch (error) {
      console.error(error); // the full error for whoever opens the console; the user gets the message
      setNotice({ intent: 'error', text: host.describeError(error, settings.lang) });
    } finally {
      setBusy(null);
    }
  }, [host, settings.lang]);

  /** Reads and analyses the workbook as it is now. */
  const refresh = useCallback(async (s: Settings = settings): Promise<Analysis> => {
    const snap = await host.read();
    snapshot.current = snap;
    const result = analyse(snap, { profile: s.profile, lang: s.lang });
    setAnalysis(result);
    setIssues([...(host.notes?.(s.lang) ?? []), ...result.issues]);
    setSelected(null);
    return result;
  }, [host, settings]);

  const check = () => run('check', async () => {
    setWritten(null);
    setPending(null);
    await refresh();
  });

  const prepareFill = () => run('check', async () => {
    setWritten(null);
    const result = await refresh();
    setPending(result.plan);
  });

  const confirmFill = () => run('fill', async () => {
    if (!pending) return;
    const done = await host.apply(pending);
    setPending(null);
    setWritten(done);
    await refresh();
    setNotice({ intent: 'success', text: strings.written(done.length) });
  });

  const writeReport = () => run('report', async () => {
    const current = await refresh();
    // Drafted from the figures as filled, so it never quotes a total that filling corrects.
    const summary = draftReport(snapshot.current as WorkbookSnapshot, { profile: settings.profile, lang: settings.lang, year: settings.year, unitName: settings.unitName });
    // No table recognised: nothing to report on (as the CLI refuses); the check's message says what to do.
    if (!summary) {
      setNotice({ intent: 'error', text: current.issues.find((i) => i.rule === 'workbook.no-table')?.message ?? '' });
      return;
    }
    const name = await host.writeSummary(summary.sheet);
    setNotice({ intent: 'success', text: host.kind === 'file' ? strings.reportWrittenFile(name) : strings.reportWritten(name) });
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
    setNotice({ intent: 'success', text: STRINGS[next.lang][host.settings.where === 'workbook' ? 'settingsSaved' : 'settingsSavedLocal'] });
  });

  const reload = (label: Busy, work: () => Promise<void>) => run(label, async () => {
    await work();
    setWritten(null);
    setPending(null);
    await refresh();
  });

  const cellValue = (issue: Issue): unknown => {
    const sheet = snapshot.current?.sheets.find((s) => s.name === issue.sheet);
    const { row, col } = parseA1(issue.cell);
    return sheet?.values[row]?.[col] ?? null;
  };

  return {
    settings, strings, busy, analysis, issues, pending, written, notice, selected,
    check, prepareFill, confirmFill, cancelFill: () => setPending(null), writeReport, select, saveSettings, reload, cellValue,
    perform: run,
  };
}
