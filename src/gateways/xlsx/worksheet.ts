// One worksheet part read in a single pass: the cells' values, formulas (shared and array ones spelled
// out), cached results, merges and protection for the snapshot; and where each row and cell element
// sits in the XML, so that the patch writer can replace exactly the cells it writes.

import { type Area, parseArea, toA1 } from '../../engine/address';
import type { CellValue, SheetSnapshot } from '../../engine';
import { dateText, fromIsoDate } from './dates';
import { shiftFormula } from './formula';
import { RichText } from './strings';
import type { StyleBook } from './styles';
import { scanXml, XmlError } from './xml';

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** "B12" (or "$B$12") → row 11, column 1: read by character, as it is read for every cell. */
function cellRef(text: string): { row: number; col: number } {
  let i = 0;
  let col = 0;
  let row = 0;
  if (text.charCodeAt(i) === 36) i++;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + c - 96;
  }
  if (text.charCodeAt(i) === 36) i++;
  const digits = i;
  for (; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  if (col < 1 || col > MAX_COL + 1 || row < 1 || row > MAX_ROW + 1 || i !== text.length || i === digits) throw new XmlError(`bad cell reference ${text}`);
  return { row: row - 1, col: col - 1 };
}

/** Number(text) for the indexes every cell carries (s="12", <v>345</v> of a shared string), read by character. */
function whole(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || i > 8) return Number(text); // anything else, as Number reads it
    n = n * 10 + d;
  }
  return text.length > 0 ? n : Number(text);
}

function rowNumber(text: string): number {
  const row = Number(text) - 1;
  if (!Number.isInteger(row) || row < 0 || row > MAX_ROW) throw new XmlError(`bad row number ${text}`);
  return row;
}

/** Where an element sits in the part: its start, the end of its start tag, its end. */
export interface Span {
  start: number;
  tagEnd: number;
  end: number;
}

export interface SheetLayoutIndex {
  xml: string;
  /** The prefix the sheet's elements are written with ("" or "x:"), for the elements the writer adds. */
  prefix: string;
  sheetData: (Span & { selfClosing: boolean }) | null;
  dimension: (Span & { ref: string }) | null;
  /** Row elements in document order. `style` is the row's own format (customFormat), or -1. */
  rows: { index: Int32Array; start: Int32Array; tagEnd: Int32Array; end: Int32Array; style: Int32Array };
  /** Cell elements in document order: where each start tag ends (see cellStart) and where the element ends. */
  cells: { row: Int32Array; col: Int32Array; tagEnd: Int32Array; end: Int32Array; style: Int32Array };
  /** Column default formats (<col min max style>), 0-based inclusive. */
  cols: Array<{ min: number; max: number; style: number }>;
}

export interface ReadSheet {
  snapshot: SheetSnapshot;
  index: SheetLayoutIndex;
  /** Merges left out of the snapshot because they overlap one kept before them. */
  overlapping: Array<{ range: string; other: string }>;
}

export class TooManyCellsError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} cells`);
  }
}

export interface SheetContext {
  name: string;
  strings: string[];
  styles: StyleBook | null;
  date1904: boolean;
  /** Cells still allowed in the workbook (the limit less those read so far). */
  cellBudget: number;
}

const ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#UNKNOWN!', '#BUSY!', '#CONNECT!']);
/** Array formulas larger than this mark only the cells the file holds. */
const ARRAY_SPELL_LIMIT = 10000;
const truthy = (v: string | undefined) => v === '1' || v === 'true';

/** A growing list of 32-bit integers: a million cells' positions in 20 MB, not 80. */
class Ints {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  setLast(value: number): void {
    this.data[this.length - 1] = value;
  }

  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Where a cell element starts: found for the cells the writer replaces, not for every cell read. */
export function cellStart(index: SheetLayoutIndex, cell: number): number {
  return index.xml.lastIndexOf('<', index.cells.tagEnd[cell] - 1);
}

/** The cell being read; one object for all of them, reset at each <c>. */
interface CellState {
  row: number;
  col: number;
  type: string;
  style: number;
  tagEnd: number;
  formula: string | null;
  formulaType: string;
  formulaRef: string | undefined;
  sharedIndex: string | undefined;
  value: string | null;
  inline: string | null;
}

export function readWorksheet(xml: string, context: SheetContext): ReadSheet {
  const values: CellValue[][] = [];
  const formulas: Record<string, string> = {};
  const uncalculated: string[] = [];
  const dates: Record<string, string> = {};
  const percents: string[] = [];
  const merges: string[] = [];
  let isProtected = false;
  const index: SheetLayoutIndex = { xml, prefix: '', sheetData: null, dimension: null, rows: null!, cells: null!, cols: [] };
  const rows = { index: new Ints(), start: new Ints(), tagEnd: new Ints(), end: new Ints(), style: new Ints() };
  const cells = { row: new Ints(), col: new Ints(), tagEnd: new Ints(), end: new Ints(), style: new Ints() };
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  const arrays: Array<{ area: Area; formula: string }> = [];
  /** Array formulas over more than one cell whose area reaches the rows still to come. */
  const spanning: Array<{ area: Area; formula: string }> = [];
  let cellCount = 0;

  let inSheetData = false;
  let inMerges = false;
  let row = -1;
  let col = -1;
  const cell: CellState = {
    row: 0, col: 0, type: 'n', style: 0, tagEnd: 0, formula: null, formulaType: '', formulaRef: undefined, sharedIndex: undefined, value: null, inline: null,
  };
  let inCell = false;
  let inValue = false;
  let inFormula = false;
  let inInline = false;
  const rich = new RichText();

  const finishCell = (end: number) => {
    const c = cell;
    inCell = false;
    cells.row.push(c.row);
    cells.col.push(c.col);
    cells.tagEnd.push(c.tagEnd);
    cells.end.push(end);
    cells.style.push(c.style);
    let formula = c.formula;
    if (c.formulaType === 'shared' && c.sharedIndex !== undefined) {
      const master = shared.get(c.sharedIndex);
      if (formula !== null && formula !== '') shared.set(c.sharedIndex, { formula, row: c.row, col: c.col });
      else formula = master ? shiftFormula(master.formula, c.row - master.row, c.col - master.col) : null;
    } else if (c.formulaType === 'array' && formula !== null && c.formulaRef) {
      const [from, to = from] = c.formulaRef.split(':');
      const a = cellRef(from);
      const b = cellRef(to);
      const area = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
      arrays.push({ area, formula });
      if (area.bottom > area.top || area.right > area.left) spanning.push({ area, formula });
    }
    if (formula === null && spanning.length) {
      // A cell inside an array formula's area belongs to the formula though it carries none itself.
      const array = spanning.find((a) => a.area.top <= c.row && c.row <= a.area.bottom && a.area.left <= c.col && c.col <= a.area.right);
      if (array) formula = array.formula;
    }
    const value = cellValue(c, context);
    const isDate = typeof value === 'number' && (c.type === 'd' || context.styles?.isDate(c.style) === true);
    const isPercent = typeof value === 'number' && !isDate && context.styles?.isPercent(c.style) === true;
    if (formula === null && !isDate && !isPercent && value !== null) {
      if (++cellCount > context.cellBudget) throw new TooManyCellsError(context.cellBudget);
      (values[c.row] ??= [])[c.col] = value;
      return;
    }
    if (value === null && formula === null) return; // an empty cell that keeps a format
    const address = toA1(c.row, c.col);
    if (formula !== null) {
      formulas[address] = `=${formula}`;
      // A formula without a stored result: openpyxl and other writers leave <v> out or empty.
      if (c.value === null || (c.value === '' && c.type !== 'str')) uncalculated.push(address);
    }
    if (++cellCount > context.cellBudget) throw new TooManyCellsError(context.cellBudget);
    if (value === null) return;
    (values[c.row] ??= [])[c.col] = value;
    if (isDate) dates[address] = dateText(value as number, context.date1904);
    if (isPercent) percents.push(address);
  };

  scanXml(xml, {
    open(el) {
      if (el.depth === 1) {
        if (el.name === 'sheetData') {
          index.prefix = el.prefix;
          index.sheetData = { start: el.start, tagEnd: el.end, end: el.end, selfClosing: el.selfClosing };
          inSheetData = !el.selfClosing;
        } else if (el.name === 'dimension') {
          index.dimension = { start: el.start, tagEnd: el.end, end: el.end, ref: el.attributes.ref ?? '' };
        } else if (el.name === 'mergeCells') {
          inMerges = true;
        } else if (el.name === 'sheetProtection') {
          isProtected = truthy(el.attributes.sheet);
        }
        return;
      }
      if (el.depth === 2 && el.name === 'col') {
        const style = Number(el.attributes.style ?? 0);
        if (style > 0) index.cols.push({ min: Number(el.attributes.min) - 1, max: Number(el.attributes.max) - 1, style });
        return;
      }
      if (inMerges && el.depth === 2 && el.name === 'mergeCell' && el.attributes.ref) {
        merges.push(el.attributes.ref);
        return;
      }
      if (!inSheetData) return;
      if (el.depth === 2 && el.name === 'row') {
        row = el.attributes.r ? rowNumber(el.attributes.r) : row + 1;
        col = -1;
        for (let i = spanning.length - 1; i >= 0; i--) if (spanning[i].area.bottom < row) spanning.splice(i, 1);
        rows.index.push(row);
        rows.start.push(el.start);
        rows.tagEnd.push(el.end);
        rows.end.push(el.end);
        rows.style.push(truthy(el.attributes.customFormat) ? Number(el.attributes.s ?? 0) : -1);
      } else if (el.depth === 3 && el.name === 'c') {
        if (el.attributes.r) {
          const ref = cellRef(el.attributes.r);
          row = ref.row;
          col = ref.col;
        } else if (++col > MAX_COL) {
          throw new XmlError('too many cells in a row');
        }
        const s = el.attributes.s;
        cell.row = row;
        cell.col = col;
        cell.type = el.attributes.t ?? 'n';
        cell.style = s === undefined ? 0 : whole(s);
        cell.tagEnd = el.end;
        cell.formula = null;
        cell.formulaType = '';
        cell.formulaRef = undefined;
        cell.sharedIndex = undefined;
        cell.value = null;
        cell.inline = null;
        inCell = true;
      } else if (inCell && el.depth === 4) {
        if (el.name === 'v') inValue = !el.selfClosing;
        if (el.name === 'v' && el.selfClosing) cell.value = '';
        if (el.name === 'f') {
          inFormula = !el.selfClosing;
          cell.formula = '';
          cell.formulaType = el.attributes.t ?? '';
          cell.formulaRef = el.attributes.ref;
          cell.sharedIndex = el.attributes.si;
        }
        if (el.name === 'is') inInline = !el.selfClosing;
        if (el.name === 'is' && el.selfClosing) cell.inline = '';
      } else if (inInline) {
        rich.open(el.name, el.selfClosing);
      }
    },
    close(name, end, depth) {
      if (depth === 1) {
        if (name === 'sheetData' && index.sheetData) {
          index.sheetData.end = end;
          inSheetData = false;
        }
        if (name === 'mergeCells') inMerges = false;
        return;
      }
      if (!inSheetData) return;
      if (depth === 2 && name === 'row') rows.end.setLast(end);
      else if (depth === 3 && name === 'c' && inCell) finishCell(end);
      else if (inCell && depth === 4) {
        if (name === 'v') inValue = false;
        if (name === 'f') inFormula = false;
        if (name === 'is') {
          inInline = false;
          cell.inline = rich.take();
        }
      } else if (inInline) rich.close(name);
    },
    text(text) {
      if (!inCell) return;
      if (inValue) cell.value = (cell.value ?? '') + text;
      else if (inFormula) cell.formula += text;
      else if (inInline) rich.text(text);
    },
  });

  index.rows = { index: rows.index.done(), start: rows.start.done(), tagEnd: rows.tagEnd.done(), end: rows.end.done(), style: rows.style.done() };
  index.cells = { row: cells.row.done(), col: cells.col.done(), tagEnd: cells.tagEnd.done(), end: cells.end.done(), style: cells.style.done() };
  for (const { area, formula } of arrays) {
    if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > ARRAY_SPELL_LIMIT) continue;
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) formulas[toA1(r, c)] ??= `=${formula}`;
    }
  }

  const { kept, overlapping } = withoutOverlaps(merges);
  const snapshot: SheetSnapshot = { name: context.name, values, formulas, merges: kept, protected: isProtected };
  if (uncalculated.length) snapshot.uncalculated = uncalculated;
  if (Object.keys(dates).length) snapshot.dates = dates;
  if (percents.length) snapshot.percents = percents;
  context.cellBudget -= cellCount;
  return { snapshot, index, overlapping };
}

function cellValue(c: CellState, context: SheetContext): CellValue {
  const v = c.value;
  switch (c.type) {
    case 's': {
      if (v === null || v === '') return null;
      const s = context.strings[whole(v)];
      return s === undefined || s === '' ? null : s;
    }
    case 'inlineStr':
      return c.inline === null || c.inline === '' ? (v === null || v === '' ? null : v) : c.inline;
    case 'str':
      return v === null || v === '' ? null : v;
    case 'b':
      return v === null || v === '' ? null : v === '1' || v === 'true';
    case 'e':
      return v === null || v === '' ? null : ERRORS.has(v.trim()) ? v.trim() : v;
    case 'd':
      return v === null || v === '' ? null : fromIsoDate(v, context.date1904) ?? v;
    default: {
      if (v === null || v.trim() === '') return null;
      const n = Number(v);
      return Number.isFinite(n) ? n : v;
    }
  }
}

/**
 * Merges without overlaps: an area that overlaps one kept before it (sweeping down the rows, then in file
 * order) is left out. The kept areas crossing the current row never overlap each other, so, sorted by
 * left edge, one binary search finds the only one that can reach into a new area. O(n log n) in merges.
 */
export function withoutOverlaps(ranges: string[]): { kept: string[]; overlapping: Array<{ range: string; other: string }> } {
  const areas: Array<{ range: string; area: Area; order: number }> = [];
  ranges.forEach((range, order) => {
    try {
      areas.push({ range, area: parseArea(range), order });
    } catch {
      // a reference that is not an area is no merge
    }
  });
  const dropped = new Map<number, string>();
  const active: typeof areas = [];
  for (const current of [...areas].sort((a, b) => a.area.top - b.area.top || a.order - b.order)) {
    const clash = crossing(active, current.area);
    if (clash) dropped.set(current.order, clash.range);
    else insertByLeft(active, current);
  }
  return {
    kept: areas.filter((a) => !dropped.has(a.order)).map((a) => a.range),
    overlapping: areas.filter((a) => dropped.has(a.order)).map((a) => ({ range: a.range, other: dropped.get(a.order)! })),
  };
}

/** The kept area reaching into `area`, if any; areas that ended above its top row are dropped on the way. */
function crossing<T extends { area: Area }>(active: T[], area: Area): T | null {
  for (;;) {
    let lo = 0;
    let hi = active.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (active[mid].area.left <= area.right) lo = mid + 1;
      else hi = mid;
    }
    const candidate = active[lo - 1];
    if (!candidate) return null;
    if (candidate.area.bottom < area.top) {
      active.splice(lo - 1, 1);
      continue;
    }
    return candidate.area.right >= area.left ? candidate : null;
  }
}

function insertByLeft<T extends { area: Area }>(active: T[], item: T): void {
  let lo = 0;
  let hi = active.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (active[mid].area.left < item.area.left) lo = mid + 1;
    else hi = mid;
  }
  active.splice(lo, 0, item);
}
