// Which unit sheet stands for which template sheet: the same name first; then, for a sheet under
// another name, the template sheet whose fixed cells it holds (a renamed sheet, or a form sheet copied
// once per project).

import { fixedCells, rowSignature } from './cells';
import type { SheetLayout } from './layout';

export type SheetMatchKind = 'name' | 'renamed' | 'copy';

export interface SheetMatch {
  template: SheetLayout;
  unit: SheetLayout;
  kind: SheetMatchKind;
}

export interface SheetMatching {
  matches: SheetMatch[];
  missing: SheetLayout[];
  added: SheetLayout[];
}

/** Share of a template sheet's fixed cells a unit sheet holds, and how many. */
const ENOUGH_SHARE = 0.5;
const ENOUGH_CELLS = 2;

const sheetKey = (name: string) => name.normalize('NFKC').trim().toLowerCase();

function count<K>(keys: Iterable<K>): Map<K, number> {
  const out = new Map<K, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

function templateKeys(layout: SheetLayout): Map<string, number> {
  const keys: string[] = [];
  for (let r = 0; r < layout.grid.rowCount; r++) for (const cell of fixedCells(layout, r)) keys.push(cell.key);
  return count(keys);
}

function unitKeys(layout: SheetLayout): Map<string, number> {
  const keys: string[] = [];
  for (let r = 0; r < layout.grid.rowCount; r++) keys.push(...rowSignature(layout, r).keys);
  return count(keys);
}

function likeness(template: Map<string, number>, unit: Map<string, number>): { share: number; found: number } {
  let total = 0;
  let found = 0;
  for (const [k, n] of template) {
    total += n;
    found += Math.min(n, unit.get(k) ?? 0);
  }
  return { share: total === 0 ? 0 : found / total, found };
}

export function matchSheets(templates: SheetLayout[], units: SheetLayout[]): SheetMatching {
  const byName = new Map(templates.map((t) => [sheetKey(t.grid.name), t]));
  const named = new Map<SheetLayout, SheetLayout>();
  for (const u of units) {
    const t = byName.get(sheetKey(u.grid.name));
    if (t && !named.has(t)) named.set(t, u);
  }
  const namedUnits = new Set(named.values());
  const keys = new Map(templates.map((t) => [t, templateKeys(t)]));
  const chosen = new Map<SheetLayout, SheetLayout[]>();
  const added: SheetLayout[] = [];
  for (const u of units) {
    if (namedUnits.has(u)) continue;
    const held = unitKeys(u);
    let best: { t: SheetLayout; share: number } | null = null;
    for (const t of templates) {
      const { share, found } = likeness(keys.get(t)!, held);
      if (share >= ENOUGH_SHARE && found >= ENOUGH_CELLS && (!best || share > best.share)) best = { t, share };
    }
    if (best) chosen.set(best.t, [...(chosen.get(best.t) ?? []), u]);
    else added.push(u);
  }

  const matches: SheetMatch[] = [];
  const missing: SheetLayout[] = [];
  for (const t of templates) {
    const copies = chosen.get(t) ?? [];
    const own = named.get(t);
    if (own) matches.push({ template: t, unit: own, kind: 'name' });
    // One sheet under another name was renamed; several are copies, one per project.
    const kind: SheetMatchKind = !own && copies.length === 1 ? 'renamed' : 'copy';
    for (const u of copies) matches.push({ template: t, unit: u, kind });
    if (!own && copies.length === 0) missing.push(t);
  }
  const order = new Map(units.map((u, i) => [u, i]));
  matches.sort((a, b) => order.get(a.unit)! - order.get(b.unit)!);
  return { matches, missing, added };
}
