// A cell value read as a user reads it: '190.00', '1,234.5', '１２.５', '95.66分', '100％', '—', '#DIV/0!'.

import { Dec } from '../decimal';
import type { CellValue } from '../snapshot';
import { remembered } from '../remember';
import { cellText, fold, isBlankLike } from '../text';

export type Parsed =
  | { kind: 'blank' }
  | { kind: 'error'; code: string }
  | { kind: 'number'; value: Dec; unit: string; fromText: boolean }
  | { kind: 'text'; text: string };

const ERROR_CODES = ['#DIV/0!', '#REF!', '#N/A', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#UNKNOWN!', '#BUSY!', '#CONNECT!'];

export function errorCode(value: CellValue): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().toUpperCase();
  return ERROR_CODES.includes(text) ? text : null;
}

const NUMBER_AT_START = /^([+-]?(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?)(.*)$/i;

/** Unit spellings that mean the same unit. */
const UNIT_SYNONYMS: Record<string, string> = { '百分比': '%', '百分点': '%', '％': '%', '个百分点': '%' };

export const normalizeUnit = remembered((unit: string): string => {
  const u = fold(unit).replace(/\s+/g, '').replace(/^\((.*)\)$/, '$1');
  return UNIT_SYNONYMS[u] ?? u;
});

/**
 * A number with an optional unit after it; null when the text is not of that shape. The result is shared
 * by every cell that holds the same text: read it, never change it (decimals are immutable).
 */
export const parseNumberText = remembered((raw: string): { value: Dec; unit: string } | null => {
  // A leading apostrophe is how users force a number to be text in Excel: it is not part of the number.
  const text = fold(raw).replace(/\s+/g, '').replace(/^'/, '');
  const m = NUMBER_AT_START.exec(text);
  if (!m) return null;
  const unit = normalizeUnit(m[2]);
  // A unit is words, not more figures: '12.5.3' or '3-5' is not a number with a unit.
  if (/[\d.]/.test(unit)) return null;
  return { value: new Dec(m[1].replace(/,/g, '')), unit };
});

/** A cell value parsed; like parseNumberText's, the result is shared by cells of the same value. */
export function parseValue(value: CellValue): Parsed {
  // -0 and 0 are one key to a Map but two decimals (-0 is negative): zero is not remembered.
  if (typeof value === 'number') return value === 0 ? numberValue(value) : parseNumber(value);
  if (typeof value === 'string') return parseString(value);
  return parseOther(value);
}

function numberValue(value: number): Parsed {
  return Number.isFinite(value) ? { kind: 'number', value: new Dec(value), unit: '', fromText: false } : { kind: 'error', code: '#NUM!' };
}

const parseNumber = remembered(numberValue);

const parseString = remembered((value: string): Parsed => parseOther(value));

function parseOther(value: CellValue): Parsed {
  const code = errorCode(value);
  if (code) return { kind: 'error', code };
  if (isBlankLike(value)) return { kind: 'blank' };
  const text = cellText(value);
  const n = parseNumberText(text);
  if (n) return { kind: 'number', value: n.value, unit: n.unit, fromText: true };
  return { kind: 'text', text };
}

/** A percent-or-fraction cell as a fraction: 0.9506, '95.06%', '95.06' (a percent column) all give 0.9506. */
export function asFraction(parsed: Extract<Parsed, { kind: 'number' }>, plainMeansPercent: boolean): Dec {
  if (parsed.unit === '%') return parsed.value.div(100);
  // A typed number in a percent column is a percent unless it looks like a fraction (at most 1.5).
  if (plainMeansPercent && parsed.value.abs().greaterThan(1.5)) return parsed.value.div(100);
  return parsed.value;
}
