// Text as a user reads it: full-width and half-width forms are the same, spaces and line breaks in
// labels mean nothing, units and (A)/(B) suffixes in brackets do not change what a header is.

import type { CellValue } from './snapshot';

/** NFKC folds full-width digits, letters, brackets, %, :, <, >, = and the ideographic space to ASCII. */
export function fold(text: string): string {
  return text.normalize('NFKC');
}

/** The text of a cell, trimmed; '' for blank and non-text values. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  return String(value);
}

const TRAILING_BRACKETS = /(\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕)$/;

/**
 * The key a header or row label is matched by: folded, without white space, without trailing bracket
 * groups (units, (A), (B/A)), without a trailing colon and a leading 其中.
 */
export function labelKey(value: CellValue): string {
  let key = fold(cellText(value)).replace(/\s+/g, '').toLowerCase();
  for (let prev = ''; prev !== key; ) {
    prev = key;
    key = key.replace(TRAILING_BRACKETS, '').replace(/[:;,.、]+$/, '');
  }
  return key.replace(/^其中[:]?/, '');
}

/** Names are compared folded and without white space (项目名称 typed twice with different spaces is one project). */
export function nameKey(value: CellValue): string {
  return fold(cellText(value)).replace(/\s+/g, '');
}

/** One-line text for messages: no line breaks, clipped. */
export function shortText(text: string, max = 30): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export const PLACEHOLDERS = new Set(['—', '–', '-', '--', '—', '——', '/', '\\', '*', '无', '暂无', 'n/a', 'na', '空']);

/** A cell a user left empty or marked as "nothing". */
export function isBlankLike(value: CellValue): boolean {
  const text = fold(cellText(value)).replace(/\s+/g, '').toLowerCase();
  return text === '' || PLACEHOLDERS.has(text);
}
