// The bureau's template on the command line: `--template 模板.xlsx` compares a unit's workbook with it
// (and grades by the profile it carries); `selfeval template` writes a county's profile into it and
// `selfeval template --show` prints what a template carries. A profile is a preset name or a .json file.

import { basename, extname } from 'path';
import {
  type CarriedSettings, carriedSettings, carrierSheet, conform, getProfile, isCarrierSheet, type Issue, labelLeftOf, type Lang, parseA1,
  profileFromText, problemText, type ScoringProfile, type TemplateSettings, type WorkbookSnapshot,
} from '../engine';
import { StructureLockedError, withCarrierSheet } from '../gateways/carrier';
import { type OpenedWorkbook, readWorkbookSync } from '../gateways/xlsx';
import { readInput, sameFile, writeAtomically } from './files';
import { TT } from './template-text';
import { T } from './text';

/** A problem the command reports in one message and exit code 2 (the files cannot be used as given). */
export class TemplateError extends Error {}

export interface OpenTemplate {
  file: string;
  snapshot: WorkbookSnapshot;
  carried: CarriedSettings | null;
}

function openWorkbook(file: string): OpenedWorkbook {
  return readWorkbookSync(readInput(file), basename(file));
}

export function openTemplate(file: string, lang: Lang): OpenTemplate {
  const { snapshot } = openWorkbook(file);
  const carried = carriedSettings(snapshot);
  if (carried?.problem) throw new TemplateError(TT[lang].templateUnusable(basename(file), carried, lang));
  return { file, snapshot, carried };
}

/** `--profile`: a preset's name, or a county's profile file (.json) read and checked. */
export function profileOption(value: string | undefined, lang: Lang): string | ScoringProfile | undefined {
  if (value === undefined || extname(value).toLowerCase() !== '.json') return value;
  return readProfileFile(value, lang).profile;
}

function readProfileFile(file: string, lang: Lang): { json: unknown; profile: ScoringProfile } {
  const text = new TextDecoder().decode(readInput(file)).replace(/^\uFEFF/, '');
  const result = profileFromText(text);
  if ('problems' in result) throw new TemplateError([TT[lang].profileProblems(basename(file), result.problems.length), ...result.problems.map((p) => `  ${problemText(p, lang)}`)].join('\n'));
  const json = JSON.parse(text) as Record<string, unknown>;
  delete json.$schema;
  return { json, profile: result.profile };
}

/** The unit's differences from the template, as issues at the unit's cells. */
export function templateIssues(template: OpenTemplate, unit: WorkbookSnapshot, profile: string | ScoringProfile | undefined, lang: Lang): Issue[] {
  const chosen = typeof profile === 'string' ? getProfile(profile) : profile;
  return conform(template.snapshot, unit, { profile: chosen ?? template.carried?.profile ?? undefined, lang });
}

export interface TemplateCommand {
  file: string;
  profile?: string;
  unitCell?: string;
  output?: string;
  show: boolean;
  json: boolean;
  lang: Lang;
}

/** `selfeval template`: writes the profile (and the unit-name cell) into a copy of the template, or shows them. */
export function templateCommand(o: TemplateCommand, out: (text: string) => void): number {
  const t = TT[o.lang];
  if (o.show) {
    const carried = carriedSettings(openWorkbook(o.file).snapshot);
    if (o.json) {
      out(JSON.stringify(carried?.settings ?? null, null, 2));
      return carried?.problem ? 1 : 0;
    }
    out(t.show(basename(o.file), carried, o.lang));
    return carried?.problem ? 1 : 0;
  }
  if (!o.profile) throw new TemplateError(t.needProfile);
  if (!o.output) throw new TemplateError(t.needOutput);
  if (sameFile(o.output, o.file)) throw new TemplateError(t.sameFile);
  if (extname(o.output).toLowerCase() !== extname(o.file).toLowerCase()) throw new TemplateError(t.extension(extname(o.file) || '.xlsx'));
  const opened = openWorkbook(o.file);
  const { snapshot } = opened;
  const { json, profile } = extname(o.profile).toLowerCase() === '.json' ? readProfileFile(o.profile, o.lang) : presetFile(o.profile, o.lang);
  const settings: TemplateSettings = { profile: json };
  const before = carriedSettings(snapshot);
  // A new profile keeps the unit-name cell the template already marks, unless another is given.
  const kept = o.unitCell ? undefined : before?.settings?.unitName;
  if (o.unitCell) settings.unitName = unitCell(snapshot, o.unitCell, o.lang);
  else if (kept && choosable(snapshot).includes(kept.sheet)) settings.unitName = kept;
  let bytes: Uint8Array;
  try {
    bytes = withCarrierSheet(opened, carrierSheet(settings));
  } catch (e) {
    if (e instanceof StructureLockedError) throw new TemplateError(t.structureLocked(basename(o.file)));
    throw e;
  }
  writeAtomically(o.output, bytes, T[o.lang]);
  out(t.written(o.output, profile.label[o.lang], before?.settings ? before : null));
  if (settings.unitName) {
    const cell = `${settings.unitName.sheet}!${settings.unitName.cell}`;
    out(settings.unitName === kept ? t.unitCellKept(cell, kept.label) : t.unitCellWritten(cell, settings.unitName.label));
  } else if (kept) {
    out(t.unitCellGone(`${kept.sheet}!${kept.cell}`));
  } else if (before?.problem && !before.settings && !o.unitCell) {
    out(t.unitCellUnread);
  }
  return 0;
}

/** A preset by name, stored as a profile file that names it as its base. */
function presetFile(name: string, lang: Lang): { json: unknown; profile: ScoringProfile } {
  const profile = getProfile(name);
  if (!profile) throw new TemplateError(TT[lang].unknownPreset(name));
  return { json: { name: profile.name, label: profile.label, base: profile.name }, profile };
}

/** Sheets a unit sees and can write its name on: not hidden, not the settings sheet. */
function choosable(snapshot: WorkbookSnapshot): string[] {
  return snapshot.sheets.filter((s) => !s.hidden && !isCarrierSheet(s)).map((s) => s.name);
}

function unitCell(snapshot: WorkbookSnapshot, ref: string, lang: Lang) {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  const sheet = m ? (m[1]?.replace(/''/g, "'") ?? m[2]) : '';
  const sheets = choosable(snapshot);
  if (!m || !sheets.includes(sheet)) throw new TemplateError(TT[lang].badUnitCell(ref, sheets));
  const cell = `${m[3].toUpperCase()}${m[4]}`;
  parseA1(cell);
  return { sheet, cell, label: labelLeftOf(snapshot, sheet, cell) };
}
