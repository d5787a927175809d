// Whether the page runs inside Office, and office.js loaded only then. Office tells a task pane it is
// one the way office.js itself looks for it: the `_host_Info` query parameter (or, on some hosts, the
// webview's GetHostInfo, the window name, or the session's stored value). A plain browser has none of
// these: the web page then loads no office.js and sends nothing off the machine.

/** office.js from Microsoft's CDN: the copy Office supports, with the current requirement sets. */
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The host information ("Excel$Win32$16.01$zh-CN$…") when the page is an Office task pane, else null. */
export function officeHostInfo(win: Window = window): string | null {
  try {
    const external = (win as unknown as { external?: { GetHostInfo?: () => string } }).external;
    if (typeof external?.GetHostInfo === 'function') {
      const info = external.GetHostInfo();
      if (info) return info.split('_host_Info=').pop() ?? info;
    }
  } catch {
    // Not an Office webview.
  }
  const query = /[?&]_host_Info=([^&#]*)/.exec(win.location.search)?.[1];
  if (query) return decodeURIComponent(query);
  try {
    const named = JSON.parse(win.name) as { hostInfo?: string } | null;
    if (named?.hostInfo) return named.hostInfo;
  } catch {
    // The window name is not Office's JSON.
  }
  try {
    return win.sessionStorage.getItem('hostInfoValue');
  } catch {
    return null; // storage blocked
  }
}

/** The Office UI language from the host information ("Excel$Web$16.01$en-US$…" → "en-US"). */
export function officeLocale(hostInfo: string): string {
  const parts = hostInfo.split(/[$|]/);
  return parts[3] ?? '';
}

/** Adds office.js to the page; rejects when it cannot be fetched (offline, blocked) within `timeoutMs`. */
export function loadOfficeJs(doc: Document = document, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    const timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
    script.src = OFFICE_JS;
    script.onload = () => {
      clearTimeout(timer);
      resolve();
    };
    script.onerror = () => {
      clearTimeout(timer);
      reject(new Error('not loaded'));
    };
    doc.head.appendChild(script);
  });
}
