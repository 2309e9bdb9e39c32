/** Ranks of exact totals, highest first. */
import type { RankStyle } from "../rubric/types";
import { compareExact } from "./exact";

/**
 * "dense" (中国式排名): ties share a rank and do not consume the next (95, 95, 90 → 1, 1, 2).
 * "competition": ties share a rank and skip the places they take (95, 95, 90 → 1, 1, 3).
 * Returns the rank of each total, in the order given.
 */
export function rankTotals(totals: number[], style: RankStyle): number[] {
  const order = totals.map((_, i) => i).sort((a, b) => compareExact(totals[b], totals[a]));
  const ranks = new Array<number>(totals.length);
  let rank = 0;
  order.forEach((index, position) => {
    const previous = position > 0 ? order[position - 1] : -1;
    const tiedWithPrevious = previous >= 0 && compareExact(totals[previous], totals[index]) === 0;
    if (!tiedWithPrevious) rank = style === "dense" ? rank + 1 : position + 1;
    ranks[index] = rank;
  });
  return ranks;
}
