// Money and scores in decimal arithmetic; every shown rate and score is rounded to 2 decimals, half-up.

import Decimal from 'decimal.js';
import { remembered } from './remember';

export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);

const decimals = remembered((n: number) => new Dec(n));

/**
 * A number of the profile's (a tolerance of 0.01, a grade band from 90) as a decimal, made once: a
 * comparison with the number itself makes the decimal again each time. Zero is made afresh: -0 and 0
 * are one key to a Map but two decimals.
 */
export function decimal(n: number): Dec {
  return n === 0 ? new Dec(n) : decimals(n);
}
export const HUNDRED = new Dec(100);

/** Round to 2 decimals half-up (scores, and rates expressed in percent). */
export function round2(x: Dec): Dec {
  // Most figures have 2 decimals already (typed scores, computed ones): they are their own rounding.
  return x.decimalPlaces() <= 2 ? x : x.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** A rate as a fraction whose percent has 2 decimals: 0.95060 for 95.06 %. */
export function roundRate(x: Dec): Dec {
  return x.decimalPlaces() <= 4 ? x : x.toDecimalPlaces(4, Dec.ROUND_HALF_UP);
}

export function sum(values: Dec[]): Dec {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}

export function toNumber(x: Dec | null | undefined): number | null {
  return x === null || x === undefined ? null : x.toNumber();
}

/** "95.06%" for a rate fraction. */
export function formatPercent(rate: Dec): string {
  return `${rate.times(100).toFixed(2)}%`;
}

/** A score with at most 2 decimals and no trailing zeros: "7.6", "89.47", "100". */
export function formatScore(score: Dec): string {
  return round2(score).toString();
}
