// `selfeval batch`: the bureau's review of many units' workbooks in one step. Every workbook under the
// folders named (and every file named) is checked by the same engine, on all cores; a file that cannot
// be used is a row with its reason, never the end of the run. The review (审核汇总.xlsx) is built by the
// same pure code as on the web page.

import { existsSync } from 'fs';
import { extname } from 'path';
import { availableParallelism } from 'os';
import type { Lang } from '../engine';
import { buildReview, type Review, unitStatus } from '../engine/review';
import { reviewWorkbook } from '../gateways/xlsx/review';
import { findWorkbooks } from './batch-files';
import { batchJson, type Translations } from './batch-json';
import { runPool, workersAvailable } from './batch-pool';
import { BT } from './batch-text';
import { isFolder, OutputError, writeAtomically } from './files';
import { displayWidth, Progress, type ProgressStream } from './progress';
import { T } from './text';

export interface BatchOptions {
  inputs: string[];
  /** --profile and --template as given: each worker reads them itself. */
  profile?: string;
  template?: string;
  year?: number;
  json: boolean;
  lang: Lang;
  /** The review workbook (.xlsx). */
  output?: string;
  /** Worker threads (--jobs); by default one per core (fewer for a few files). */
  jobs?: number;
}

export interface BatchIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Where the progress bar goes when it is a terminal (stderr). */
  progress?: ProgressStream;
}

/** A problem with the command's arguments: one line, exit code 2. */
export class BatchError extends Error {}

export function parseJobs(value: string | undefined, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new BatchError(BT[lang].badJobs(value));
  return n;
}

/**
 * One thread per core, but not for a handful of files: a worker thread takes about as long to start, and
 * to warm up, as checking ten township workbooks. (Not by the machine's load: the same command should
 * run the same way; --jobs 1 suits a busy machine.)
 */
function defaultJobs(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / 10)));
}

const pad = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - displayWidth(text)));
const percent = (rate: string | null) => (rate === null ? '' : `${(Number(rate) * 100).toFixed(2)}%`);

function table(review: Review, lang: Lang, translations: Translations): string[] {
  const t = BT[lang];
  const rows = review.units.map((u) => {
    const status = unitStatus(u);
    const reason = translations.get(u)?.reason ?? u.reason;
    return [
      u.file, u.unit ?? '', percent(u.executionRate), u.department?.converted ?? '', u.errors === null ? '' : String(u.errors),
      u.warnings === null ? '' : String(u.warnings), status === 'unreadable' ? t.unreadable(reason ?? '') : t.status[status],
    ];
  });
  const widths = t.head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  return [t.head, ...rows].map((line) => line.map((c, i) => (i === line.length - 1 ? c : pad(c, widths[i]))).join('  ').trimEnd());
}

export async function batch(o: BatchOptions, io: BatchIo): Promise<number> {
  const t = BT[o.lang];
  if (o.output !== undefined) {
    if (isFolder(o.output)) throw new OutputError(T[o.lang].outputFolder(o.output));
    if (extname(o.output).toLowerCase() !== '.xlsx') throw new BatchError(t.outputExtension);
  }
  // A path that is not there is a slip in the command, not a unit's file: said before any work.
  const missing = o.inputs.find((input) => !existsSync(input));
  if (missing !== undefined) throw new BatchError(t.notFound(missing));
  const began = performance.now();
  const found = findWorkbooks(o.inputs, o.output);
  if (found.files.length === 0) {
    if (found.skipped.length) io.err(t.skipped(found.skipped));
    throw new BatchError(t.noWorkbooks(o.inputs.join(o.lang === 'zh' ? '、' : ', ')));
  }

  const jobs = o.jobs ?? defaultJobs(found.files.length);
  const threads = workersAvailable() ? Math.min(jobs, found.files.length) : 1;
  const progress = io.progress && Progress.wanted(io.progress, o.json) ? new Progress(io.progress, found.files.length, o.lang) : null;
  const results = await runPool(found.files, { profile: o.profile, template: o.template, year: o.year, lang: o.lang }, jobs, {
    started: (task) => progress?.started(task.name),
    finished: () => progress?.finished(),
  });
  progress?.end();
  const seconds = (performance.now() - began) / 1000;

  const units = results.flatMap((r) => (r.unit ? [r.unit] : []));
  const skipped = [...found.skipped, ...found.files.filter((_, i) => results[i].unit === null).map((f) => ({ file: f.name, kind: 'review' as const }))];
  const review = buildReview(units, skipped);
  const translations: Translations = new Map(results.flatMap((r) => (r.unit && r.en ? [[r.unit, r.en] as const] : [])));
  const faults = results.filter((r) => r.fault);
  for (const r of faults) io.err(t.fault(r.unit?.file ?? '', r.fault ?? ''));
  if (o.output) writeAtomically(o.output, reviewWorkbook(review), T[o.lang]);

  if (o.json) {
    io.out(JSON.stringify(batchJson(review, seconds, translations), null, 2));
  } else {
    for (const line of table(review, o.lang, translations)) io.out(line);
    const s = review.totals;
    io.out('');
    io.out(`${t.done(s.files, threads, seconds)}${o.lang === 'zh' ? '' : ' '}${t.totals(s.readable, s.unreadable, s.returned, s.errors, s.warnings)}`);
    if (review.skipped.length) io.out(t.skipped(review.skipped));
    io.out(o.output ? t.written(o.output) : t.noOutput);
  }
  if (o.json && review.skipped.length) io.err(t.skipped(review.skipped));
  if (faults.length) return 3;
  return review.totals.returned > 0 ? 1 : 0;
}
