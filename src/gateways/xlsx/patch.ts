// Computed cells written into a worksheet part as it is: each written <c> replaces the one at its
// address or goes into its row in column order; a row is added only where the sheet had none; the
// <dimension> grows to cover them. Every other byte of the part stays as it was.

import { areaToA1, parseArea, toA1 } from '../../engine/address';
import { escapeOoxml } from './strings';
import { cellStart, type SheetLayoutIndex } from './worksheet';
import { applyEdits, type Edit, escapeText, setAttributes } from './xml';

export interface CellPatch {
  row: number;
  col: number;
  /** null empties the cell and keeps its format (undo of a fill puts a blank cell back). */
  value: string | number | boolean | null;
  /** The cell format (index into cellXfs) the written cell carries. */
  style: number;
}


/** A cell element: numbers as <v>, text as an inline string (sharedStrings stays as it was). */
export function cellXml(row: number, col: number, value: string | number | boolean | null, style: number, prefix: string): string {
  const s = style ? ` s="${style}"` : '';
  const r = toA1(row, col);
  if (value === null) return `<${prefix}c r="${r}"${s}/>`;
  if (typeof value === 'number') return `<${prefix}c r="${r}"${s}><${prefix}v>${String(value)}</${prefix}v></${prefix}c>`;
  if (typeof value === 'boolean') return `<${prefix}c r="${r}"${s} t="b"><${prefix}v>${value ? 1 : 0}</${prefix}v></${prefix}c>`;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
  return `<${prefix}c r="${r}"${s} t="inlineStr"><${prefix}is><${prefix}t${space}>${escapeText(escapeOoxml(value))}</${prefix}t></${prefix}is></${prefix}c>`;
}

/** The format a cell shows when it has no element of its own: its row's, else its column's, else the default. */
export function inheritedStyle(index: SheetLayoutIndex, rowElement: number, col: number): number {
  if (rowElement >= 0 && index.rows.style[rowElement] >= 0) return index.rows.style[rowElement];
  return index.cols.find((c) => c.min <= col && col <= c.max)?.style ?? 0;
}

export interface Located {
  /** The existing cell element at each written address (index into index.cells), or -1. */
  cell: Map<number, number>;
  /** The row element of each written row (index into index.rows), or -1. */
  row: Map<number, number>;
}

const key = (row: number, col: number) => row * 16384 + col;

/** Finds the elements of the written cells and rows in one pass over the sheet's index. */
export function locate(index: SheetLayoutIndex, cells: Array<{ row: number; col: number }>): Located {
  const cellAt = new Map(cells.map((c) => [key(c.row, c.col), -1]));
  const rowAt = new Map(cells.map((c) => [c.row, -1]));
  // Written rows marked in an array: the cells of other rows are passed over without a map lookup.
  let last = 0;
  for (const row of rowAt.keys()) last = Math.max(last, row);
  const written = new Uint8Array(last + 1);
  for (const row of rowAt.keys()) written[row] = 1;
  const rows = index.cells.row;
  for (let i = 0; i < rows.length; i++) {
    if (written[rows[i]] !== 1) continue;
    const k = key(rows[i], index.cells.col[i]);
    if (cellAt.has(k)) cellAt.set(k, i);
  }
  for (let i = 0; i < index.rows.index.length; i++) if (rowAt.has(index.rows.index[i])) rowAt.set(index.rows.index[i], i);
  return { cell: cellAt, row: rowAt };
}

export function patchWorksheet(index: SheetLayoutIndex, patches: CellPatch[], located: Located): string {
  const { xml, prefix } = index;
  const edits: Edit[] = [];
  const byRow = new Map<number, CellPatch[]>();
  for (const p of patches) {
    const at = located.cell.get(key(p.row, p.col)) ?? -1;
    if (at >= 0) {
      const start = cellStart(index, at);
      edits.push({ at: start, remove: index.cells.end[at] - start, text: cellXml(p.row, p.col, p.value, p.style, prefix) });
    } else {
      const list = byRow.get(p.row);
      if (list) list.push(p);
      else byRow.set(p.row, [p]);
    }
  }

  // Cells whose row exists: after the last cell left of them, or at the start of the row.
  const newRows: Array<{ row: number; cells: CellPatch[] }> = [];
  const cellsOfRow = rowCells(index, new Set(byRow.keys()));
  for (const [row, list] of byRow) {
    list.sort((a, b) => a.col - b.col);
    const r = located.row.get(row) ?? -1;
    if (r < 0) {
      newRows.push({ row, cells: list });
      continue;
    }
    const tag = xml.slice(index.rows.start[r], index.rows.tagEnd[r]);
    const selfClosing = index.rows.end[r] === index.rows.tagEnd[r] && tag.endsWith('/>');
    const grown = widenSpans(tag, list[0].col, list[list.length - 1].col);
    if (selfClosing) {
      const open = grown.replace(/\s*\/>$/, '>');
      const body = list.map((p) => cellXml(p.row, p.col, p.value, p.style, prefix)).join('');
      edits.push({ at: index.rows.start[r], remove: index.rows.tagEnd[r] - index.rows.start[r], text: `${open}${body}</${prefix}row>` });
      continue;
    }
    if (grown !== tag) edits.push({ at: index.rows.start[r], remove: index.rows.tagEnd[r] - index.rows.start[r], text: grown });
    const existing = cellsOfRow.get(row) ?? [];
    const groups = new Groups();
    for (const p of list) {
      // The end of the last existing cell to the left, or the end of the row's start tag.
      let at = index.rows.tagEnd[r];
      for (const c of existing) if (index.cells.col[c] < p.col) at = index.cells.end[c];
      groups.add(at, cellXml(p.row, p.col, p.value, p.style, prefix));
    }
    groups.into(edits);
  }

  // Rows the sheet did not have: before the first row below them, or at the end of sheetData.
  if (newRows.length) {
    const sheetData = index.sheetData;
    if (!sheetData) throw new Error('worksheet has no sheetData');
    newRows.sort((a, b) => a.row - b.row);
    const rowXml = (n: { row: number; cells: CellPatch[] }) =>
      `<${prefix}row r="${n.row + 1}">${n.cells.map((p) => cellXml(p.row, p.col, p.value, p.style, prefix)).join('')}</${prefix}row>`;
    if (sheetData.selfClosing) {
      const open = xml.slice(sheetData.start, sheetData.tagEnd).replace(/\s*\/>$/, '>');
      edits.push({ at: sheetData.start, remove: sheetData.tagEnd - sheetData.start, text: `${open}${newRows.map(rowXml).join('')}</${prefix}sheetData>` });
    } else {
      const close = xml.lastIndexOf('<', sheetData.end - 1);
      const groups = new Groups();
      const rows = index.rows.index;
      for (const n of newRows) {
        // Rows are in ascending order (Excel requires it): the first row below the new one.
        let lo = 0;
        let hi = rows.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (rows[mid] <= n.row) lo = mid + 1;
          else hi = mid;
        }
        groups.add(lo < rows.length ? index.rows.start[lo] : close, rowXml(n));
      }
      groups.into(edits);
    }
  }

  if (index.dimension) {
    const grown = widenDimension(index.dimension.ref, patches);
    if (grown !== index.dimension.ref) {
      const d = index.dimension;
      edits.push({ at: d.start, remove: d.tagEnd - d.start, text: setAttributes(xml.slice(d.start, d.tagEnd), { ref: grown }) });
    }
  }
  return applyEdits(xml, edits);
}

/** Insertions at one offset, kept in the order they were added. */
class Groups {
  private readonly texts = new Map<number, string[]>();

  add(at: number, text: string): void {
    const list = this.texts.get(at);
    if (list) list.push(text);
    else this.texts.set(at, [text]);
  }

  into(edits: Edit[]): void {
    for (const [at, parts] of this.texts) edits.push({ at, remove: 0, text: parts.join('') });
  }
}

function rowCells(index: SheetLayoutIndex, rows: Set<number>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < index.cells.row.length; i++) {
    const row = index.cells.row[i];
    if (!rows.has(row)) continue;
    const list = out.get(row);
    if (list) list.push(i);
    else out.set(row, [i]);
  }
  return out;
}

/** A row's `spans` hint ("2:11", 1-based columns) widened to cover the written columns. */
function widenSpans(tag: string, first: number, last: number): string {
  const m = /\sspans\s*=\s*"(\d+):(\d+)"/.exec(tag);
  if (!m) return tag;
  const from = Math.min(Number(m[1]), first + 1);
  const to = Math.max(Number(m[2]), last + 1);
  return from === Number(m[1]) && to === Number(m[2]) ? tag : setAttributes(tag, { spans: `${from}:${to}` });
}

function widenDimension(ref: string, patches: CellPatch[]): string {
  let area;
  try {
    area = parseArea(ref);
  } catch {
    return ref; // a dimension Excel would not write: leave it to Excel
  }
  const grown = { ...area };
  for (const p of patches) {
    grown.top = Math.min(grown.top, p.row);
    grown.bottom = Math.max(grown.bottom, p.row);
    grown.left = Math.min(grown.left, p.col);
    grown.right = Math.max(grown.right, p.col);
  }
  const same = grown.top === area.top && grown.bottom === area.bottom && grown.left === area.left && grown.right === area.right;
  // An empty sheet says A1; a sheet whose only cells are new ones should not keep A1 in its range.
  return same ? ref : areaToA1(grown);
}
