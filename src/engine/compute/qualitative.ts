// Which official grade a qualitative actual value means: 达成 / 部分达成 / 未达成 (RULES.md §1.4).
// Real sheets write 达成预期指标, 效果明显, 好, 是 …; the profile lists the phrases.

import type { QualitativeLevel } from '../model';
import type { ScoringProfile } from '../profile';
import { fold } from '../text';

function squash(text: string): string {
  return fold(text).replace(/[\s。.,，!！;；、"“”'‘’]/g, '');
}

export function classifyQualitative(actual: string, target: string, profile: ScoringProfile): QualitativeLevel | null {
  const text = squash(actual);
  if (text === '') return null;
  // Writing the target itself as the actual value says it was met.
  if (text === squash(target)) return 'achieved';
  let best: { level: QualitativeLevel; length: number } | null = null;
  for (const level of ['notAchieved', 'partial', 'achieved'] as QualitativeLevel[]) {
    for (const phrase of profile.qualitativePhrases[level]) {
      const p = squash(phrase);
      const hit = p === text || (p.length >= 2 && text.includes(p));
      // The longest phrase wins: 不满意 over 满意, 基本完成 over 完成.
      if (hit && (best === null || p.length > best.length)) best = { level, length: p.length };
    }
  }
  return best?.level ?? null;
}
