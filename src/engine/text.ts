// Text as a user reads it: full-width and half-width forms are the same, spaces and line breaks in
// labels mean nothing, units and (A)/(B) suffixes in brackets do not change what a header is.

import { remembered } from './remember';
import type { CellValue } from './snapshot';

/**
 * Characters NFKC leaves as they are, alone and side by side (checked over all of Unicode): line breaks,
 * printable ASCII, the CJK ideographs and the common Chinese punctuation that has no ASCII form.
 */
const NFKC_STABLE = /^[\t\n\r\x20-\x7e\u2014\u2018\u2019\u201c\u201d\u3001\u3002\u300a\u300b\u3010\u3011\u4e00-\u9fff]*$/;

/** NFKC folds full-width digits, letters, brackets, %, :, <, >, = and the ideographic space to ASCII. */
export function fold(text: string): string {
  // Most cells need no folding, and testing for that costs a tenth of normalizing.
  return NFKC_STABLE.test(text) ? text : text.normalize('NFKC');
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
  return typeof value === 'string' ? stringKey(value) : computeKey(value);
}

function computeKey(value: CellValue): string {
  let key = fold(cellText(value)).replace(/\s+/g, '').toLowerCase();
  for (let prev = ''; prev !== key; ) {
    prev = key;
    key = key.replace(TRAILING_BRACKETS, '').replace(/[:;,.、]+$/, '');
  }
  return key.replace(/^其中[:]?/, '');
}

const stringKey = remembered((text: string) => computeKey(text));

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
  if (value === null || value === undefined) return true;
  return typeof value === 'string' ? blankText(value) : false;
}

const blankText = remembered((value: string): boolean => {
  const text = fold(value.trim()).replace(/\s+/g, '').toLowerCase();
  return text === '' || PLACEHOLDERS.has(text);
});
