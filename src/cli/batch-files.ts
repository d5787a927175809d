// The files `selfeval batch` reviews: every file named, and every workbook under the folders named,
// folders within folders included, in name order. What is left out is said, never dropped silently.

import { readdirSync, realpathSync, statSync } from 'fs';
import { join, resolve } from 'path';
import { fileKind, shortNames, type SkippedFile } from '../engine/review';

export interface Found {
  /** Paths to read, and the names the review shows them by. */
  files: Array<{ path: string; name: string }>;
  skipped: SkippedFile[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * `inputs` as given on the command line; `output` (the review being written) is never read as a unit's
 * workbook, even when it lies in a folder reviewed.
 */
export function findWorkbooks(inputs: string[], output?: string): Found {
  const files: string[] = [];
  const skipped: Array<{ path: string; kind: SkippedFile['kind'] }> = [];
  const seen = new Set<string>();
  const target = output === undefined ? null : real(output);

  const visit = (folder: string) => {
    const here = real(folder);
    if (seen.has(here)) return; // a link back to a folder already walked
    seen.add(here);
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => byName(a.name, b.name));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      let folderHere = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          folderHere = statSync(path).isDirectory();
        } catch {
          folderHere = false; // a broken link: read as a file, and said to be missing
        }
      }
      if (folderHere) {
        if (!entry.name.startsWith('.')) visit(path);
        continue;
      }
      take(path, false);
    }
  };

  const take = (path: string, named: boolean) => {
    const key = real(path);
    if (seen.has(key)) return;
    seen.add(key);
    const kind = key === target ? 'output' : fileKind(path);
    // A file named on the command line is always read (but for the output): if it is no workbook, the review says why.
    if (kind === 'workbook' || (named && kind !== 'output')) files.push(path);
    else skipped.push({ path, kind });
  };

  for (const input of inputs) {
    let folder = false;
    try {
      folder = statSync(input).isDirectory();
    } catch {
      // not there: read as a file, which says it is not found
    }
    if (folder) visit(input);
    else take(input, true);
  }
  const names = shortNames([...files, ...skipped.map((s) => s.path)].map((p) => resolve(p)));
  return {
    files: files.map((path, i) => ({ path, name: names[i] })),
    skipped: skipped.map((s, i) => ({ file: names[files.length + i], kind: s.kind })),
  };
}
