// The cells to write. Only computed cells, only where the value changes (re-running changes nothing),
// never over the user's formula (its result is checked instead), never on a protected sheet.

import { toA1 } from './address';
import { type Dec, formatPercent, formatScore, round2, roundRate } from './decimal';
import type { Findings } from './findings';
import type { Grid } from './grid';
import type { CellPos, CellWrite, Plan, WriteKind } from './model';
import type { Params, RuleId } from './messages';
import { asFraction, errorCode, parseValue } from './parse/value';
import type { CellValue } from './snapshot';
import { cellText, isBlankLike, shortText } from './text';

export const FORMAT_RATE = '0.00%';
export const FORMAT_SCORE = '0.00';

const RATE_KINDS: WriteKind[] = ['executionRate', 'achievement', 'departmentRate'];

/** A cell value as it shows with the number format a plan gives it; null for a blank cell. */
export function displayValue(value: unknown, numberFormat: string | null): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' && numberFormat === FORMAT_RATE) return `${(value * 100).toFixed(2)}%`;
  if (typeof value === 'number' && numberFormat === FORMAT_SCORE) return value.toFixed(2);
  return String(value);
}

/**
 * What to say when a write replaces a different value the unit typed: filling never overwrites silently.
 * The message gets `stated` (as typed) and `value` (as written) besides these params.
 */
export interface Replacing {
  rule: RuleId;
  /** A function when working the params out costs something: it is called only when a message is said. */
  params?: Params | (() => Params);
}

function paramsOf(replacing: Replacing | undefined): Params | undefined {
  return typeof replacing?.params === 'function' ? replacing.params() : replacing?.params;
}

export class PlanBuilder {
  private readonly writes: CellWrite[] = [];
  /** Cells already planned, by sheet, as row × 16384 + column. */
  private readonly taken = new Map<string, Set<number>>();

  constructor(private readonly grids: Map<string, Grid>, private readonly findings: Findings) {}

  /**
   * Plans `value` for a computed cell. A different value typed there is said at the cell, by `replacing`
   * (else as a plain replacement). Returns false when the cell keeps the user's formula and it does not
   * show `value` (a different result, an error, or none): what is built on the cell must not assume it.
   */
  set(pos: CellPos, value: Dec | string, kind: WriteKind, replacing?: Replacing): boolean {
    const grid = this.grids.get(pos.sheet);
    if (!grid || pos.col < 0 || pos.row < 0) return false;
    // A value written into a merged area belongs in its top-left cell.
    const area = grid.merge(pos.row, pos.col);
    const row = area ? area.top : pos.row;
    const col = area ? area.left : pos.col;
    let taken = this.taken.get(pos.sheet);
    if (!taken) this.taken.set(pos.sheet, (taken = new Set()));
    const key = row * 16384 + col;
    if (taken.has(key)) return true;
    taken.add(key);

    const cell = toA1(row, col);
    const isRate = RATE_KINDS.includes(kind);
    const before = grid.value(row, col);
    const formula = grid.formulaAt(row, col);
    if (formula !== null) return this.checkFormula(pos.sheet, row, col, formula, before, value, isRate);
    if (typeof value === 'string') {
      if (cellText(before) === value) return true;
      this.sayReplaced(pos.sheet, row, col, before, value, isRate, replacing);
      this.writes.push({ sheet: pos.sheet, cell, row, col, value, numberFormat: null, before, kind });
      return true;
    }
    // A cell stores a double: compare with the double that would be written, or re-runs would differ.
    const stored = value.toNumber();
    if (!Number.isFinite(stored)) return true; // absurd inputs (a budget of 1e-300) give no writable figure
    if (before === stored) return true;
    this.sayReplaced(pos.sheet, row, col, before, value, isRate, replacing);
    this.writes.push({ sheet: pos.sheet, cell, row, col, value: stored, numberFormat: isRate ? FORMAT_RATE : FORMAT_SCORE, before, kind });
    return true;
  }

  /**
   * A typed value that differs from the computed one (as shown: 95.06 % is 0.9506, '95.06%' or 95.06) is
   * said before it is replaced. Text or an error value in a number cell was reported where it was read.
   */
  private sayReplaced(sheet: string, row: number, col: number, before: CellValue, value: Dec | string, isRate: boolean, replacing?: Replacing): void {
    if (isBlankLike(before)) return;
    let stated: string;
    if (typeof value === 'string') {
      stated = cellText(before);
    } else {
      const parsed = parseValue(before);
      if (parsed.kind !== 'number') return;
      const typed = isRate ? asFraction(parsed, true) : parsed.value;
      if (isRate ? roundRate(typed).eq(roundRate(value)) : round2(typed).eq(round2(value))) return;
      stated = isRate ? formatPercent(typed) : formatScore(typed);
    }
    const shown = typeof value === 'string' ? value : isRate ? formatPercent(value) : formatScore(value);
    this.findings.add(replacing?.rule ?? 'cell.replaced', sheet, row, col, { ...paramsOf(replacing), stated, value: shown });
  }

  /** A kept formula's result against the rules' value: true when it shows that value, else said at its cell. */
  private checkFormula(sheet: string, row: number, col: number, formula: string, result: CellValue, expected: Dec | string, isRate: boolean): boolean {
    const shown = typeof expected === 'string' ? expected : isRate ? formatPercent(expected) : formatScore(expected);
    const code = errorCode(result);
    const f = shortText(`=${formula.replace(/^=/, '')}`, 40);
    if (this.grids.get(sheet)?.formulaWithoutResult(row, col) != null) {
      this.findings.add('formula.no-result', sheet, row, col, { formula: f, expected: shown });
      return false;
    }
    if (code) {
      this.findings.add('formula.error', sheet, row, col, { formula: f, code, expected: shown });
      return false;
    }
    const parsed = parseValue(result);
    let same: boolean;
    if (typeof expected === 'string') same = cellText(result) === expected;
    else if (parsed.kind !== 'number') same = false;
    else {
      const got = parsed.unit === '%' ? parsed.value.div(100) : parsed.value;
      // Compare as shown: =G7/F7 gives 0.950601…, which is 95.06 % as written.
      same = isRate ? roundRate(got).eq(expected) : round2(got).eq(round2(expected));
    }
    const inPoints = parsed.kind === 'number' && isRate && parsed.value.abs().gt(1.5) && !this.grids.get(sheet)?.percent(row, col);
    if (!same && inPoints && typeof expected !== 'string') {
      // A rate worked out ×100 (=D2/C2*100 shows 90): quoted as the cell shows it, never as 9000.00 %.
      const actual = formatScore(parsed.value);
      const points = roundRate(parsed.value.div(100)).eq(expected);
      this.findings.add(points ? 'formula.rate-points' : 'formula.differs', sheet, row, col, { formula: f, actual, expected: shown, ratio: expected.toString() });
    } else if (!same) {
      const actual = parsed.kind === 'number' && typeof expected !== 'string' ? (isRate ? formatPercent(parsed.value) : formatScore(parsed.value)) : shortText(cellText(result)) || '—';
      this.findings.add('formula.differs', sheet, row, col, { formula: f, actual, expected: shown });
    }
    return same;
  }

  /**
   * Plans `value` only where the cell is blank (a formula there is checked as by `set`): a different
   * value the unit typed is kept and said by `differs`, never overwritten.
   */
  setIfBlank(pos: CellPos, value: Dec, kind: WriteKind, differs: Replacing): void {
    const grid = this.grids.get(pos.sheet);
    if (!grid || pos.col < 0 || pos.row < 0) return;
    const area = grid.merge(pos.row, pos.col);
    const at = area ? { sheet: pos.sheet, row: area.top, col: area.left } : pos;
    const before = this.valueAt(at);
    if (this.hasFormula(at) || isBlankLike(before)) {
      this.set(at, value, kind);
      return;
    }
    const parsed = parseValue(before);
    if (parsed.kind === 'number' && round2(parsed.value).eq(round2(value))) return;
    const stated = parsed.kind === 'number' ? formatScore(parsed.value) : shortText(cellText(before));
    this.findings.add(differs.rule, at.sheet, at.row, at.col, { ...paramsOf(differs), stated, value: formatScore(value) });
  }

  hasFormula(pos: CellPos): boolean {
    return this.grids.get(pos.sheet)?.formulaAt(pos.row, pos.col) != null;
  }

  valueAt(pos: CellPos): CellValue {
    return this.grids.get(pos.sheet)?.value(pos.row, pos.col) ?? null;
  }

  /** Where nothing can be computed, a formula that gives an error value is still worth a message. */
  checkFormulaError(pos: CellPos): void {
    if (pos.col < 0) return;
    const formula = this.grids.get(pos.sheet)?.formulaAt(pos.row, pos.col);
    const code = errorCode(this.valueAt(pos));
    if (formula && code) this.findings.add('formula.error', pos.sheet, pos.row, pos.col, { formula: shortText(`=${formula.replace(/^=/, '')}`, 40), code, expected: '' });
  }

  /** Writes on protected sheets cannot happen: drop them and say so once per sheet. */
  build(): Plan {
    const kept: CellWrite[] = [];
    const blocked = new Map<string, CellWrite[]>();
    for (const w of this.writes) {
      if (this.grids.get(w.sheet)?.sheet.protected) blocked.set(w.sheet, [...(blocked.get(w.sheet) ?? []), w]);
      else kept.push(w);
    }
    for (const [sheet, writes] of blocked) {
      this.findings.add('sheet.protected', sheet, writes[0].row, writes[0].col, { sheet, count: writes.length });
    }
    // In the workbook's order, so that writes form contiguous runs and a preview reads top to bottom.
    const order = new Map([...this.grids.keys()].map((name, i) => [name, i]));
    const sorted = kept
      .map((write) => ({ write, sheet: order.get(write.sheet) ?? 0 }))
      .sort((a, b) => a.sheet - b.sheet || a.write.row - b.write.row || a.write.col - b.write.col)
      .map((x) => x.write);
    return { writes: sorted };
  }
}
