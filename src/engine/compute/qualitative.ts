// Which official grade a qualitative actual value means: 达成 / 部分达成 / 未达成 (RULES.md §1.4).
// Real sheets write 达成预期指标, 效果明显, 好, 是 …; the profile lists the phrases. A negated achieving
// word (未按时完成, 没有完成, 不够明显, 无明显提升) is never 达成.

import type { QualitativeLevel } from '../model';
import type { ScoringProfile } from '../profile';
import { fold } from '../text';

/** What an actual value says: its grade, or null when unclear; `negated` when it denies an achieving word. */
export interface QualitativeReading {
  level: QualitativeLevel | null;
  negated: boolean;
}

function squash(text: string): string {
  return fold(text).replace(/[\s。.,，!！;；、"“”'‘’]/g, '');
}

/**
 * A negation shortly before an achieving word, in the same clause. 不仅 / 不但 / 不断 / 不少 / 无论 /
 * 非常 are not negations ("不断提升", "非常满意").
 */
const NEGATION = /(未|没|尚未|不(?!仅|但|断|少|只|光)|无(?!论)|非(?!常))/;
const NEGATION_REACH = 3;

interface Hit {
  level: QualitativeLevel;
  start: number;
  end: number;
}

/** The profile's phrases squashed once (per profile, not per answer), in the order of their grades. */
const phraseLists = new WeakMap<ScoringProfile, Array<[QualitativeLevel, string]>>();
/** Readings by profile, actual and target: the same answers recur down a workbook's indicator rows. */
const readings = new WeakMap<ScoringProfile, Map<string, QualitativeReading>>();
const READINGS_LIMIT = 50_000;

function phrasesOf(profile: ScoringProfile): Array<[QualitativeLevel, string]> {
  let list = phraseLists.get(profile);
  if (!list) {
    list = [];
    for (const level of ['notAchieved', 'partial', 'achieved'] as QualitativeLevel[]) {
      for (const phrase of profile.qualitativePhrases[level]) {
        const p = squash(phrase);
        if (p !== '') list.push([level, p]);
      }
    }
    phraseLists.set(profile, list);
  }
  return list;
}

export function readQualitative(actual: string, target: string, profile: ScoringProfile): QualitativeReading {
  let known = readings.get(profile);
  if (!known) readings.set(profile, (known = new Map()));
  const key = `${actual}\u0000${target}`;
  let reading = known.get(key);
  if (!reading) {
    if (known.size >= READINGS_LIMIT) known.clear();
    reading = read(actual, target, profile);
    known.set(key, reading);
  }
  return reading;
}

function read(actual: string, target: string, profile: ScoringProfile): QualitativeReading {
  const text = squash(actual);
  if (text === '') return { level: null, negated: false };
  // Writing the target itself as the actual value says it was met.
  if (text === squash(target)) return { level: 'achieved', negated: false };
  // Clauses keep their punctuation as a separator: a negation never reaches into the next clause.
  const clauses = fold(actual).replace(/\s+/g, '').replace(/[。.,，!！;；、"“”'‘’]/g, '|');

  const hits: Hit[] = [];
  for (const [level, p] of phrasesOf(profile)) {
    if (p === text) hits.push({ level, start: 0, end: clauses.length });
    // One-character phrases (好, 高, 是) count only as the whole answer.
    if (p.length < 2) continue;
    for (let at = clauses.indexOf(p); at >= 0; at = clauses.indexOf(p, at + 1)) hits.push({ level, start: at, end: at + p.length });
  }
  // A hit inside a longer one is part of it: 完成 in 基本完成, 满意 in 不满意.
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));

  let negated = false;
  const standing: Hit[] = [];
  for (const hit of kept) {
    if (hit.level === 'achieved') {
      const before = clauses.slice(Math.max(0, hit.start - NEGATION_REACH), hit.start).split('|').pop() ?? '';
      if (NEGATION.test(before)) {
        negated = true;
        continue;
      }
    }
    standing.push(hit);
  }
  const candidates = negated ? standing.filter((h) => h.level !== 'achieved') : standing;
  // The longest phrase wins: 部分达成年度指标并具有一定效果 over 达成.
  let best: Hit | null = null;
  for (const h of candidates) if (best === null || h.end - h.start > best.end - best.start) best = h;
  return { level: best?.level ?? null, negated };
}

export function classifyQualitative(actual: string, target: string, profile: ScoringProfile): QualitativeLevel | null {
  return readQualitative(actual, target, profile).level;
}
