// Rows and columns of a unit sheet put against its template's. Rows: a global alignment (as a diff
// does) scored by the template's fixed cells found in each unit row, where adding or dropping a row is
// free in a list's body and costs elsewhere. Columns: per table, by the header labels over each column.

import { type FixedCell, fixedCells, foundIn, type RowSignature, rowSignature } from './cells';
import type { Region, SheetLayout } from './layout';

/** Dropping a fixed row costs this much per fixed cell; adding a row with content outside a list costs ADD. */
const DROP = 0.3;
const ADD = 0.5;
/** Two list rows pair up, in order, before either is dropped or added. */
const LIST_PAIR = 0.1;
const BLANK_PAIR = 0.2;
/** Past this many template × unit rows in one part, rows are paired by position (no real template is near it). */
const MAX_CELLS = 20_000_000;

export interface RowPair {
  t: number;
  u: number;
}

export interface SegmentAlignment {
  /** Template and unit rows compared. */
  template: { from: number; to: number };
  unit: { from: number; to: number };
  pairs: RowPair[];
  /** Template rows with fixed cells that no unit row matches. */
  dropped: number[];
  /** Unit rows with content that no template row matches. */
  added: number[];
  fixed: Map<number, FixedCell[]>;
}

export function alignRows(template: SheetLayout, unit: SheetLayout, t: { from: number; to: number }, u: { from: number; to: number }): SegmentAlignment {
  const n = Math.max(0, t.to - t.from + 1);
  const m = Math.max(0, u.to - u.from + 1);
  const fixed = new Map<number, FixedCell[]>();
  for (let i = 0; i < n; i++) fixed.set(t.from + i, fixedCells(template, t.from + i));
  const sigs: RowSignature[] = [];
  for (let j = 0; j < m; j++) sigs.push(rowSignature(unit, u.from + j));

  const tOpen = (i: number) => template.isOpen(t.from + i);
  const uOpen = (j: number) => unit.isOpen(u.from + j);
  // A list row of the template is room to fill: the unit may drop it, with the formulas it held. One
  // the bureau labelled (an indicator's 一级 / 二级 and 分值) is the bureau's.
  const free = (i: number) => fixed.get(t.from + i)!.every((c) => c.kind === 'formula') && (tOpen(i) || fixed.get(t.from + i)!.length === 0);
  const drop = (i: number) => (free(i) ? 0 : -DROP * fixed.get(t.from + i)!.length);
  const add = (j: number) => (sigs[j].blank || uOpen(j) ? 0 : -ADD);
  const pair = (i: number, j: number): number => {
    const cells = fixed.get(t.from + i)!;
    const sig = sigs[j];
    if (cells.length === 0) return sig.blank && !tOpen(i) ? BLANK_PAIR : tOpen(i) && uOpen(j) ? LIST_PAIR : 0;
    let found = 0;
    for (const cell of cells) if (foundIn(cell, sig)) found++;
    return found + (tOpen(i) && uOpen(j) ? LIST_PAIR : 0);
  };

  if ((n + 1) * (m + 1) > MAX_CELLS) {
    const pairs = Array.from({ length: Math.min(n, m) }, (_, i) => ({ t: t.from + i, u: u.from + i }));
    return { template: t, unit: u, pairs, dropped: [], added: [], fixed };
  }
  // score[i][j]: best alignment of the first i template rows with the first j unit rows.
  const w = m + 1;
  const score = new Float64Array((n + 1) * w);
  const move = new Uint8Array((n + 1) * w); // 1 pair, 2 drop template row, 3 add unit row
  for (let i = 1; i <= n; i++) {
    score[i * w] = score[(i - 1) * w] + drop(i - 1);
    move[i * w] = 2;
  }
  for (let j = 1; j <= m; j++) {
    score[j] = score[j - 1] + add(j - 1);
    move[j] = 3;
  }
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const diagonal = score[(i - 1) * w + j - 1] + pair(i - 1, j - 1);
      const up = score[(i - 1) * w + j] + drop(i - 1);
      const left = score[i * w + j - 1] + add(j - 1);
      // Ties go to pairing: rows in the same place are the same row.
      if (diagonal >= up && diagonal >= left) {
        score[i * w + j] = diagonal;
        move[i * w + j] = 1;
      } else if (up >= left) {
        score[i * w + j] = up;
        move[i * w + j] = 2;
      } else {
        score[i * w + j] = left;
        move[i * w + j] = 3;
      }
    }
  }

  const pairs: RowPair[] = [];
  const dropped: number[] = [];
  const added: number[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const step = move[i * w + j];
    if (step === 1) {
      const cells = fixed.get(t.from + i - 1)!;
      // A fixed row against a blank one was cleared or deleted; a list row may simply be left empty.
      if (cells.length > 0 && sigs[j - 1].blank) {
        if (!free(i - 1)) dropped.push(t.from + i - 1);
      } else {
        pairs.push({ t: t.from + i - 1, u: u.from + j - 1 });
      }
      i--;
      j--;
    } else if (step === 2) {
      if (!free(i - 1)) dropped.push(t.from + i - 1);
      i--;
    } else {
      if (!sigs[j - 1].blank) added.push(u.from + j - 1);
      j--;
    }
  }
  pairs.reverse();
  dropped.reverse();
  added.reverse();
  return { template: t, unit: u, pairs, dropped, added, fixed };
}

export interface ColumnMap {
  t2u: Map<number, number>;
  u2t: Map<number, number>;
  /** Template columns with a header the unit no longer has. */
  missing: number[];
  /** Unit columns inside the table that the template does not have. */
  inserted: number[];
  /** Template columns found elsewhere in the unit's header. */
  moved: Set<number>;
  /** The header rows compared: template row → unit row. */
  headerRows: RowPair[];
}

/** What a column is by its header: its labels down the header rows, a merged tail by the label it continues. */
function columnKey(layout: SheetLayout, rows: number[], col: number): string {
  const { grid } = layout;
  return rows.map((r) => {
    const area = grid.merge(r, col);
    const top = area ? grid.label(area.top, area.left) : grid.label(r, col);
    return area && (area.top !== r || area.left !== col) ? `<${top}` : top;
  }).join('|');
}

function headerSpan(layout: SheetLayout, rows: number[]): { left: number; right: number } | null {
  const { grid } = layout;
  let left = Infinity;
  let right = -1;
  for (const r of rows) {
    for (let c = 0; c < grid.colCount; c++) {
      if (grid.isMergedTail(r, c) || grid.text(r, c) === '') continue;
      const area = grid.merge(r, c);
      left = Math.min(left, c);
      right = Math.max(right, area ? area.right : c);
    }
  }
  return right < 0 ? null : { left, right };
}

/** The unit's columns of one template table, from the header rows the row alignment paired. */
export function alignColumns(template: SheetLayout, unit: SheetLayout, region: Region, pairs: RowPair[]): ColumnMap | null {
  const headerRows = pairs.filter((p) => region.headerRows.includes(p.t));
  const tSpan = headerSpan(template, region.headerRows);
  const uSpan = headerSpan(unit, headerRows.map((p) => p.u));
  if (!tSpan || !uSpan || headerRows.length === 0) return null;
  const tCols = range(tSpan.left, tSpan.right);
  const uCols = range(uSpan.left, uSpan.right);
  const tKeys = tCols.map((c) => columnKey(template, headerRows.map((p) => p.t), c));
  const uKeys = uCols.map((c) => columnKey(unit, headerRows.map((p) => p.u), c));

  // Longest common subsequence, a labelled column weighing more than an empty one.
  const w = uCols.length + 1;
  const best = new Float64Array((tCols.length + 1) * w);
  for (let i = 1; i <= tCols.length; i++) {
    for (let j = 1; j <= uCols.length; j++) {
      const same = tKeys[i - 1] === uKeys[j - 1] ? (tKeys[i - 1].replace(/[|<]/g, '') ? 1 : 0.1) : 0;
      best[i * w + j] = Math.max(best[(i - 1) * w + j], best[i * w + j - 1], same > 0 ? best[(i - 1) * w + j - 1] + same : 0);
    }
  }
  const matched: RowPair[] = [];
  for (let i = tCols.length, j = uCols.length; i > 0 && j > 0;) {
    const same = tKeys[i - 1] === uKeys[j - 1] ? (tKeys[i - 1].replace(/[|<]/g, '') ? 1 : 0.1) : 0;
    if (same > 0 && best[i * w + j] === best[(i - 1) * w + j - 1] + same) {
      matched.push({ t: tCols[i - 1], u: uCols[j - 1] });
      i--;
      j--;
    } else if (best[(i - 1) * w + j] >= best[i * w + j - 1]) i--;
    else j--;
  }
  matched.reverse();

  const map: ColumnMap = { t2u: new Map(), u2t: new Map(), missing: [], inserted: [], moved: new Set(), headerRows };
  const link = (tc: number, uc: number) => {
    map.t2u.set(tc, uc);
    map.u2t.set(uc, tc);
  };
  for (const p of matched) link(p.t, p.u);
  // A labelled column that left its place is found by its label elsewhere.
  const keyOfT = new Map(tCols.map((c, i) => [c, tKeys[i]]));
  const keyOfU = new Map(uCols.map((c, j) => [c, uKeys[j]]));
  for (const tc of tCols) {
    if (map.t2u.has(tc) || !keyOfT.get(tc)!.replace(/[|<]/g, '')) continue;
    const uc = uCols.find((c) => !map.u2t.has(c) && keyOfU.get(c) === keyOfT.get(tc));
    if (uc !== undefined) {
      link(tc, uc);
      map.moved.add(tc);
    }
  }
  // Between two matched columns, the rest pair up in order (a renamed header); what is left over was
  // removed from the template's side or inserted on the unit's.
  const anchors = [{ t: tSpan.left - 1, u: uSpan.left - 1 }, ...matched, { t: tSpan.right + 1, u: uSpan.right + 1 }];
  for (let k = 0; k + 1 < anchors.length; k++) {
    const ts = range(anchors[k].t + 1, anchors[k + 1].t - 1).filter((c) => !map.t2u.has(c));
    const us = range(anchors[k].u + 1, anchors[k + 1].u - 1).filter((c) => !map.u2t.has(c));
    for (let i = 0; i < Math.min(ts.length, us.length); i++) link(ts[i], us[i]);
    map.missing.push(...ts.slice(us.length));
    map.inserted.push(...us.slice(ts.length));
  }
  return map;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
