// Collects issues as the engine meets them, each with its sheet, cell and rendered message. A message
// about a row that belongs to a project names the project: the clerk should not have to hunt for it.

import { toA1 } from './address';
import type { Grid } from './grid';
import { type Lang, type Params, type RuleId, renderMessage, severityOf } from './messages';
import type { Issue, NumberCell } from './model';
import { parseValue } from './parse/value';
import { shortText } from './text';

/** What a row is about: a project, or an item of the department-wide point table. */
type SubjectKind = 'project' | 'item';

interface Pending {
  rule: RuleId;
  sheet: string;
  row: number;
  cell: string;
  params: Params;
}

/** Rules about a sheet or a whole table, or whose message must not name the project (a classified row). */
const UNNAMED_RULES = new Set<RuleId>(['sheet.protected', 'file.merge-overlap', 'workbook.no-table', 'table.missing-column', 'list.no-executed', 'classified.skipped']);

export class Findings {
  private readonly pending: Pending[] = [];
  private readonly seen = new Set<string>();
  /** Projects and department items by sheet, then row. */
  private readonly subjects = new Map<string, Map<number, { name: string; classified: boolean; kind: SubjectKind }>>();

  constructor(readonly lang: Lang) {}

  add(rule: RuleId, sheet: string, row: number, col: number, params: Params = {}): void {
    const cell = toA1(Math.max(row, 0), Math.max(col, 0));
    // One message per rule and cell: a cell read twice (a form and a list) is reported once.
    const key = `${rule}\u0000${sheet}\u0000${cell}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.pending.push({ rule, sheet, row: Math.max(row, 0), cell, params });
  }

  /** Where the issues stand now, for `dropSince`. */
  mark(): number {
    return this.pending.length;
  }

  /** Forgets the issues added since `mark`: those met reading a table that turned out to be blank. */
  dropSince(mark: number): void {
    for (const p of this.pending.splice(mark)) this.seen.delete(`${p.rule}\u0000${p.sheet}\u0000${p.cell}`);
  }

  /** Marks `row` as a row of project `name` (a list row, a form's rows, an indicator row) or of a department item. */
  subject(sheet: string, row: number, name: string, classified: boolean, kind: SubjectKind = 'project'): void {
    if (name === '') return;
    let rows = this.subjects.get(sheet);
    if (!rows) this.subjects.set(sheet, (rows = new Map()));
    if (!rows.has(row)) rows.set(row, { name, classified, kind });
  }

  /** The issues, rendered: a row's project is named in front unless the message names it already. */
  get issues(): Issue[] {
    return this.pending.map(({ rule, sheet, row, cell, params }) => {
      let message = renderMessage(rule, params, this.lang);
      const subject = UNNAMED_RULES.has(rule) ? undefined : this.subjects.get(sheet)?.get(row);
      // A department item's name (预算执行率) is named unquoted by the messages about its rate.
      const named = subject && (subject.kind === 'item' ? message.includes(subject.name) : message.includes(`“${subject.name}”`) || message.includes(`"${subject.name}"`));
      if (subject && !named) {
        // A classified project is counted, never quoted.
        const name = shortText(subject.name, 40);
        const who = subject.classified
          ? (this.lang === 'en' ? 'Classified project' : '涉密项目')
          : subject.kind === 'item'
            ? (this.lang === 'en' ? `Indicator "${name}"` : `指标“${name}”`)
            : (this.lang === 'en' ? `Project "${name}"` : `项目“${name}”`);
        message = `${who}${this.lang === 'en' ? ': ' : '：'}${message}`;
      }
      return { rule, severity: severityOf(rule), sheet, cell, message };
    });
  }
}

export const AMOUNT_UNITS = new Set(['', '万元']);

/**
 * Reads an amount (万元) or a score: text-stored numbers are fine; text, a wrong unit, error values,
 * a date and a formula the file holds no result for are reported against the cell and read as null.
 */
export function readNumber(grid: Grid, row: number, col: number, field: string, findings: Findings, units = AMOUNT_UNITS): NumberCell | null {
  if (col < 0) return null;
  const sheet = grid.name;
  const unknown = grid.formulaWithoutResult(row, col);
  if (unknown !== null) {
    findings.add('formula.no-result', sheet, row, col, { formula: shortText(`=${unknown.replace(/^=/, '')}`, 40), expected: '' });
    return { sheet, row, col, value: null, unreadable: true };
  }
  const value = grid.value(row, col);
  const date = typeof value === 'number' ? grid.date(row, col) : null;
  if (date !== null) {
    // 2025-01-01 in a date format is the number 45658 underneath: never an amount of 45,658 万元.
    findings.add('cell.date', sheet, row, col, { field, date });
    return { sheet, row, col, value: null, unreadable: true };
  }
  const parsed = parseValue(value);
  if (parsed.kind === 'blank') return { sheet, row, col, value: null };
  if (parsed.kind === 'number' && units.has(parsed.unit)) {
    // Read as the clerk meant it, but the workbook's own SUM skips it: its 合计 would disagree without a word.
    if (parsed.fromText) findings.add('cell.text-number', sheet, row, col, { field, text: shortText(grid.text(row, col)), value: `${parsed.value.toString()}${parsed.unit}` });
    return { sheet, row, col, value: parsed.value };
  }
  if (parsed.kind === 'error') {
    findings.add('cell.error-value', sheet, row, col, { field, code: parsed.code });
  } else {
    // Text, or a number in another unit ('190元' in a 万元 column): not a usable value.
    findings.add('cell.not-number', sheet, row, col, { field, text: shortText(grid.text(row, col)), unit: [...units].filter(Boolean).join('/') });
  }
  return { sheet, row, col, value: null, unreadable: true };
}
