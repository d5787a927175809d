// How the report writes figures and names: amounts at the precision entered, scores and rates with two
// decimals, and the 【请补充】 mark for what only the unit can write.

import { type Dec, formatPercent, round2 } from '../decimal';
import type { Project } from '../model';

/** Amounts at the precision entered: 1672.699499 stays 1672.699499, 80 is 80. */
export const amount = (d: Dec): string => d.toFixed();
export const score = (d: Dec): string => round2(d).toFixed(2);
export const percent = formatPercent;
/** A threshold as the rules write it: 80%, 130%. */
export const limit = (d: Dec): string => `${d.times(100).toString()}%`;

/** Text for the unit to write, marked so that it cannot be sent as it is. */
export const ask = (what: string): string => `【请补充：${what}】`;

/** Quoted text from a cell without its closing punctuation: the sentence adds its own full stop. */
export function quoted(text: string): string | null {
  return text.trim().replace(/[。．.；;，,、\s]+$/, '') || null;
}

/** A list of names joined the Chinese way, shortened past `max` with a count of the rest. */
export function listing(names: string[], max = 10): string {
  if (names.length <= max) return names.join('、');
  return `${names.slice(0, max).join('、')}等${names.length}个`;
}

/**
 * Project names as the report writes them: a name the workbook gives to more than one project also says
 * where its row is, so that two 道路维修 are told apart.
 */
export function projectNamer(projects: Project[]): (p: Project) => string {
  const counts = new Map<string, number>();
  for (const p of projects) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  return (p) => {
    if ((counts.get(p.name) ?? 0) < 2) return p.name;
    return `${p.name}（${p.nameCell.sheet}第${p.nameCell.row + 1}行）`;
  };
}
