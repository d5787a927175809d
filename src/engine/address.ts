// A1 addresses <-> zero-based row/column indexes.

export interface CellRef {
  row: number;
  col: number;
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Names of the columns asked for so far: every message and write spells one. */
const COLUMN_NAMES: string[] = [];

export function columnName(col: number): string {
  let name = COLUMN_NAMES[col];
  if (name !== undefined) return name;
  name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  if (col >= 0 && col < 16384) COLUMN_NAMES[col] = name;
  return name;
}

export function toA1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** "B12", "$B$12" (one to three letters, then digits) → row 11, column 1; read by character, as for every merge. */
export function parseA1(address: string): CellRef {
  const text = address.trim();
  let i = text.charCodeAt(0) === 36 ? 1 : 0; // $
  const letters = i;
  let col = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + c - 96;
  }
  const letterCount = i - letters;
  if (text.charCodeAt(i) === 36) i++;
  const digits = i;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (letterCount < 1 || letterCount > 3 || i === digits || i !== text.length) throw new Error(`not an A1 address: ${address}`);
  return { row: Number(text.slice(digits)) - 1, col: col - 1 };
}

export function parseArea(range: string): Area {
  const [a, b = a] = range.split(':');
  const p = parseA1(a);
  const q = parseA1(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function areaToA1(area: Area): string {
  const start = toA1(area.top, area.left);
  return area.top === area.bottom && area.left === area.right ? start : `${start}:${toA1(area.bottom, area.right)}`;
}
