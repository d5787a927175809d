// The 绩效自评助手 pane: 校验, 计算并回填, 生成报告, 撤销上次回填, what was found, and (on the web page)
// the file bar. Fits 320 px; every control is a labelled button or field reachable by keyboard.

import {
  Button, FluentProvider, makeStyles, ProgressBar, ToggleButton, tokens, webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { displayValue } from '../engine';
import { cellContext } from './cellContext';
import { BatchPanel } from './components/BatchPanel';
import { Preview, UndoPreview, Written } from './components/Changes';
import { FilePanel } from './components/FilePanel';
import { IssueList } from './components/IssueList';
import { NoticeBar, Recognised, SettingsPanel } from './components/Panels';
import { ReportPreview } from './components/ReportPreview';
import { TemplatePanel } from './components/TemplatePanel';
import { isFileHost, type WorkbookHost } from './host';
import { useTemplateMemory } from './template';
import { useSession } from './useSession';

const useStyles = makeStyles({
  root: { boxSizing: 'border-box', maxWidth: '100%', padding: '10px', fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300 },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '4px', marginBottom: '8px' },
  tools: { display: 'flex', gap: '2px', flexShrink: 0 },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  actions: { display: 'flex', gap: '6px', flexWrap: 'wrap', marginBottom: '8px' },
  busy: { marginBottom: '8px', fontSize: tokens.fontSizeBase200 },
});

export interface AppProps {
  host: WorkbookHost;
  /** The web page opens with this workbook when no file was chosen. */
  loadSample?: () => Promise<{ name: string; bytes: ArrayBuffer }>;
}

export function App({ host, loadSample }: AppProps) {
  const styles = useStyles();
  const memory = useTemplateMemory();
  const session = useSession(host, memory.template);
  const { strings: t, busy } = session;
  const [settingsOpen, setSettingsOpen] = useState(false);
  /** On the web page: the bureau's review of many workbooks instead of the one open. */
  const [batchOpen, setBatchOpen] = useState(false);
  const notice = useRef<HTMLDivElement>(null);
  const file = isFileHost(host) ? host : null;

  useEffect(() => {
    if (!file || file.fileName() !== '' || !loadSample) return;
    void session.reload('open', async () => {
      const sample = await loadSample();
      await file.open(sample.name, sample.bytes);
    });
    // Only once, when the page opens.
  }, []);

  // A template chosen or forgotten: the workbook checked against it at once.
  const checkedOnce = session.analysis !== null;
  useEffect(() => {
    if (checkedOnce) void session.check();
  }, [memory.template]);

  // When the button that acted goes away (确认写入, 确认撤销), focus moves to what it did, not to the page.
  useEffect(() => {
    if (session.notice && (document.activeElement === document.body || document.activeElement === null)) notice.current?.focus();
  }, [session.notice]);

  const download = () => session.perform('download', async () => {
    if (!file) return;
    // The result keeps the input's extension: an .xlsm keeps its macros and Excel opens it only as .xlsm.
    const ext = /\.xlsm$/i.test(file.fileName()) ? '.xlsm' : '.xlsx';
    const name = `${file.fileName().replace(/\.xls[xm]$/i, '')}-已计算${ext}`;
    const url = URL.createObjectURL(await file.download());
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return t.file.downloaded(name);
  });

  const cellLines = (() => {
    if (!file || !session.selected || !session.analysis || !session.snapshot) return null;
    const c = cellContext(session.analysis, session.snapshot, session.selected.sheet, session.selected.cell);
    return [
      `${session.selected.cell} · ${t.cellRow(c.row)}`,
      c.project ? t.labelled(t.cellProject, c.project) : '',
      c.indicator ? t.labelled(t.cellIndicator, c.indicator) : '',
      c.column ? t.labelled(t.cellColumn, c.column) : '',
      t.labelled(t.cellHolds, displayValue(c.value, null) ?? t.blank),
    ].filter(Boolean);
  })();

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root} lang={session.settings.lang === 'zh' ? 'zh-CN' : 'en-US'}>
        <header className={styles.header}>
          <h1 className={styles.title}>{batchOpen ? t.batch.title : t.appTitle}</h1>
          <div className={styles.tools}>
            {file && (
              <ToggleButton size="small" appearance="subtle" checked={batchOpen} disabled={busy !== null} onClick={() => setBatchOpen(!batchOpen)}>
                {batchOpen ? t.batch.close : t.batch.open}
              </ToggleButton>
            )}
            <ToggleButton size="small" appearance="subtle" checked={settingsOpen} aria-expanded={settingsOpen} onClick={() => setSettingsOpen(!settingsOpen)}>
              {settingsOpen ? t.closeSettings : t.settings}
            </ToggleButton>
          </div>
        </header>
        {settingsOpen && (
          <SettingsPanel key={JSON.stringify(session.settings)} settings={session.settings} strings={t} busy={busy !== null}
            onSave={(s) => void session.saveSettings(s)} />
        )}
        {batchOpen && file && (
          <>
            <TemplatePanel strings={t} lang={session.settings.lang} template={memory.template} remembered={memory.remembered} busy={false}
              onChoose={(chosen) => void session.perform('open', async () => { await memory.choose(chosen.name, new Uint8Array(await chosen.arrayBuffer())); })}
              onForget={memory.forget} />
            <BatchPanel strings={t} template={memory.template} />
          </>
        )}
        {!batchOpen && <>
        {file && (
          <FilePanel strings={t} fileName={file.fileName() || t.file.sample} busy={busy !== null}
            onOpen={(chosen) => void session.reload('open', async () => file.open(chosen.name, await chosen.arrayBuffer()))}
            onDownload={() => void download()} />
        )}
        <TemplatePanel strings={t} lang={session.settings.lang} template={memory.template} remembered={memory.remembered} busy={busy !== null}
          onChoose={(chosen) => void session.perform('open', async () => { await memory.choose(chosen.name, new Uint8Array(await chosen.arrayBuffer())); })}
          onForget={memory.forget} />
        <div className={styles.actions}>
          <Button appearance="primary" disabled={busy !== null} onClick={() => void session.check()}>{t.check}</Button>
          <Button disabled={busy !== null} onClick={() => void session.prepareFill()}>{t.fill}</Button>
          <Button disabled={busy !== null} onClick={() => void session.writeReport()}>{t.report}</Button>
          {session.undoable && <Button disabled={busy !== null} onClick={() => void session.prepareUndo()}>{t.undo}</Button>}
        </div>
        {busy && (
          <div className={styles.busy} role="status" aria-live="polite">
            <ProgressBar aria-label={t.busy[busy]} />
            {t.busy[busy]}
          </div>
        )}
        {session.notice && <NoticeBar ref={notice} notice={session.notice} strings={t} />}
        {session.pending && (
          <Preview plan={session.pending} strings={t} busy={busy !== null} onConfirm={() => void session.confirmFill()} onCancel={session.cancelFill} />
        )}
        {session.undoPending && (
          <UndoPreview report={session.undoPending} strings={t} busy={busy !== null} onConfirm={() => void session.confirmUndo()} onCancel={session.cancelUndo} />
        )}
        {session.written && <Written writes={session.written} strings={t} />}
        {file && session.report && <ReportPreview report={session.report} strings={t} />}
        {session.analysis && <Recognised analysis={session.analysis} strings={t} lang={session.settings.lang} profileFrom={session.profileFrom} comparison={session.comparison} />}
        {session.analysis && (
          <IssueList issues={session.issues} strings={t} selected={session.selected} onSelect={(i) => void session.select(i)} cellLines={cellLines} />
        )}
        </>}
      </main>
    </FluentProvider>
  );
}
