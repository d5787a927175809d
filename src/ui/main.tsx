// Starts the pane. Inside Office (the page carries Office's host information) it loads office.js from
// Microsoft's CDN, waits for Office as long as Office takes, and works on the open workbook; if
// office.js cannot be loaded it says so. Anywhere else it is the offline web page working on an .xlsx
// file: no office.js, nothing sent off the machine.

import { createRoot, type Root } from 'react-dom/client';
import { App } from './App';
import { Starting } from './components/Starting';
import type { WorkbookHost } from './host';
import { STRINGS } from './i18n';
import { loadOfficeJs, officeHostInfo, officeLocale } from './office';

/** After this long without Office, the pane says it is still waiting (and keeps waiting). */
const PATIENCE_MS = 10_000;

async function sample(): Promise<{ name: string; bytes: ArrayBuffer }> {
  const response = await fetch('assets/sample.xlsx');
  if (!response.ok) throw new Error(`assets/sample.xlsx: HTTP ${response.status}`);
  return { name: 'sample.xlsx', bytes: await response.arrayBuffer() };
}

async function insideOffice(root: Root, hostInfo: string): Promise<void> {
  const t = STRINGS[/^en/i.test(officeLocale(hostInfo)) ? 'en' : 'zh'];
  root.render(<Starting text={t.boot.connecting} />);
  try {
    await loadOfficeJs();
  } catch {
    root.render(<Starting text={t.boot.officeJsFailed} failed />);
    return;
  }
  const patience = setTimeout(() => root.render(<Starting text={t.boot.connecting} hint={t.boot.waiting} />), PATIENCE_MS);
  const info = await Office.onReady();
  clearTimeout(patience);
  if (info.host !== Office.HostType.Excel) {
    root.render(<Starting text={t.boot.notExcel(String(info.host ?? '?'))} failed />);
    return;
  }
  const { excelHost } = await import(/* webpackChunkName: "excel" */ './hosts/excel');
  root.render(<App host={excelHost()} />);
}

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const hostInfo = officeHostInfo();
  if (hostInfo) return insideOffice(root, hostInfo);
  // The file reader is only needed here: its own chunk, never loaded inside Excel.
  const { fileHost } = await import(/* webpackChunkName: "file" */ './hosts/file');
  const host: WorkbookHost = fileHost();
  root.render(<App host={host} loadSample={sample} />);
}

start().catch((error: unknown) => {
  // Without this the pane would stay blank (a chunk that did not load, a host that failed).
  console.error(error);
  const root = document.getElementById('root');
  if (root) root.textContent = STRINGS.zh.startFailed((error as Error)?.message ?? String(error));
});
