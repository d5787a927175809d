// 评分标准 text of a department row (RULES.md §2) as profile data: proportional ('按完成比例计分',
// '执行率×分值'), step ('每低于1个百分点扣0.5分，扣完为止'), banded ('≥95%得10分；90%(含)-95%得8分'),
// or conditions a person judges ('未公开的不得分'). Rates are fractions: 95 % is 0.95.

import { Dec } from '../decimal';
import type { RateBound, ScoringStandard } from '../profile';
import { fold } from '../text';

const NUM = '(\\d+(?:\\.\\d+)?)';
const CLAUSE_BREAK = /[；;，,。\n]|(?<=分)、/;

function normalise(text: string): string {
  return fold(text).replace(/\s+/g, '').replace(/[（【]/g, '(').replace(/[）】]/g, ')').replace(/[～〜~—–]/g, '-').replace(/[×xX*]/g, '×');
}

const rate = (n: string) => Number(n) / 100;

/** Points a clause gives: 得8分 → 8, 得满分 → 'full', 不得分 / 得0分 → 0; null when it gives none. */
function pointsOf(clause: string): number | 'full' | null {
  if (/不得分|不计分|(?<![\d.])0分\)?$/.test(clause) || new RegExp(`(?:得|计)0分`).test(clause)) return 0;
  if (/得满分|计满分|满分\)?$/.test(clause)) return 'full';
  const m = new RegExp(`(?:得|计|给)${NUM}分`).exec(clause) ?? new RegExp(`(?<![扣减\\d.])${NUM}分\\)?$`).exec(clause);
  return m ? Number(m[1]) : null;
}

/** The range of rates a clause names before its points, or null when it names none. */
function rangeOf(text: string): { min: RateBound | null; max: RateBound | null } | null {
  const head = text.replace(/((?:得|计|给)(满分|\d+(?:\.\d+)?分)|不得分|不计分).*$/, '');
  // 90%≤执行率<95%
  let m = new RegExp(`${NUM}%?(<=|≤|<)[^\\d]*?(<=|≤|<)${NUM}%?`).exec(head);
  if (m) return { min: { value: rate(m[1]), included: m[2] !== '<' }, max: { value: rate(m[4]), included: m[3] !== '<' } };
  m = new RegExp(`${NUM}%?(\\(含\\))?-${NUM}%?(\\(含\\))?`).exec(head);
  if (m) {
    // 90%(含)-95%: the lower end belongs to the band unless only the upper end says 含.
    const upperOnly = m[2] === undefined && m[4] !== undefined;
    return { min: { value: rate(m[1]), included: !upperOnly }, max: { value: rate(m[3]), included: m[4] !== undefined } };
  }
  m = new RegExp(`(≥|>=|不低于|不少于|大于等于|达到|高于|大于|超过|>|≤|<=|不高于|不超过|小于等于|低于|小于|不足|<|=|为|等于)${NUM}%?(\\(含\\))?(及?以上|及?以下|以内)?`).exec(head);
  if (m) {
    const [op, n, incl, word] = [m[1], rate(m[2]), m[3] !== undefined, m[4] ?? ''];
    if (/^(≥|>=|不低于|不少于|大于等于|达到)$/.test(op) || word.endsWith('以上')) return { min: { value: n, included: true }, max: null };
    if (/^(高于|大于|超过|>)$/.test(op)) return { min: { value: n, included: incl }, max: null };
    if (/^(≤|<=|不高于|不超过|小于等于)$/.test(op) || /以下|以内/.test(word)) return { min: null, max: { value: n, included: true } };
    if (/^(低于|小于|不足|<)$/.test(op)) return { min: null, max: { value: n, included: incl } };
    return { min: { value: n, included: true }, max: { value: n, included: true } };
  }
  // 95%以上 · 90%(含)以上 · 60%以下 (以上 and 以下 include the figure, as in law)
  m = new RegExp(`${NUM}%?(\\(含\\))?(及?以上|及?以下|以内)`).exec(head);
  if (m) {
    return m[3].endsWith('以上') ? { min: { value: rate(m[1]), included: true }, max: null } : { min: null, max: { value: rate(m[1]), included: true } };
  }
  return null;
}

function stepOf(text: string): ScoringStandard | null {
  const m = new RegExp(`每(低于|少于|下降|降低|减少|超过|高于|多于|增加|上升|提高|偏离|超出)${NUM}(?:个)?(?:百分点|%)(?:的)?(?:扣|减|扣减)${NUM}分`).exec(text);
  if (!m) return null;
  const direction = /低于|少于|下降|降低|减少/.test(m[1]) ? 'below' : 'above';
  // The level that still gets full points: the last figure before the step clause that is not a number of points.
  const before = text.slice(0, m.index);
  const figures = [...before.matchAll(new RegExp(`${NUM}(%?)(?![\\d.]*(分|个))`, 'g'))];
  const last = figures[figures.length - 1];
  const threshold = last ? rate(last[1]) : direction === 'below' ? 1 : 0;
  return { kind: 'step', direction, threshold, step: rate(m[2]), points: Number(m[3]) };
}

/**
 * The standard a 评分标准 text writes, or null when it says nothing this parser can read. Never throws.
 */
export function parseStandard(raw: string): ScoringStandard | null {
  const text = normalise(raw);
  if (text === '') return null;
  const step = stepOf(text);
  if (step) return step;
  if (/按(完成|实际|执行)?(比例|完成率|执行率)(计分|得分|计算|折算)|(率|比例)×(该项)?(指标)?(分值|权重|\d)|×分值|分值×.*率/.test(text)) return { kind: 'proportional' };

  const clauses = text.split(CLAUSE_BREAK).filter((c) => c !== '');
  const bands: Array<{ min: RateBound | null; max: RateBound | null; points: number | 'full' }> = [];
  const conditions: Array<{ condition: string; points: number | 'full' | null }> = [];
  let unranged = 0;
  for (const clause of clauses) {
    const points = pointsOf(clause);
    const deducts = /扣\d/.test(clause);
    if (points === null && !deducts) continue;
    const range = points !== null ? rangeOf(clause) : null;
    if (range && points !== null) bands.push({ ...range, points });
    else unranged++;
    const condition = points === null ? clause : clause.replace(/\(?(?:得|计|给)?(满分|\d+(?:\.\d+)?分)\)?$|不得分$/, '');
    conditions.push({ condition: condition || clause, points });
  }
  if (bands.length > 0 && unranged === 0) return { kind: 'banded', bands };
  return conditions.length > 0 ? { kind: 'conditions', clauses: conditions } : null;
}

function holds(bound: RateBound | null, x: Dec, lower: boolean): boolean {
  if (bound === null) return true;
  const b = new Dec(bound.value);
  if (lower) return bound.included ? x.gte(b) : x.gt(b);
  return bound.included ? x.lte(b) : x.lt(b);
}

/** The first band of a banded standard that holds the rate `x`, or null. */
export function bandFor(standard: Extract<ScoringStandard, { kind: 'banded' }>, x: Dec): { points: number | 'full' } | null {
  return standard.bands.find((b) => holds(b.min, x, true) && holds(b.max, x, false)) ?? null;
}
