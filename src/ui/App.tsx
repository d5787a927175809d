// The 绩效自评助手 pane: 校验, 计算并回填, 生成报告, what was found, and (on the web page) the file bar.
// Fits 320 px; every control is a labelled button or field reachable by keyboard.

import {
  Button, FluentProvider, makeStyles, ProgressBar, ToggleButton, tokens, webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { displayValue } from '../engine';
import { isFileHost, type WorkbookHost } from './host';
import { Preview, Written } from './components/Changes';
import { FilePanel } from './components/FilePanel';
import { IssueList } from './components/IssueList';
import { NoticeBar, Recognised, SettingsPanel } from './components/Panels';
import { useSession } from './useSession';

const useStyles = makeStyles({
  root: { boxSizing: 'border-box', maxWidth: '100%', padding: '10px', fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300 },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: '8px' },
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
  const session = useSession(host);
  const { strings: t, busy } = session;
  const [settingsOpen, setSettingsOpen] = useState(false);
  const file = isFileHost(host) ? host : null;

  useEffect(() => {
    if (!file || file.fileName() !== '' || !loadSample) return;
    void session.reload('open', async () => {
      const sample = await loadSample();
      await file.open(sample.name, sample.bytes);
    });
    // Only once, when the page opens.
  }, []);

  const download = () => session.perform('download', async () => {
    if (!file) return;
    const url = URL.createObjectURL(await file.download());
    const a = document.createElement('a');
    a.href = url;
    // The result keeps the input's extension: an .xlsm keeps its macros and Excel opens it only as .xlsm.
    const ext = /\.xlsm$/i.test(file.fileName()) ? '.xlsm' : '.xlsx';
    a.download = file.fileName().replace(/\.xls[xm]$/i, '') + `-已计算${ext}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });

  const selectedValue = file && session.selected ? displayValue(session.cellValue(session.selected), null) : null;

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root} lang={session.settings.lang === 'zh' ? 'zh-CN' : 'en-US'}>
        <header className={styles.header}>
          <h1 className={styles.title}>{t.appTitle}</h1>
          <ToggleButton size="small" appearance="subtle" checked={settingsOpen} aria-expanded={settingsOpen} onClick={() => setSettingsOpen(!settingsOpen)}>
            {settingsOpen ? t.closeSettings : t.settings}
          </ToggleButton>
        </header>
        {settingsOpen && (
          <SettingsPanel key={JSON.stringify(session.settings)} settings={session.settings} strings={t} busy={busy !== null}
            onSave={(s) => void session.saveSettings(s)} />
        )}
        {file && (
          <FilePanel strings={t} fileName={file.fileName() || t.file.sample} busy={busy !== null}
            onOpen={(chosen) => void session.reload('open', async () => file.open(chosen.name, await chosen.arrayBuffer()))}
            onDownload={() => void download()} />
        )}
        <div className={styles.actions}>
          <Button appearance="primary" disabled={busy !== null} onClick={() => void session.check()}>{t.check}</Button>
          <Button disabled={busy !== null} onClick={() => void session.prepareFill()}>{t.fill}</Button>
          <Button disabled={busy !== null} onClick={() => void session.writeReport()}>{t.report}</Button>
        </div>
        {busy && (
          <div className={styles.busy} role="status" aria-live="polite">
            <ProgressBar aria-label={t.busy[busy]} />
            {t.busy[busy]}
          </div>
        )}
        {session.notice && <NoticeBar notice={session.notice} strings={t} />}
        {session.pending && (
          <Preview plan={session.pending} strings={t} busy={busy !== null} onConfirm={() => void session.confirmFill()} onCancel={session.cancelFill} />
        )}
        {session.written && <Written writes={session.written} strings={t} />}
        {session.analysis && <Recognised analysis={session.analysis} strings={t} />}
        {session.analysis && (
          <IssueList issues={session.issues} strings={t} selected={session.selected} onSelect={(i) => void session.select(i)}
            cellText={file && session.selected ? t.cellValue(session.selected.cell, selectedValue ?? t.blank) : undefined} />
        )}
      </main>
    </FluentProvider>
  );
}
