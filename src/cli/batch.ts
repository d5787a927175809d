// `selfeval batch`: the bureau's look over many units' workbooks at once, one line per workbook: its unit
// (from the cell the template marks, else as the report finds it), the profile it was scored by, what was
// recognised, errors, warnings and, with --template, how far it strays from the template. A file that
// cannot be used is a line too; the others are still read.

import { basename } from 'path';
import { analyse, type Lang, type ScoringProfile, summarise } from '../engine';
import { FileError, readWorkbookSync } from '../gateways/xlsx';
import { readInput, writeAtomically } from './files';
import { type OpenTemplate, templateIssues } from './template';
import { T } from './text';

export interface BatchOptions {
  files: string[];
  profile?: string | ScoringProfile;
  template?: OpenTemplate;
  json: boolean;
  lang: Lang;
  year?: number;
  /** A .csv file for the table (UTF-8 with a byte-order mark, so Excel and WPS read the Chinese). */
  output?: string;
}

export interface BatchRow {
  file: string;
  unit: string | null;
  profile: string | null;
  projects: number;
  errors: number;
  warnings: number;
  /** Differences from the template; null without --template. */
  differences: number | null;
  /** Why the file could not be used; null when it was. */
  problem: string | null;
}

function row(file: string, o: BatchOptions): BatchRow {
  const base = { file: basename(file), unit: null, profile: null, projects: 0, errors: 0, warnings: 0, differences: null };
  let snapshot;
  try {
    snapshot = readWorkbookSync(readInput(file), basename(file)).snapshot;
  } catch (e) {
    if (e instanceof FileError) return { ...base, problem: e.describe(o.lang) };
    throw e;
  }
  const analysis = analyse(snapshot, { profile: o.profile, lang: o.lang, year: o.year, unitNameCell: o.template?.carried?.settings?.unitName });
  const m = analysis.model;
  if (m.forms.length + m.lists.length + m.indicatorLists.length + m.departments.length === 0) {
    return { ...base, problem: analysis.issues.find((i) => i.rule === 'workbook.no-table')?.message ?? '' };
  }
  const issues = [...analysis.issues, ...(o.template ? templateIssues(o.template, snapshot, o.profile, o.lang) : [])];
  return {
    file: basename(file),
    // As the report's title names it: the template's cell, else the unit its tables name most.
    unit: summarise(analysis, snapshot).facts.unitName,
    profile: analysis.profileLabel[o.lang],
    projects: m.projects.length,
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    differences: o.template ? issues.filter((i) => i.rule.startsWith('template.')).length : null,
    problem: null,
  };
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const pad = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));

const HEAD = {
  zh: ['文件', '单位', '评分方案', '项目数', '错误', '警告', '与模板不一致', '说明'],
  en: ['File', 'Unit', 'Profile', 'Projects', 'Errors', 'Warnings', 'Template differences', 'Note'],
};

function cells(r: BatchRow, lang: Lang, withTemplate: boolean): string[] {
  const cant = lang === 'zh' ? '无法使用' : 'not usable';
  const line = [r.file, r.unit ?? '', r.profile ?? '', r.problem ? '' : String(r.projects), r.problem ? '' : String(r.errors), r.problem ? '' : String(r.warnings)];
  if (withTemplate) line.push(r.differences === null ? '' : String(r.differences));
  line.push(r.problem ? `${cant}：${r.problem}` : '');
  return line;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function batch(o: BatchOptions, out: (text: string) => void): number {
  const rows = o.files.map((f) => row(f, o));
  const withTemplate = o.template !== undefined;
  const head = HEAD[o.lang].filter((_, i) => withTemplate || i !== 6);
  const table = rows.map((r) => cells(r, o.lang, withTemplate));
  if (o.output) {
    const csv = [head, ...table].map((line) => line.map(csvField).join(',')).join('\r\n');
    writeAtomically(o.output, `\uFEFF${csv}\r\n`, T[o.lang]);
  }
  if (o.json) {
    out(JSON.stringify(rows, null, 2));
  } else {
    const widths = head.map((h, i) => Math.max(width(h), ...table.map((line) => width(line[i]))));
    for (const line of [head, ...table]) out(line.map((c, i) => (i === line.length - 1 ? c : pad(c, widths[i]))).join('  ').trimEnd());
    if (o.output) out(o.lang === 'zh' ? `已写入 ${o.output}。` : `Wrote ${o.output}.`);
  }
  if (rows.some((r) => r.problem)) return 2;
  return rows.some((r) => r.errors > 0) ? 1 : 0;
}
