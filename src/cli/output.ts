// Files the command line writes: beside the target, then renamed, so an interrupted run never leaves a
// half-written file.

import { renameSync, writeFileSync } from 'fs';
import { resolve } from 'path';

/** The output cannot be written: said in one line, exit 2. */
export class OutputError extends Error {}

export function writeAtomically(output: string, bytes: Uint8Array | string, t: { writeFailed: (file: string, why: string) => string }): void {
  const temp = `${resolve(output)}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, resolve(output));
  } catch (e) {
    throw new OutputError(t.writeFailed(output, (e as Error).message));
  }
}
