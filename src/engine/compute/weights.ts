// 分值 checks (RULES.md §1.1): all weights make 100 with 预算执行率; a level-1 label that carries its
// points ('产出指标(50分)') agrees with its indicators; a split other than the default is noted.

import { Dec, decimal, formatScore, sum } from '../decimal';
import type { Findings } from '../findings';
import type { CellPos, Indicator } from '../model';
import type { ScoringProfile } from '../profile';
import { fold, labelKey } from '../text';

const HUNDRED = new Dec(100);

export function isExecutionIndicator(ind: Indicator): boolean {
  return labelKey(ind.level3).includes('预算执行率') || labelKey(ind.level1).includes('预算执行率');
}

/** Returns false when the weights do not make 100 (an error said at `anchor`): no total stands on them. */
export function checkWeights(indicators: Indicator[], executionWeight: Dec, anchor: CellPos, profile: ScoringProfile, findings: Findings): boolean {
  if (indicators.length === 0 || indicators.some((i) => i.weight === null)) return true;
  const tol = decimal(profile.tolerance);
  const ownRow = indicators.some(isExecutionIndicator);
  const execution = ownRow ? new Dec(0) : executionWeight;
  const total = execution.plus(sum(indicators.map((i) => i.weight as Dec)));
  if (total.minus(HUNDRED).abs().gt(tol)) {
    findings.add('weights.total', anchor.sheet, anchor.row, anchor.col, { total: formatScore(total), execution: formatScore(execution) });
    return false;
  }

  const groups = new Map<string, { label: string; first: Indicator; weight: Dec }>();
  for (const ind of indicators) {
    if (isExecutionIndicator(ind)) continue;
    const key = labelKey(ind.level1);
    const group = groups.get(key);
    if (group) group.weight = group.weight.plus(ind.weight as Dec);
    else groups.set(key, { label: ind.level1, first: ind, weight: ind.weight as Dec });
  }
  let labelled = false;
  for (const { label, first, weight } of groups.values()) {
    const declared = /(\d+(?:\.\d+)?)分/.exec(fold(label));
    if (!declared) continue;
    labelled = true;
    if (new Dec(declared[1]).minus(weight).abs().gt(tol)) {
      findings.add('weights.level1-label', first.sheet, first.row, first.cols.level1 >= 0 ? first.cols.level1 : first.cols.level3, {
        label: labelKey(label), declared: declared[1], actual: formatScore(weight),
      });
    }
  }
  if (labelled) return true;

  const defaults = Object.entries(profile.level1Weights);
  const differs = defaults.some(([name, points]) => {
    const g = groups.get(labelKey(name));
    return g !== undefined && !g.weight.eq(decimal(points));
  });
  if (differs) {
    const split = [...groups.values()].map((g) => `${labelKey(g.label) || '（空）'}${formatScore(g.weight)}分`).join('、');
    const splitEn = [...groups.values()].map((g) => `${labelKey(g.label) || '(blank)'} ${formatScore(g.weight)}`).join(' / ');
    findings.add('weights.level1-split', anchor.sheet, anchor.row, anchor.col, { split, splitEn });
  }
  return true;
}
