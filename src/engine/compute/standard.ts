// A department row's score from its rate by its 评分标准 (RULES.md §2): the score to write where the
// unit left it blank, and the scores a careful reader of the same text could give.

import { Dec, round2, ZERO } from '../decimal';
import { bandFor } from '../parse/standard';
import type { ScoringStandard } from '../profile';

export interface StandardScore {
  /** The score the standard gives (a step rule: the deduction proportional to the shortfall). */
  expected: Dec;
  /** Every score the text allows: a step rule read in whole steps (floor or ceiling) as well. */
  accepted: Dec[];
}

const clamp = (x: Dec, weight: Dec) => round2(Dec.max(ZERO, Dec.min(weight, x)));

/** Null where the standard cannot score a rate (conditions, or no band holds it). */
export function scoreByStandard(standard: ScoringStandard, rate: Dec, weight: Dec): StandardScore | null {
  switch (standard.kind) {
    case 'proportional': {
      const score = clamp(rate.times(weight), weight);
      return { expected: score, accepted: [score] };
    }
    case 'step': {
      const threshold = new Dec(standard.threshold);
      const gap = standard.direction === 'below' ? threshold.minus(rate) : rate.minus(threshold);
      if (gap.lte(0)) return { expected: weight, accepted: [weight] };
      const steps = gap.div(standard.step);
      const at = (n: Dec) => clamp(weight.minus(n.times(standard.points)), weight);
      const expected = at(steps);
      // "每低于1个百分点扣0.5分": 3.5 points below is 1.75 off, or 1.5 / 2 off when counted in whole points.
      return { expected, accepted: [expected, at(steps.floor()), at(steps.ceil())] };
    }
    case 'banded': {
      const band = bandFor(standard, rate);
      if (!band) return null;
      const score = band.points === 'full' ? weight : clamp(new Dec(band.points), weight);
      return { expected: score, accepted: [score] };
    }
    default:
      return null;
  }
}
