// Chromium (Debian's, through playwright-core) on the built web page, served from this machine. Every
// request to another host is refused and remembered: the tests assert that none was made.
import { existsSync, mkdirSync } from 'fs';
import { join, resolve } from 'path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require('../../scripts/serve');

export const ROOT = resolve(__dirname, '../..');
export const SHOTS = join(ROOT, 'out', 'screenshots');
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/chromium-headless-shell'].find((p) => p && existsSync(p));

export interface Browsing {
  browser: Browser;
  url: string;
  /** A fresh browser context (its own storage) at 320 × 700 px, refusing requests that leave the machine. */
  context(): Promise<BrowserContext>;
  /** Requests to other hosts, refused. */
  outside: string[];
  close(): Promise<void>;
}

export async function startBrowsing(): Promise<Browsing> {
  if (!CHROMIUM) throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM_PATH');
  if (!existsSync(join(ROOT, 'dist/web/taskpane.html'))) throw new Error('dist/web is not built: run npm run build:web');
  mkdirSync(SHOTS, { recursive: true });
  const started = await serve({ port: 0, secure: false });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const outside: string[] = [];
  return {
    browser,
    url: started.url,
    outside,
    async context() {
      const context = await browser.newContext({ viewport: { width: 320, height: 700 }, acceptDownloads: true, locale: 'zh-CN' });
      await context.route('**/*', (route) => {
        const host = new URL(route.request().url()).hostname;
        if (host === 'localhost' || host === '127.0.0.1') return route.continue();
        outside.push(route.request().url());
        return route.abort();
      });
      return context;
    },
    async close() {
      await browser.close();
      started.server.close();
    },
  };
}
