// How the report sheet's styles look in Excel, and where they go: whole rectangles of cells that share a
// style (a table's column, a run of paragraphs), so a 1,000-project report sets a few hundred formats
// instead of one set per cell.

/// <reference types="office-js" />

import type { CellStyle, SheetDescription } from '../../engine';
import { type Area, parseArea } from '../../engine/address';

/** A style's formatting as Range.format properties; `border` draws every edge of every cell. */
export interface Look {
  'font.name': string;
  'font.size': number;
  verticalAlignment: 'Top' | 'Center' | 'Bottom';
  'font.bold'?: boolean;
  'font.color'?: string;
  'fill.color'?: string;
  horizontalAlignment?: 'Left' | 'Center' | 'Right';
  wrapText?: boolean;
  border?: boolean;
}

export const LOOKS: Record<CellStyle, Look> = {
  title: { 'font.name': '宋体', 'font.size': 16, 'font.bold': true, horizontalAlignment: 'Center', verticalAlignment: 'Center', wrapText: true },
  subtitle: { 'font.name': '宋体', 'font.size': 10, 'font.color': '#595959', horizontalAlignment: 'Center', verticalAlignment: 'Center' },
  heading: { 'font.name': '黑体', 'font.size': 12, 'font.bold': true, verticalAlignment: 'Center' },
  subheading: { 'font.name': '楷体', 'font.size': 11, 'font.bold': true, verticalAlignment: 'Center' },
  paragraph: { 'font.name': '宋体', 'font.size': 11, verticalAlignment: 'Top', wrapText: true },
  placeholder: { 'font.name': '宋体', 'font.size': 11, 'font.bold': true, 'font.color': '#C00000', 'fill.color': '#FFF2CC', verticalAlignment: 'Top', wrapText: true },
  caption: { 'font.name': '宋体', 'font.size': 10, 'font.bold': true, horizontalAlignment: 'Center', verticalAlignment: 'Bottom' },
  tableHeader: { 'font.name': '宋体', 'font.size': 10, 'font.bold': true, 'fill.color': '#D9E1F2', horizontalAlignment: 'Center', verticalAlignment: 'Center', wrapText: true, border: true },
  tableText: { 'font.name': '宋体', 'font.size': 10, verticalAlignment: 'Center', wrapText: true, border: true },
  tableCentred: { 'font.name': '宋体', 'font.size': 10, horizontalAlignment: 'Center', verticalAlignment: 'Center', border: true },
  tableNumber: { 'font.name': '宋体', 'font.size': 10, horizontalAlignment: 'Right', verticalAlignment: 'Center', border: true },
};

export interface StyledArea {
  area: Area;
  style: CellStyle;
}

/**
 * The sheet's styles as rectangles: each cell's style covers its merged area; runs of one style along a
 * row, then runs of the same span down the rows, become one rectangle each.
 */
export function styleRectangles(sheet: SheetDescription): StyledArea[] {
  const mergeAt = new Map<string, Area>();
  for (const range of sheet.merges) {
    const area = parseArea(range);
    mergeAt.set(`${area.top},${area.left}`, area);
  }
  const grid = new Map<number, Map<number, CellStyle>>();
  for (const c of sheet.cells) {
    const area = mergeAt.get(`${c.row},${c.col}`) ?? { top: c.row, left: c.col, bottom: c.row, right: c.col };
    for (let r = area.top; r <= area.bottom; r++) {
      const line = grid.get(r) ?? new Map<number, CellStyle>();
      for (let col = area.left; col <= area.right; col++) line.set(col, c.style);
      grid.set(r, line);
    }
  }
  const out: StyledArea[] = [];
  let open = new Map<string, StyledArea>();
  for (const row of [...grid.keys()].sort((a, b) => a - b)) {
    const line = grid.get(row) as Map<number, CellStyle>;
    const runs: StyledArea[] = [];
    for (const col of [...line.keys()].sort((a, b) => a - b)) {
      const style = line.get(col) as CellStyle;
      const last = runs[runs.length - 1];
      if (last && last.style === style && last.area.right === col - 1) last.area.right = col;
      else runs.push({ style, area: { top: row, bottom: row, left: col, right: col } });
    }
    const next = new Map<string, StyledArea>();
    for (const run of runs) {
      const key = `${run.area.left},${run.area.right},${run.style}`;
      const above = open.get(key);
      if (above && above.area.bottom === row - 1) {
        above.area.bottom = row;
        next.set(key, above);
      } else {
        out.push(run);
        next.set(key, run);
      }
    }
    open = next;
  }
  return out;
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

/** Sets the look's properties on a range, leaving out those already set for the whole sheet (`base`); returns how many. */
export function applyLook(range: Excel.Range, area: Area, look: Look, base: Partial<Look>): number {
  const f = range.format;
  let count = 0;
  const set = <K extends keyof Look>(key: K, apply: (value: NonNullable<Look[K]>) => void) => {
    const value = look[key];
    if (value === undefined || base[key] === value) return;
    apply(value as NonNullable<Look[K]>);
    count++;
  };
  set('font.name', (v) => (f.font.name = v));
  set('font.size', (v) => (f.font.size = v));
  set('font.bold', (v) => (f.font.bold = v));
  set('font.color', (v) => (f.font.color = v));
  set('fill.color', (v) => (f.fill.color = v));
  set('horizontalAlignment', (v) => (f.horizontalAlignment = v));
  set('verticalAlignment', (v) => (f.verticalAlignment = v));
  set('wrapText', (v) => (f.wrapText = v));
  if (look.border) {
    const edges = EDGES.filter((e) => (e !== 'InsideVertical' || area.right > area.left) && (e !== 'InsideHorizontal' || area.bottom > area.top));
    for (const edge of edges) {
      const border = f.borders.getItem(edge);
      border.style = 'Continuous';
      border.color = '#808080';
      count += 2;
    }
  }
  return count;
}

/** The value of each of the always-set properties that most cells share: set once on the whole sheet. */
export function baseLook(rectangles: StyledArea[]): Partial<Look> {
  const base: Partial<Look> = {};
  for (const key of ['font.name', 'font.size', 'verticalAlignment'] as const) {
    const cells = new Map<unknown, number>();
    for (const { area, style } of rectangles) {
      const n = (area.bottom - area.top + 1) * (area.right - area.left + 1);
      cells.set(LOOKS[style][key], (cells.get(LOOKS[style][key]) ?? 0) + n);
    }
    const best = [...cells].sort((a, b) => b[1] - a[1])[0];
    if (best) (base as Record<string, unknown>)[key] = best[0];
  }
  return base;
}
