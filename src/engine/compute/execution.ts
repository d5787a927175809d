// Budget execution of one project, wherever its amounts sit (a form's 年度资金总额 row or a list row):
// the rate, the score, and the checks of RULES.md §1.2 and §1.6 that concern money.

import { Dec, decimal, formatPercent } from '../decimal';
import type { Findings } from '../findings';
import type { NumberCell } from '../model';
import type { ScoringProfile } from '../profile';
import { executionRate, executionScore } from './scoring';

export interface Execution {
  rate: Dec | null;
  score: Dec | null;
}

export function computeExecution(
  budget: NumberCell | null, executed: NumberCell | null, weight: Dec, rateCell: NumberCell | null,
  profile: ScoringProfile, findings: Findings,
): Execution {
  if (!budget) return { rate: null, score: null };
  if (budget.value === null || budget.value.lte(0)) {
    // A cell already reported as unreadable needs no second message.
    if (!budget.unreadable) findings.add('exec.budget-zero', budget.sheet, budget.row, budget.col);
    return { rate: null, score: null };
  }
  if (!executed || executed.value === null) {
    if (executed && !executed.unreadable) findings.add('exec.executed-missing', executed.sheet, executed.row, executed.col);
    return { rate: null, score: null };
  }
  const rate = executionRate(budget.value, executed.value) as Dec;
  const at = rateCell ?? executed;
  if (executed.value.gt(budget.value)) {
    findings.add('exec.over', executed.sheet, executed.row, executed.col, {
      executed: executed.value.toString(), budget: budget.value.toString(), rate: formatPercent(rate),
    });
  } else if (rate.lt(decimal(profile.lowExecutionRate))) {
    findings.add('exec.low', at.sheet, at.row, at.col, { rate: formatPercent(rate) });
  }
  return { rate, score: executionScore(budget.value, executed.value, weight, profile.capExecutionScore) };
}
