// `selfeval check|fill`: the finance bureau's batch door. No business logic here: read, analyse, print, write.

import { chmodSync, closeSync, fstatSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'fs';
import { basename, dirname, extname, join, resolve } from 'path';
import { parseArgs } from 'util';
import {
  analyse, type Analysis, type CellWrite, displayValue, type Issue, type Lang, PROFILES, reportMarkdown, reportText, summarise,
  type SummaryOptions, UnknownProfileError, type WorkbookSnapshot,
} from '../engine';
import { reportDocx } from '../gateways/docx';
import { applyPlanToSnapshot } from '../gateways/memory';
import {
  applyPlan, FileError, fileIssues, LIMITS, type OpenedWorkbook, readWorkbookSync, sheetNameProblem, workbookBytes, writeSummary,
} from '../gateways/xlsx';
import { toJson } from './json';
import { SEVERITY, T, USAGE } from './text';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const consoleIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export const EXIT = { ok: 0, errors: 1, unusable: 2 } as const;

class UsageError extends Error {}

function usage(lang: Lang): string {
  const profiles = Object.values(PROFILES).map((p) => `${p.name}（${p.label[lang]}）`).join(lang === 'zh' ? '、' : ', ');
  return USAGE[lang].replace('PROFILES', profiles);
}

function langOf(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'zh';
}

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  const lang = langOf(argv);
  const t = T[lang];
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        profile: { type: 'string' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'zh' },
        output: { type: 'string', short: 'o' },
        'in-place': { type: 'boolean', default: false },
        'no-summary': { type: 'boolean', default: false },
        year: { type: 'string' },
        unit: { type: 'string' },
        'report-sheet': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    // One line, in the user's language: which option, and where the usage is.
    const option = /'(-[^']*?)(?:[ ,'<]|$)/.exec((e as Error).message)?.[1] ?? '';
    const code = (e as NodeJS.ErrnoException).code;
    io.err(code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? t.unknownOption(option) : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? t.badOptionValue(option) : t.usageError((e as Error).message));
    return EXIT.unusable;
  }
  const { values, positionals } = args;
  const [command, file] = positionals;
  if (values.help || command === undefined || command === 'help') {
    (command === undefined && !values.help ? io.err : io.out)(usage(lang));
    return command === undefined && !values.help ? EXIT.unusable : EXIT.ok;
  }
  try {
    if (values.lang !== 'zh' && values.lang !== 'en') throw new UsageError('--lang zh|en');
    if (command !== 'check' && command !== 'fill' && command !== 'report') throw new UsageError(t.unknownCommand(command));
    if (!file || positionals.length > 2) throw new UsageError(usage(lang));
    const year = values.year === undefined ? undefined : Number(values.year);
    if (year !== undefined && !(Number.isInteger(year) && year > 1990 && year < 2200)) throw new UsageError(t.badYear(values.year as string));
    const sheetName = values['report-sheet'];
    if (sheetName !== undefined && sheetNameProblem(sheetName)) throw new UsageError(t.badSheetName(sheetName));
    const options = { profile: values.profile, json: values.json, lang, summary: { year, unitName: values.unit, sheetName } };
    if (command === 'check') return await check(file, options, io);
    if (command === 'report') return await report(file, { ...options, output: values.output }, io);
    return await fill(file, { ...options, output: values.output, inPlace: values['in-place'], noSummary: values['no-summary'] }, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return EXIT.unusable;
    }
    if (e instanceof FileError) {
      io.err(e.describe(lang));
      return EXIT.unusable;
    }
    if (e instanceof UnknownProfileError) {
      io.err(t.unknownProfile(e.profile, Object.keys(PROFILES).join(', ')));
      return EXIT.unusable;
    }
    throw e;
  }
}

interface Options {
  profile?: string;
  json: boolean;
  lang: Lang;
  summary: SummaryOptions;
}

interface Loaded {
  opened: OpenedWorkbook;
  analysis: Analysis;
  issues: Issue[];
}

/** The file's bytes, once it is known to be a regular file of a size worth reading (never a FIFO or device: they would hang). */
function readInput(file: string): Uint8Array {
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

async function load(file: string, options: Options): Promise<Loaded> {
  const opened = readWorkbookSync(readInput(file), basename(file));
  const analysis = analyse(opened.snapshot, { profile: options.profile, lang: options.lang });
  return { opened, analysis, issues: [...fileIssues(opened, options.lang), ...analysis.issues] };
}

function recognised(analysis: Analysis): boolean {
  const m = analysis.model;
  return m.forms.length + m.lists.length + m.indicatorLists.length + m.departments.length > 0;
}

function exitFor(issues: Issue[]): number {
  return issues.some((i) => i.severity === 'error') ? EXIT.errors : EXIT.ok;
}

async function check(file: string, options: Options, io: Io): Promise<number> {
  const { opened, analysis, issues } = await load(file, options);
  if (!recognised(analysis)) return noTable(file, analysis, options, io);
  if (options.json) io.out(JSON.stringify(toJson(analysis, issues), null, 2));
  else printReport(file, opened.snapshot, analysis, issues, options.lang, io);
  return exitFor(issues);
}

function noTable(file: string, analysis: Analysis, options: Options, io: Io): number {
  const message = analysis.issues.find((i) => i.rule === 'workbook.no-table')?.message ?? '';
  io.err(`${basename(file)}: ${message}`);
  if (options.json) io.out(JSON.stringify(toJson(analysis, analysis.issues), null, 2));
  return EXIT.unusable;
}

async function fill(file: string, options: Options & { output?: string; inPlace: boolean; noSummary: boolean }, io: Io): Promise<number> {
  const t = T[options.lang];
  const output = options.output ?? (options.inPlace ? file : undefined);
  if (!output) throw new UsageError(t.needOutput);
  if (sameFile(output, file) && !options.inPlace) throw new UsageError(t.sameFile);
  if (isFolder(output)) throw new UsageError(t.outputFolder(output));
  // The output is the same kind of file: an .xlsm keeps its macros, and Excel opens it only as .xlsm.
  if (extname(output).toLowerCase() !== extname(file).toLowerCase()) throw new UsageError(t.extension(extname(file) || '.xlsx'));

  const { opened, analysis, issues } = await load(file, options);
  if (!recognised(analysis)) return noTable(file, analysis, options, io);
  applyPlan(opened, analysis.plan);
  let sheetName: string | null = null;
  let summaryNote: string | null = null;
  if (!options.noSummary) {
    try {
      sheetName = writeSummary(opened, draft(opened, analysis, options).sheet);
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      summaryNote = e.describe(options.lang); // a locked structure: the cells are still written
    }
  }
  writeAtomically(output, workbookBytes(opened), t);

  const writes = analysis.plan.writes;
  if (options.json) {
    io.out(JSON.stringify(toJson(analysis, issues, writes), null, 2));
    return exitFor(issues);
  }
  printReport(file, opened.snapshot, analysis, issues, options.lang, io);
  io.out('');
  io.out(writes.length ? t.wrote(output, writes.length) : t.nothing(output));
  for (const w of writes) io.out(`  ${w.sheet}!${w.cell}  ${shown(w.before, null, options.lang)} → ${shown(w.value, w, options.lang)}`);
  if (sheetName) io.out(t.summaryWritten(sheetName));
  if (summaryNote) io.out(summaryNote);
  return exitFor(issues);
}

function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Write beside the target and rename: an interrupted run never leaves a half-written file, and a failed
 * one leaves no temporary file. A symbolic link is written through (the link stays, its target gets
 * the new content) and an existing file keeps its permissions.
 */
function writeAtomically(output: string, bytes: Uint8Array | string, t: (typeof T)[Lang]): void {
  let target = resolve(output);
  let mode: number | null = null;
  try {
    target = realpathSync(target);
    mode = statSync(target).mode & 0o7777;
  } catch {
    // a new file: written where it is named, with the default permissions
  }
  if (isFolder(target)) throw new UsageError(t.outputFolder(output));
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
    throw new UsageError(t.writeFailed(output, t.why((e as NodeJS.ErrnoException).code)));
  }
}

/** The report as of the filled workbook: it never counts an error that filling corrects. */
function draft(opened: OpenedWorkbook, analysis: Analysis, options: Options) {
  const filled = applyPlanToSnapshot(opened.snapshot, analysis.plan);
  return summarise(analyse(filled, { profile: options.profile, lang: options.lang }), filled, options.summary);
}

const REPORT_FORMATS = ['.txt', '.md', '.docx'];

async function report(file: string, options: Options & { output?: string }, io: Io): Promise<number> {
  const t = T[options.lang];
  const format = options.output ? extname(options.output).toLowerCase() : '.txt';
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(t.reportFormat(REPORT_FORMATS.join(' ')));
  const { opened, analysis } = await load(file, options);
  if (!recognised(analysis)) return noTable(file, analysis, options, io);
  const { document } = draft(opened, analysis, options);
  if (!options.output) {
    io.out(reportText(document));
    return EXIT.ok;
  }
  const body = format === '.docx' ? await reportDocx(document) : format === '.md' ? reportMarkdown(document) : reportText(document);
  writeAtomically(options.output, body, t);
  io.out(t.reportWritten(options.output));
  return EXIT.ok;
}

function shown(value: unknown, write: CellWrite | null, lang: Lang): string {
  return displayValue(value, write?.numberFormat ?? null) ?? T[lang].blank;
}

function printReport(file: string, snapshot: WorkbookSnapshot, analysis: Analysis, issues: Issue[], lang: Lang, io: Io): void {
  const t = T[lang];
  const m = analysis.model;
  const profile = PROFILES[analysis.profile];
  io.out(`${basename(file)} · ${t.profile(profile.label[lang])}`);
  const parts: string[] = [];
  if (m.lists.length) parts.push(t.lists(m.lists.length, m.lists.reduce((n, l) => n + l.rows.length, 0)));
  if (m.indicatorLists.length) parts.push(t.indicatorLists(m.indicatorLists.length, m.indicatorLists.reduce((n, l) => n + l.indicators.length, 0)));
  if (m.forms.length) parts.push(t.forms(m.forms.length));
  if (m.departments.length) parts.push(t.departments(m.departments.length));
  io.out(t.found(parts));
  const bySheet = new Map<string, Issue[]>();
  for (const issue of issues) bySheet.set(issue.sheet, [...(bySheet.get(issue.sheet) ?? []), issue]);
  const hidden = new Set(snapshot.sheets.filter((s) => s.hidden).map((s) => s.name));
  for (const [sheet, list] of bySheet) {
    io.out('');
    io.out(`${lang === 'zh' ? `【${sheet}】` : `[${sheet}]`}${hidden.has(sheet) ? t.hiddenSheet : ''}`);
    for (const issue of list) io.out(`  ${SEVERITY[lang][issue.severity].padEnd(lang === 'zh' ? 2 : 7)}  ${issue.cell.padEnd(5)} ${issue.message}`);
  }
  const count = (s: string) => issues.filter((i) => i.severity === s).length;
  io.out('');
  io.out(issues.length ? t.totals(count('error'), count('warning'), count('info')) : t.clean);
}
