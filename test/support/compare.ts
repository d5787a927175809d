// Comparing a package before and after `fill`, part by part and cell element by cell element; and
// opening files in LibreOffice (headless, a private profile each run) to see that they load.
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { strFromU8 } from 'fflate';
import { parts } from './packages';

export interface PartChanges {
  changed: string[];
  added: string[];
  removed: string[];
}

export function partChanges(before: Uint8Array, after: Uint8Array): PartChanges {
  const a = parts(before);
  const b = parts(after);
  const same = (x: Uint8Array, y: Uint8Array) => x.length === y.length && x.every((v, i) => v === y[i]);
  return {
    changed: Object.keys(a).filter((n) => n in b && !same(a[n], b[n])).sort(),
    added: Object.keys(b).filter((n) => !(n in a)).sort(),
    removed: Object.keys(a).filter((n) => !(n in b)).sort(),
  };
}

export function text(bytes: Uint8Array, name: string): string {
  const p = parts(bytes)[name];
  if (!p) throw new Error(`no part ${name}`);
  return strFromU8(p);
}

/** A worksheet without its sheetData content and without its <dimension> (the two places a fill may change). */
export function outsideSheetData(xml: string): string {
  return xml
    .replace(/<((?:\w+:)?sheetData)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/, '<sheetData/>')
    .replace(/<(?:\w+:)?dimension\b[^>]*\/>/, '');
}

/** Each <c> element of a worksheet as written, by its address. */
export function cellElements(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<((?:\w+:)?c)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g)) {
    const r = /\sr="([A-Z]+\d+)"/.exec(m[0]);
    if (r) out.set(r[1], m[0]);
  }
  return out;
}

/**
 * Opens each file in LibreOffice and saves it again as .xlsx (one soffice run, a private profile): the
 * names of the files LibreOffice could not load.
 */
export function libreOfficeFailures(files: string[]): string[] {
  const out = mkdtempSync(join(tmpdir(), 'selfeval-lo-out-'));
  const profile = mkdtempSync(join(tmpdir(), 'lo-selfeval-'));
  // Files of one name would overwrite each other's result: each input has its own name in the tests.
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', out, ...files], { stdio: 'pipe', timeout: 180_000 });
  return files.filter((f) => !existsSync(join(out, basename(f).replace(/\.xls[xm]$/i, '.xlsx'))));
}

/** A file LibreOffice saved (convert-to xlsx with a private profile). */
export function saveWithLibreOffice(file: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'lo-selfeval-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, file], { stdio: 'pipe', timeout: 120_000 });
  const saved = join(outDir, basename(file).replace(/\.xls[xm]$/i, '.xlsx'));
  if (!existsSync(saved)) throw new Error(`LibreOffice did not save ${file}`);
  return saved;
}
