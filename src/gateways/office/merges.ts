// Merged areas read in bands of rows. getMergedAreasOrNullObject returns the areas whose top-left cell
// lies in the range and fails above 512 of them; a band of at most 512 cells cannot hold more, so bands
// never fail on that count. Bands go in as few requests as the 5 MB limit allows; a request Excel
// refuses anyway is split, and a band is split down to single rows, then retried.

/// <reference types="office-js" />

import { type Area, areaToA1 } from '../../engine/address';
import { isStateError, PAYLOAD_BUDGET } from './api';

export const MERGE_BAND_CELLS = 512;
/** A band's object paths and query in the request, measured at about 700 bytes. */
const BAND_REQUEST_BYTES = 900;

export interface Band {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** The bands covering a sheet's used range: full-width rows, or column slices when a row is wider than 512. */
export function mergeBands(sheet: string, used: Area): Band[] {
  const width = used.right - used.left + 1;
  const cols = Math.min(width, MERGE_BAND_CELLS);
  const rows = Math.max(1, Math.floor(MERGE_BAND_CELLS / cols));
  const bands: Band[] = [];
  for (let top = used.top; top <= used.bottom; top += rows) {
    for (let left = used.left; left <= used.right; left += cols) {
      bands.push({ sheet, top, left, rows: Math.min(rows, used.bottom - top + 1), cols: Math.min(cols, used.right - left + 1) });
    }
  }
  return bands;
}

function split(band: Band): Band[] {
  if (band.rows < 2) return [band];
  const half = Math.ceil(band.rows / 2);
  return [{ ...band, rows: half }, { ...band, top: band.top + half, rows: band.rows - half }];
}

/** Every band's merged areas as A1 ranges, by sheet; returns the syncs it took. */
export async function readMerges(context: Excel.RequestContext, bands: Band[], out: Map<string, Set<string>>): Promise<number> {
  let syncs = 0;
  const perRequest = Math.max(1, Math.floor(PAYLOAD_BUDGET / BAND_REQUEST_BYTES));
  const queue: Band[][] = [];
  for (let i = 0; i < bands.length; i += perRequest) queue.push(bands.slice(i, i + perRequest));
  while (queue.length) {
    const group = queue.shift() as Band[];
    const loads = group.map((b) => {
      const areas = context.workbook.worksheets.getItem(b.sheet).getRangeByIndexes(b.top, b.left, b.rows, b.cols).getMergedAreasOrNullObject();
      areas.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
      return { band: b, areas };
    });
    syncs++;
    try {
      await context.sync();
    } catch (error) {
      // A refusal not about the workbook's state is about this request: split it and try again.
      if (isStateError(error)) throw error;
      const half = Math.ceil(group.length / 2);
      if (group.length > 1) queue.unshift(group.slice(0, half), group.slice(half));
      else if (group[0].rows > 1) queue.unshift(...split(group[0]).map((b) => [b]));
      else throw error;
      continue;
    }
    for (const { band, areas } of loads) {
      if (areas.isNullObject) continue;
      const set = out.get(band.sheet) ?? new Set<string>();
      for (const a of areas.areas.items) set.add(areaToA1({ top: a.rowIndex, left: a.columnIndex, bottom: a.rowIndex + a.rowCount - 1, right: a.columnIndex + a.columnCount - 1 }));
      out.set(band.sheet, set);
    }
  }
  return syncs;
}
