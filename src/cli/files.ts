// Files the command line reads and writes. Reading: only a regular file of a size worth reading (never a
// FIFO or device: they would hang). Writing: beside the target, then renamed, so an interrupted run never
// leaves a half-written file and a failed one leaves no temporary file.

import { chmodSync, closeSync, fstatSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import { FileError, LIMITS } from '../gateways/xlsx';

/** The output cannot be written: said in one line, exit 2. */
export class OutputError extends Error {}

export interface OutputText {
  writeFailed: (file: string, why: string) => string;
  why: (code: string | undefined) => string;
  outputFolder: (file: string) => string;
}

export function readInput(file: string): Uint8Array {
  let stat;
  try {
    stat = statSync(resolve(file));
  } catch {
    throw new FileError('not-found', file);
  }
  if (!stat.isFile()) throw new FileError('not-file', file);
  if (stat.size > LIMITS.fileMB * 1024 * 1024) throw new FileError('too-large', file, { limit: LIMITS.fileMB });
  const fd = openSync(resolve(file), 'r');
  try {
    // The file may have been swapped between stat and open: check what was opened.
    if (!fstatSync(fd).isFile()) throw new FileError('not-file', file);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A symbolic link is written through (the link stays, its target gets the new content); an existing file keeps its permissions. */
export function writeAtomically(output: string, bytes: Uint8Array | string, t: OutputText): void {
  let target = resolve(output);
  let mode: number | null = null;
  try {
    target = realpathSync(target);
    mode = statSync(target).mode & 0o7777;
  } catch {
    // a new file: written where it is named, with the default permissions
  }
  if (isFolder(target)) throw new OutputError(t.outputFolder(output));
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes);
    if (mode !== null) chmodSync(temp, mode);
    renameSync(temp, target);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // never created
    }
    throw new OutputError(t.writeFailed(output, t.why((e as NodeJS.ErrnoException).code)));
  }
}
