// Collects issues as the engine meets them, each with its sheet, cell and rendered message.

import { toA1 } from './address';
import type { Grid } from './grid';
import { type Lang, type Params, type RuleId, renderMessage, severityOf } from './messages';
import type { Issue, NumberCell } from './model';
import { parseValue } from './parse/value';
import { shortText } from './text';

export class Findings {
  readonly issues: Issue[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly lang: Lang) {}

  add(rule: RuleId, sheet: string, row: number, col: number, params: Params = {}): void {
    const cell = toA1(Math.max(row, 0), Math.max(col, 0));
    // One message per rule and cell: a cell read twice (a form and a list) is reported once.
    const key = `${rule}\u0000${sheet}\u0000${cell}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.issues.push({ rule, severity: severityOf(rule), sheet, cell, message: renderMessage(rule, params, this.lang) });
  }
}

export const AMOUNT_UNITS = new Set(['', '万元']);

/**
 * Reads an amount (万元) or a score: text-stored numbers are fine; text, a wrong unit, error values,
 * a date and a formula the file holds no result for are reported against the cell and read as null.
 */
export function readNumber(grid: Grid, row: number, col: number, field: string, findings: Findings, units = AMOUNT_UNITS): NumberCell | null {
  if (col < 0) return null;
  const base = { sheet: grid.name, row, col };
  const unknown = grid.formulaWithoutResult(row, col);
  if (unknown !== null) {
    findings.add('formula.no-result', grid.name, row, col, { formula: shortText(`=${unknown.replace(/^=/, '')}`, 40), expected: '' });
    return { ...base, value: null, unreadable: true };
  }
  const date = grid.date(row, col);
  if (date !== null && typeof grid.value(row, col) === 'number') {
    // 2025-01-01 in a date format is the number 45658 underneath: never an amount of 45,658 万元.
    findings.add('cell.date', grid.name, row, col, { field, date });
    return { ...base, value: null, unreadable: true };
  }
  const parsed = parseValue(grid.value(row, col));
  if (parsed.kind === 'blank') return { ...base, value: null };
  if (parsed.kind === 'number' && units.has(parsed.unit)) return { ...base, value: parsed.value };
  if (parsed.kind === 'error') {
    findings.add('cell.error-value', grid.name, row, col, { field, code: parsed.code });
  } else {
    // Text, or a number in another unit ('190元' in a 万元 column): not a usable value.
    findings.add('cell.not-number', grid.name, row, col, { field, text: shortText(grid.text(row, col)), unit: [...units].filter(Boolean).join('/') });
  }
  return { ...base, value: null, unreadable: true };
}
