// `selfeval check|fill`: the finance bureau's batch door. No business logic here: read, analyse, print, write.

import { basename, extname } from 'path';
import { parseArgs } from 'util';
import {
  analyse, type Analysis, applyPlanToSnapshot, type CellWrite, DEPRECATED_PROFILES, displayValue, draftReport, getProfile, nothingToReport, type Issue, type Lang, PROFILES, reportMarkdown, reportText,
  type ScoringProfile, sortIssues, type SummaryOptions, unfilledCount, type UnitNameCell, UnknownProfileError, type WorkbookSnapshot,
} from '../engine';
import { reportDocx } from '../gateways/docx';
import {
  applyPlan, FileError, fileIssues, type OpenedWorkbook, readWorkbookSync, sheetNameProblem, workbookBytes, writeSummary,
} from '../gateways/xlsx';
import { batch, BatchError, parseJobs } from './batch';
import { nodeDeflater } from './deflate';
import { isFolder, OutputError, readInput, sameFile, writeAtomically } from './files';
import { toJson } from './json';
import type { ProgressStream } from './progress';
import { type OpenTemplate, openTemplate, profileOption, TemplateError, templateCommand, templateIssues } from './template';
import { type Command, COMMAND_OPTIONS, helpText, type OptionName, SEVERITY, T } from './text';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Where `batch` draws its progress bar when it is a terminal. */
  progress?: ProgressStream;
}

const consoleIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  progress: process.stderr,
};

export const EXIT = { ok: 0, errors: 1, unusable: 2 } as const;

class UsageError extends Error {}

function usage(lang: Lang, command?: string): string {
  const profiles = Object.values(PROFILES).map((p) => `${p.name}（${p.label[lang]}）`).join(lang === 'zh' ? '、' : ', ');
  return helpText(lang, profiles, command && command in COMMAND_OPTIONS ? (command as Command) : undefined);
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
      tokens: true,
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
        template: { type: 'string' },
        show: { type: 'boolean', default: false },
        'unit-cell': { type: 'string' },
        jobs: { type: 'string' },
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
  const { values, positionals, tokens } = args;
  const [command, file] = positionals;
  if (values.help || command === undefined || command === 'help') {
    (command === undefined && !values.help ? io.err : io.out)(usage(lang, command === 'help' ? file : command));
    return command === undefined && !values.help ? EXIT.unusable : EXIT.ok;
  }
  try {
    if (values.lang !== 'zh' && values.lang !== 'en') throw new UsageError('--lang zh|en');
    if (!Object.prototype.hasOwnProperty.call(COMMAND_OPTIONS, command)) throw new UsageError(t.unknownCommand(command));
    const known = command as Command;
    const refused = tokens?.find((tk) => tk.kind === 'option' && !COMMAND_OPTIONS[known].includes(tk.name as OptionName));
    if (refused?.kind === 'option') throw new UsageError(t.notTaken(refused.rawName, known));
    if (!file || (positionals.length > 2 && known !== 'batch')) throw new UsageError(usage(lang, known));
    if (known === 'template') {
      return await templateCommand({ file, profile: values.profile, unitCell: values['unit-cell'], output: values.output, show: values.show, json: values.json, lang }, io.out);
    }
    const year = values.year === undefined ? undefined : Number(values.year);
    if (year !== undefined && !(Number.isInteger(year) && year > 1990 && year < 2200)) throw new UsageError(t.badYear(values.year as string));
    const sheetName = values['report-sheet'];
    if (sheetName !== undefined && sheetNameProblem(sheetName)) throw new UsageError(t.badSheetName(sheetName));
    if (values.profile && Object.prototype.hasOwnProperty.call(DEPRECATED_PROFILES, values.profile)) io.err(t.deprecatedProfile(values.profile, DEPRECATED_PROFILES[values.profile]));
    // A template given grades by the profile it carries, unless one is chosen.
    const template = values.template ? openTemplate(values.template, lang) : undefined;
    const chosen = profileOption(values.profile, lang);
    const profile = chosen ?? template?.carried?.profile ?? undefined;
    if (known === 'batch') {
      // Checked here, once: each worker thread reads the profile and the template again itself.
      if (typeof chosen === 'string' && !getProfile(chosen)) throw new UnknownProfileError(chosen);
      const jobs = parseJobs(values.jobs, lang);
      return await batch({ inputs: positionals.slice(1), profile: values.profile, template: values.template, year, json: values.json, lang, output: values.output, jobs }, io);
    }
    const options = { profile, fromTemplate: chosen === undefined && profile !== undefined, template, json: values.json, lang, summary: { year, unitName: values.unit, sheetName } };
    if (command === 'check') return await check(file, options, io);
    if (command === 'report') return await report(file, { ...options, output: values.output }, io);
    return await fill(file, { ...options, output: values.output, inPlace: values['in-place'], noSummary: values['no-summary'] }, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof OutputError || e instanceof TemplateError || e instanceof BatchError) {
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
  profile?: string | ScoringProfile;
  /** The profile is the one the template carries. */
  fromTemplate: boolean;
  /** The bureau's blank template the workbook is compared with. */
  template?: OpenTemplate;
  json: boolean;
  lang: Lang;
  summary: SummaryOptions;
}

interface Compared {
  file: string;
  count: number;
  profile: boolean;
}

interface Loaded {
  opened: OpenedWorkbook;
  analysis: Analysis;
  issues: Issue[];
  /** The template compared with, and how many of the issues are differences from it. */
  template?: Compared;
}

async function load(file: string, options: Options): Promise<Loaded> {
  const opened = readWorkbookSync(readInput(file), basename(file));
  const analysis = analyse(opened.snapshot, { profile: options.profile, lang: options.lang, year: options.summary.year, unitNameCell: unitNameCell(options) });
  const issues = [...fileIssues(opened, options.lang), ...analysis.issues];
  if (!options.template) return { opened, analysis, issues };
  const diffs = templateIssues(options.template, opened.snapshot, options.profile, options.lang);
  const template = { file: options.template.file, count: diffs.length, profile: options.fromTemplate };
  return { opened, analysis, issues: sortIssues([...issues, ...diffs], opened.snapshot), template };
}

/** The cell the bureau's template marks for the unit's name, when one was given. */
function unitNameCell(options: Options): UnitNameCell | undefined {
  return options.template?.carried?.settings?.unitName;
}

/** Any table, filled or left blank (a blank one is said, not refused as no table). */
function recognised(analysis: Analysis): boolean {
  const m = analysis.model;
  return m.forms.length + m.lists.length + m.indicatorLists.length + m.departments.length + unfilledCount(m) > 0;
}

function exitFor(issues: Issue[]): number {
  return issues.some((i) => i.severity === 'error') ? EXIT.errors : EXIT.ok;
}

async function check(file: string, options: Options, io: Io): Promise<number> {
  const { opened, analysis, issues, template } = await load(file, options);
  if (!recognised(analysis)) return noTable(file, analysis, options, io);
  if (options.json) io.out(JSON.stringify(toJson(analysis, issues), null, 2));
  else printReport(file, opened.snapshot, analysis, issues, options.lang, io, template);
  return exitFor(issues);
}

function noTable(file: string, analysis: Analysis, options: Options, io: Io): number {
  io.err(`${basename(file)}: ${nothingToReport(analysis)}`);
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

  const { opened, analysis, issues, template } = await load(file, options);
  if (!recognised(analysis)) return noTable(file, analysis, options, io);
  // The report written into the filled workbook describes it as filled: a total filling corrected is not quoted.
  // With nothing to write, the workbook as filled is the one just analysed.
  const nothing = analysis.plan.writes.length === 0;
  const summary = options.noSummary ? null : draft(nothing ? opened.snapshot : applyPlanToSnapshot(opened.snapshot, analysis.plan), options, nothing ? analysis : undefined);
  applyPlan(opened, analysis.plan);
  let sheetName: string | null = null;
  let summaryNote: string | null = null;
  if (summary) {
    try {
      sheetName = writeSummary(opened, summary.sheet);
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      summaryNote = e.describe(options.lang); // a locked structure: the cells are still written
    }
  }
  writeAtomically(output, workbookBytes(opened, nodeDeflater), t);

  const writes = analysis.plan.writes;
  if (options.json) {
    io.out(JSON.stringify(toJson(analysis, issues, writes), null, 2));
    return exitFor(issues);
  }
  printReport(file, opened.snapshot, analysis, issues, options.lang, io, template);
  io.out('');
  io.out(writes.length ? t.wrote(output, writes.length) : t.nothing(output));
  for (const w of writes) io.out(`  ${w.sheet}!${w.cell}  ${shown(w.before, null, options.lang)} → ${shown(w.value, w, options.lang)}`);
  if (sheetName) io.out(t.summaryWritten(sheetName));
  if (summaryNote) io.out(summaryNote);
  return exitFor(issues);
}

/** The report on a workbook as its figures stand once filled: it never counts an error that filling corrects. */
function draft(snapshot: WorkbookSnapshot, options: Options, analysis?: Analysis) {
  return draftReport(snapshot, { profile: options.profile, lang: options.lang, unitNameCell: unitNameCell(options), ...options.summary }, analysis);
}

const REPORT_FORMATS = ['.txt', '.md', '.docx'];

async function report(file: string, options: Options & { output?: string }, io: Io): Promise<number> {
  const t = T[options.lang];
  const format = options.output ? extname(options.output).toLowerCase() : '.txt';
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(t.reportFormat(REPORT_FORMATS.join(' ')));
  const { opened, analysis } = await load(file, options);
  const summary = draft(opened.snapshot, options, analysis);
  if (!summary) return noTable(file, analysis, options, io);
  if (!options.output) {
    io.out(reportText(summary.document));
    return EXIT.ok;
  }
  const body = format === '.docx' ? await reportDocx(summary.document) : format === '.md' ? reportMarkdown(summary.document) : reportText(summary.document);
  writeAtomically(options.output, body, t);
  io.out(t.reportWritten(options.output));
  return EXIT.ok;
}

function shown(value: unknown, write: CellWrite | null, lang: Lang): string {
  return displayValue(value, write?.numberFormat ?? null) ?? T[lang].blank;
}

function printReport(file: string, snapshot: WorkbookSnapshot, analysis: Analysis, issues: Issue[], lang: Lang, io: Io, template?: Compared): void {
  const t = T[lang];
  const m = analysis.model;
  io.out(`${basename(file)} · ${t.profile(analysis.profileLabel[lang], template?.profile ? 'template' : analysis.profileSource)}`);
  const parts: string[] = [];
  if (m.lists.length) parts.push(t.lists(m.lists.length, m.lists.reduce((n, l) => n + l.rows.length, 0)));
  if (m.indicatorLists.length) parts.push(t.indicatorLists(m.indicatorLists.length, m.indicatorLists.reduce((n, l) => n + l.indicators.length, 0)));
  if (m.forms.length) parts.push(t.forms(m.forms.length));
  if (m.departments.length) parts.push(t.departments(m.departments.length));
  const unfilled = unfilledCount(m);
  if (unfilled) parts.push(t.unfilled(unfilled));
  io.out(t.found(parts));
  if (template) io.out(t.template(basename(template.file), template.count));
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
