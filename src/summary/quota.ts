/** The recommendation quota (四强: ≤10% of eligible subjects, floor), with ties at the line left to the committee. */
import { compareExact, floorShare } from "./exact";
import type { Recommendation } from "./types";

export interface QuotaDecision {
  /** per total, in the order given */
  recommended: Recommendation[];
  places: number;
  /** the total shared across the line, when there is such a tie */
  tieTotal: number | null;
}

/**
 * The top floor(share × n) totals are recommended. When the last place inside the line and the first outside it have
 * the same total, the rubric gives no way to choose: every subject at that total is "pending" (待定) for the
 * committee, while those above the line stay recommended. Totals are compared exactly.
 */
/** `base`: how many subjects the share is taken of (all candidates by default; 参评 subjects for 四强). */
export function decideQuota(totals: number[], share: number, base: number = totals.length): QuotaDecision {
  const places = floorShare(share, base);
  if (places === 0) return { recommended: totals.map(() => false), places, tieTotal: null };
  if (places >= totals.length) return { recommended: totals.map(() => true), places, tieTotal: null };

  const sorted = [...totals].sort((a, b) => compareExact(b, a));
  const line = sorted[places - 1];
  const firstOutside = sorted[places];
  if (compareExact(line, firstOutside) !== 0) {
    return { recommended: totals.map((t) => compareExact(t, line) >= 0), places, tieTotal: null };
  }
  const recommended = totals.map((t): Recommendation => {
    const side = compareExact(t, line);
    return side > 0 ? true : side === 0 ? "pending" : false;
  });
  return { recommended, places, tieTotal: line };
}
