// 年度指标值: an operator, a number and a unit ('≥95%', '不低于85%', '≤90万元', '20集以上'), a date
// ('12月底前完成': a time target), or a text (a qualitative target such as '作用明显').

import type { Dec } from '../decimal';
import type { CellValue } from '../snapshot';
import { remembered } from '../remember';
import { cellText, fold, isBlankLike } from '../text';
import { type DateText, parseDateText } from './date';
import { parseNumberText } from './value';

export type Operator = '>=' | '>' | '<=' | '<' | '=';
export type Direction = 'positive' | 'reverse' | 'equal';

export type Target =
  | { kind: 'blank' }
  | { kind: 'quantitative'; operator: Operator; direction: Direction; value: Dec; unit: string; implicitOperator: boolean }
  | { kind: 'date'; text: string; date: DateText }
  | { kind: 'qualitative'; text: string }
  | { kind: 'malformed'; text: string };

// Longer words first: 不超过 must not be read as 超过, 大于等于 not as 大于.
const PREFIX_OPERATORS: Array<[string, Operator]> = [
  ['大于等于', '>='], ['小于等于', '<='], ['不低于', '>='], ['不少于', '>='], ['不小于', '>='], ['不高于', '<='],
  ['不超过', '<='], ['不多于', '<='], ['不大于', '<='], ['至少', '>='], ['至多', '<='], ['最多', '<='],
  ['高于', '>'], ['大于', '>'], ['超过', '>'], ['多于', '>'], ['低于', '<'], ['小于', '<'], ['少于', '<'],
  ['等于', '='], ['>=', '>='], ['=>', '>='], ['<=', '<='], ['=<', '<='], ['≥', '>='], ['≧', '>='], ['≤', '<='],
  ['≦', '<='], ['>', '>'], ['<', '<'], ['==', '='], ['=', '='],
];

const SUFFIX_OPERATORS: Array<[string, Operator]> = [
  ['及以上', '>='], ['以上', '>='], ['及以下', '<='], ['以下', '<='], ['以内', '<='],
];

/** A duration ceiling: "3个月内完成", "15天内", "10个工作日之内办结" (a date such as "12月内完成" is read before). */
const WITHIN = /^(.*\d.*?)(?:之内|以内|内)(?:完成|完工|办结|结束)?$/;
/** The words after a completed duration: "2个月完成", "8个工作日内办结", "15天内". */
const DONE = /(?:(?:之内|以内|内)(?:完成|完工|办结|结束)?|完成|完工|办结|结束)$/;

export function directionOf(op: Operator): Direction {
  if (op === '>=' || op === '>') return 'positive';
  if (op === '<=' || op === '<') return 'reverse';
  return 'equal';
}

function splitOperator(text: string): { operator: Operator | null; rest: string } {
  for (const [word, op] of PREFIX_OPERATORS) {
    if (text.startsWith(word)) return { operator: op, rest: text.slice(word.length) };
  }
  return { operator: null, rest: text };
}

/**
 * @param isCost a 成本指标 without an operator is a ceiling (≤); any other bare number is a floor (≥),
 *               which is how units write counts such as '20集'.
 * A text's target is shared by every cell that holds the same text: read it, never change it.
 */
export function parseTarget(value: CellValue, isCost = false): Target {
  if (typeof value === 'string') return isCost ? costTargets(value) : targets(value);
  return readTarget(value, isCost);
}

const targets = remembered((text: string) => readTarget(text, false));
const costTargets = remembered((text: string) => readTarget(text, true));

function readTarget(value: CellValue, isCost: boolean): Target {
  if (isBlankLike(value)) return { kind: 'blank' };
  const raw = typeof value === 'number' ? String(value) : cellText(value);
  const text = fold(raw).replace(/\s+/g, '');
  const date = typeof value === 'string' ? parseDateText(text) : null;
  if (date) return { kind: 'date', text: raw, date };
  let { operator, rest } = splitOperator(text);
  const within = operator === null ? WITHIN.exec(rest) : null;
  if (within) {
    operator = '<=';
    rest = within[1];
  }
  for (const [word, op] of SUFFIX_OPERATORS) {
    if (rest.endsWith(word)) {
      operator = operator ?? op;
      rest = rest.slice(0, -word.length);
      break;
    }
  }
  const n = parseNumberText(rest);
  if (!n) return operator ? { kind: 'malformed', text: raw } : { kind: 'qualitative', text: raw };
  const implicitOperator = operator === null;
  const op: Operator = operator ?? (isCost ? '<=' : '>=');
  return { kind: 'quantitative', operator: op, direction: directionOf(op), value: n.value, unit: n.unit, implicitOperator };
}

export type Actual = { kind: 'blank' } | { kind: 'number'; value: Dec; unit: string; typed: boolean } | { kind: 'text'; text: string };

/** An actual value: a number with a unit (a copied operator in front is dropped), or a text. Shared like a target. */
export function parseActual(value: CellValue): Actual {
  return typeof value === 'string' ? actuals(value) : readActual(value);
}

const actuals = remembered((text: string) => readActual(text));

function readActual(value: CellValue): Actual {
  if (isBlankLike(value)) return { kind: 'blank' };
  if (typeof value === 'number') {
    const n = parseNumberText(String(value));
    if (n) return { kind: 'number', value: n.value, unit: '', typed: false };
  }
  const text = fold(cellText(value)).replace(/\s+/g, '');
  const { rest } = splitOperator(text);
  const n = parseNumberText(rest.replace(/(及以上|以上|及以下|以下)$/, '').replace(DONE, ''));
  if (n) return { kind: 'number', value: n.value, unit: n.unit, typed: true };
  return { kind: 'text', text: cellText(value) };
}
