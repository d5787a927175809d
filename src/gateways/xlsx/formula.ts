// A shared formula (`<f t="shared" si="0">`) is written once, in its first cell; every other cell of the
// group carries only the group's number. Its own formula is the first one with the relative references
// moved by the cell's distance from the first (as Excel shows it).

import { columnName } from '../../engine/address';

const MAX_ROW = 1048576;
const MAX_COL = 16384;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

// Strings, quoted sheet names and structured references are skipped whole; then a cell reference, a
// column range (A:C) or a row range (3:5) that is not part of a longer name or a function call.
const TOKENS = /"(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\]|(?<![\w.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(!])|(?<![\w.$])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w(!])|(?<![\w.$:])(\$?)(\d+):(\$?)(\d+)(?![\w(!.])/g;

export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  const col = (fixed: string, letters: string) => {
    const n = colIndex(letters) + (fixed ? 0 : cols);
    return n < 1 || n > MAX_COL ? null : `${fixed}${columnName(n - 1)}`;
  };
  const row = (fixed: string, digits: string) => {
    const n = Number(digits) + (fixed ? 0 : rows);
    return n < 1 || n > MAX_ROW ? null : `${fixed}${n}`;
  };
  return formula.replace(TOKENS, (match, c1, l1, r1, d1, c2, l2, c3, l3, r2, d2, r3, d3) => {
    if (l1 !== undefined) {
      if (colIndex(l1) > MAX_COL) return match;
      const a = col(c1, l1);
      const b = row(r1, d1);
      return a && b ? a + b : '#REF!';
    }
    if (l2 !== undefined) {
      const a = col(c2, l2);
      const b = col(c3, l3);
      return a && b ? `${a}:${b}` : '#REF!';
    }
    if (d2 !== undefined) {
      const a = row(r2, d2);
      const b = row(r3, d3);
      return a && b ? `${a}:${b}` : '#REF!';
    }
    return match;
  });
}
