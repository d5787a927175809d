// Units that convert into each other without doubt. Anything else must match as written.

import type { Dec } from '../decimal';
import { remembered } from '../remember';
import { fold } from '../text';

const FAMILIES: Array<Record<string, number>> = [
  { '元': 1, '千元': 1e3, '万元': 1e4, '亿元': 1e8 },
  { '米': 1, 'm': 1, '公里': 1e3, '千米': 1e3, 'km': 1e3 },
  { '平方米': 1, 'm2': 1, '平米': 1, '平方公里': 1e6, 'km2': 1e6 },
  { '克': 1, 'g': 1, '千克': 1e3, '公斤': 1e3, 'kg': 1e3, '吨': 1e6, 't': 1e6 },
  { '天': 1, '日': 1 },
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
  for (const family of FAMILIES) {
    if (family[f] !== undefined && family[t] !== undefined) return value.times(family[f]).div(family[t]);
  }
  return null;
}
