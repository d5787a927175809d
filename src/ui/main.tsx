// Starts the pane: inside Excel it works on the open workbook; anywhere else (Office.onReady gives no
// host, or office.js is absent) it is the offline web page working on an .xlsx file.

import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { WorkbookHost } from './host';
import { STRINGS } from './i18n';

/** How long to wait for Office before deciding this is a plain browser. */
const OFFICE_WAIT_MS = 4000;

function officeHostName(): Promise<string | null> {
  if (typeof Office === 'undefined') return Promise.resolve(null);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_WAIT_MS));
  return Promise.race([Office.onReady().then((info) => (info.host ? String(info.host) : null)), timeout]);
}

async function sample(): Promise<{ name: string; bytes: ArrayBuffer }> {
  const response = await fetch('assets/sample.xlsx');
  if (!response.ok) throw new Error(`assets/sample.xlsx: HTTP ${response.status}`);
  return { name: 'sample.xlsx', bytes: await response.arrayBuffer() };
}

async function start(): Promise<void> {
  const hostName = await officeHostName();
  let host: WorkbookHost;
  if (hostName === 'Excel') {
    const { excelHost } = await import(/* webpackChunkName: "excel" */ './hosts/excel');
    host = excelHost();
  } else {
    // The file gateway is only needed here: its own chunk, never loaded inside Excel.
    const { fileHost } = await import(/* webpackChunkName: "file" */ './hosts/file');
    host = fileHost();
  }
  const container = document.getElementById('root') as HTMLElement;
  createRoot(container).render(<App host={host} loadSample={host.kind === 'file' ? sample : undefined} />);
}

start().catch((error: unknown) => {
  // Without this the pane would stay blank (a chunk that did not load, a host that failed).
  console.error(error);
  const root = document.getElementById('root');
  if (root) root.textContent = STRINGS.zh.startFailed((error as Error)?.message ?? String(error));
});
