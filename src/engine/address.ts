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

export function parseA1(address: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
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
