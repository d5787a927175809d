// Formulas compared as the bureau means them: =SUM(H11:H18) in the template and =SUM(H11:H20) in a unit
// that added two project rows are the same formula; =SUM(H11:H17) is not. A reference is split out of
// the formula text and compared through the row and column alignment of its sheet. A reference over a
// table's whole body (合计's =SUM(E5:E14)) must cover the unit's whole body however many rows it has now:
// one that leaves rows out is said as such.

import { columnName, parseA1 } from '../address';

export interface RefEnd {
  row: number | null;
  col: number | null;
}

export type Token =
  | { kind: 'text'; text: string }
  | { kind: 'ref'; sheet: string | null; from: RefEnd; to: RefEnd };

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([^\s'!(),;:=+\-*/^&<>"{}]+))!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const COL = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?\d+`;
const REF = new RegExp(`(?:${SHEET})?(${CELL}(?::${CELL})?|${COL}:${COL}|${ROW}:${ROW})(?![\\w(.])`, 'y');

function end(text: string): RefEnd {
  const t = text.replace(/\$/g, '');
  if (/^\d+$/.test(t)) return { row: Number(t) - 1, col: null };
  if (/^[A-Za-z]+$/.test(t)) return { row: null, col: parseA1(`${t}1`).col };
  const { row, col } = parseA1(t);
  return { row, col };
}

/** Splits a formula into references and the text between them (strings in quotes stay text). */
export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text: text.replace(/\s+/g, '').toUpperCase() });
    text = '';
  };
  for (let i = 0; i < formula.length;) {
    const ch = formula[i];
    if (ch === '"') {
      const close = formula.indexOf('"', i + 1);
      const stop = close < 0 ? formula.length : close + 1;
      text += formula.slice(i, stop);
      i = stop;
      continue;
    }
    // A reference starts where a name cannot continue: not after a letter, digit, _ or .
    const before = i > 0 ? formula[i - 1] : '';
    REF.lastIndex = i;
    const m = /[\w.]/.test(before) ? null : REF.exec(formula);
    if (m) {
      flush();
      const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2] ?? null;
      const [a, b = a] = m[3].split(':');
      tokens.push({ kind: 'ref', sheet, from: end(a), to: end(b) });
      i = REF.lastIndex;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return tokens;
}

/** The formula with its references blanked out: what two rows' formulas share wherever they sit. */
export function skeleton(formula: string): string {
  return tokenize(formula).map((t) => (t.kind === 'text' ? t.text : '#')).join('');
}

/** How a unit sheet's rows and columns correspond to its template sheet's. */
export interface RefMap {
  /** The template row of a unit row; undefined for a row the unit added. */
  row(unitRow: number): number | undefined;
  /** True when the template row has a counterpart in the unit sheet. */
  rowKept(templateRow: number): boolean;
  /** The template column of a unit column, read in the table of `templateRow`. */
  col(unitCol: number, templateRow: number | null): number | undefined;
  colKept(templateCol: number, templateRow: number | null): boolean;
  /** The unit rows of the table body the template rows from..to are exactly (a list's or a form's open rows); null otherwise. */
  body(templateFrom: number, templateTo: number): { from: number; to: number } | null;
}

export interface FormulaContext {
  /** The map of the formula's own sheet (null) or of another unit sheet by name; null when it has none. */
  map(unitSheet: string | null): { templateSheet: string; refs: RefMap } | null;
}

/** The kept template positions an axis of a reference covers. */
function covered(lo: number, hi: number, kept: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = Math.min(lo, hi); i <= Math.max(lo, hi); i++) if (kept(i)) out.push(i);
  return out;
}

function mapped(lo: number, hi: number, to: (i: number) => number | undefined): number[] {
  const out = new Set<number>();
  for (let i = Math.min(lo, hi); i <= Math.max(lo, hi); i++) {
    const t = to(i);
    if (t !== undefined) out.add(t);
  }
  return [...out].sort((a, b) => a - b);
}

const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function sameAxis(t: [number | null, number | null], u: [number | null, number | null], kept: (i: number) => boolean, to: (i: number) => number | undefined): boolean {
  if (t[0] === null || u[0] === null) return t[0] === u[0];
  if (t[0] === t[1] && u[0] === u[1]) return to(u[0]) === t[0];
  return same(covered(t[0], t[1]!, kept), mapped(u[0], u[1]!, to));
}

/** How a unit's formula stands to the template's: the same, another, or the same over a table's body but leaving rows of it out (unit rows, 0-based). */
export type FormulaMatch =
  | { kind: 'same' }
  | { kind: 'other' }
  | { kind: 'short'; rows: number[]; ranges: string[] };

function compareRef(t: Extract<Token, { kind: 'ref' }>, u: Extract<Token, { kind: 'ref' }>, ctx: FormulaContext): FormulaMatch {
  const other: FormulaMatch = { kind: 'other' };
  if ((t.sheet === null) !== (u.sheet === null)) return other;
  const target = ctx.map(u.sheet);
  if (!target || (t.sheet !== null && target.templateSheet.toLowerCase() !== t.sheet.toLowerCase())) return other;
  const { refs } = target;
  const tRow = t.from.row;
  if (!sameAxis([t.from.col, t.to.col], [u.from.col, u.to.col], (i) => refs.colKept(i, tRow), (i) => refs.col(i, tRow))) return other;
  const body = t.from.row !== null && t.to.row !== null && t.from.row !== t.to.row
    ? refs.body(Math.min(t.from.row, t.to.row), Math.max(t.from.row, t.to.row)) : null;
  if (!body || u.from.row === null || u.to.row === null) {
    return sameAxis([t.from.row, t.to.row], [u.from.row, u.to.row], (i) => refs.rowKept(i), (i) => refs.row(i)) ? { kind: 'same' } : other;
  }
  // Over a whole body: the unit's range is its whole body, rows left blank for now included (filled later,
  // they would be left out of the total).
  const [lo, hi] = [Math.min(u.from.row, u.to.row), Math.max(u.from.row, u.to.row)];
  if (lo < body.from || hi > body.to) return other;
  const rows: number[] = [];
  for (let r = body.from; r <= body.to; r++) if (r < lo || r > hi) rows.push(r);
  if (rows.length === 0) return { kind: 'same' };
  const cols = u.from.col === null || u.to.col === null ? null : [Math.min(u.from.col, u.to.col), Math.max(u.from.col, u.to.col)].map(columnName);
  return { kind: 'short', rows, ranges: [cols ? `${cols[0]}${body.from + 1}:${cols[1]}${body.to + 1}` : `${body.from + 1}:${body.to + 1}`] };
}

/** The unit's formula against the template's, read through the alignment. */
export function compareFormula(template: string, unit: string, ctx: FormulaContext): FormulaMatch {
  const t = tokenize(template.replace(/^=/, ''));
  const u = tokenize(unit.replace(/^=/, ''));
  if (t.length !== u.length) return { kind: 'other' };
  const short: Extract<FormulaMatch, { kind: 'short' }> = { kind: 'short', rows: [], ranges: [] };
  for (let i = 0; i < t.length; i++) {
    const [a, b] = [t[i], u[i]];
    if (a.kind === 'text' || b.kind === 'text') {
      if (a.kind !== 'text' || b.kind !== 'text' || a.text !== b.text) return { kind: 'other' };
      continue;
    }
    const m = compareRef(a, b, ctx);
    if (m.kind === 'other') return m;
    if (m.kind === 'short') {
      short.rows.push(...m.rows.filter((r) => !short.rows.includes(r)));
      short.ranges.push(...m.ranges);
    }
  }
  short.rows.sort((x, y) => x - y);
  return short.rows.length ? short : { kind: 'same' };
}
