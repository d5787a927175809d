// Units that convert into each other without doubt. Anything else must match as written.

import type { Dec } from '../decimal';
import { remembered } from '../remember';
import { fold } from '../text';

const FAMILIES: Array<Record<string, number>> = [
  { '元': 1, '千元': 1e3, '万元': 1e4, '亿元': 1e8 },
  { '米': 1, 'm': 1, '公里': 1e3, '千米': 1e3, 'km': 1e3 },
  { '平方米': 1, 'm2': 1, '平米': 1, '平方公里': 1e6, 'km2': 1e6 },
  { '克': 1, 'g': 1, '千克': 1e3, '公斤': 1e3, 'kg': 1e3, '吨': 1e6, 't': 1e6 },
  { '天': 1, '日': 1, '周': 7 },
  // Durations ("3个月内完成" against "2个月"); a bare 月 is a month of the year, not a length.
  { '个月': 1, '年': 12 },
];

const canonical = remembered((unit: string): string => fold(unit).replace(/\s+/g, '').toLowerCase());

/**
 * `value` (in `from`) expressed in `to`, or null when the two units cannot be compared.
 * A missing unit on either side is taken to be the other one: '20' against '≥20集' is 20 集.
 */
export function convertUnit(value: Dec, from: string, to: string): Dec | null {
  if (from === to) return value;
  const f = canonical(from);
  const t = canonical(to);
  if (f === t || f === '' || t === '') return value;
  const direct = inFamily(value, f, t);
  if (direct) return direct;
  // 1.2万人 against 12000人: a number word in front of the same unit (or of one of its family).
  const a = withoutMultiplier(f);
  const b = withoutMultiplier(t);
  if ((a.factor === 1 && b.factor === 1) || a.unit === '' || b.unit === '') return null;
  const scaled = value.times(a.factor).div(b.factor);
  return a.unit === b.unit ? scaled : inFamily(scaled, a.unit, b.unit);
}

function inFamily(value: Dec, f: string, t: string): Dec | null {
  for (const family of FAMILIES) {
    if (family[f] !== undefined && family[t] !== undefined) return value.times(family[f]).div(family[t]);
  }
  return null;
}

const MULTIPLIERS: Array<[string, number]> = [['亿', 1e8], ['万', 1e4], ['千', 1e3]];

/** '1.2万人' is 12000 人: the number words in front of a unit, as a factor ('千万人': 1e7 人). */
function withoutMultiplier(unit: string): { factor: number; unit: string } {
  let factor = 1;
  let rest = unit;
  for (let again = true; again; ) {
    again = false;
    for (const [word, times] of MULTIPLIERS) {
      if (rest.startsWith(word) && rest.length > word.length) {
        factor *= times;
        rest = rest.slice(word.length);
        again = true;
      }
    }
  }
  return { factor, unit: rest };
}
