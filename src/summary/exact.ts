/**
 * Exact decimal arithmetic for the summary, on top of the engine's fixed-point helpers (src/numbers/decimal.ts), so
 * sums, means, weights, shares and rates round the same way as the scores themselves (half away from zero, like the
 * spreadsheet ROUND): 0.1 × 30 floors to 3, and 87.5 + 92.25 is 179.75.
 */
import { compare, divide, mul, mulDiv, sub, sum as exactSum } from "../numbers/decimal";

/** Σ values ÷ count, rounded to 2 decimals; null for no values. */
export function mean2(values: number[]): number | null {
  return values.length === 0 ? null : divide(exactSum(values), values.length, 2);
}

/** a − b, exact. */
export function difference(a: number, b: number): number {
  return sub(a, b);
}

/** Σ wᵢ·xᵢ ÷ Σ wᵢ rounded to 2 decimals (weights renormalised over the parts present). */
export function weightedMean2(parts: { value: number; weight: number }[]): number {
  const weighted = exactSum(parts.map((part) => mul(part.value, part.weight)));
  return mulDiv(weighted, 1, exactSum(parts.map((part) => part.weight)), 2);
}

/** floor(share × count), exact: the number of places a share allows. */
export function floorShare(share: number, count: number): number {
  return Math.floor(mul(share, count));
}

/** ceil(share × count), exact: how many must reach a line for a share to be met. */
export function ceilShare(share: number, count: number): number {
  return Math.ceil(mul(share, count));
}

/** part ≥ share × whole, exact (a 达标率 target met). */
export function meetsShare(part: number, whole: number, share: number): boolean {
  return compare(part, mul(share, whole)) >= 0;
}

/** part ÷ whole as a fraction rounded to 4 decimals (= a percentage with 2 decimals); null for whole 0. */
export function rate4(part: number, whole: number): number | null {
  return whole === 0 ? null : divide(part, whole, 4);
}

/** Compares two scores exactly: -1 when a < b, 0 when equal, 1 when a > b. */
export function compareExact(a: number, b: number): number {
  return compare(a, b);
}

/** The largest and smallest of values, compared exactly; null for no values. */
export function extremes(values: number[]): { max: number; min: number } | null {
  if (values.length === 0) return null;
  let max = values[0];
  let min = values[0];
  for (const value of values) {
    if (compare(value, max) > 0) max = value;
    if (compare(value, min) < 0) min = value;
  }
  return { max, min };
}

/** A share as a percentage label, exact: 0.07 → "7%", 0.125 → "12.5%". */
export function percentLabel(share: number): string {
  return `${mul(share, 100)}%`;
}
