/** 等次 and 达标 from the exact total. */
import type { Band, PassLine } from "../rubric/types";
import { compare } from "../numbers/decimal";

/** The band with the highest min not above the total (89.5 → 较好 when 好 starts at 90); "" when none fits. */
export function bandFor(total: number, bands: Band[]): string {
  let best: Band | undefined;
  for (const band of bands) {
    if (compare(band.min, total) <= 0 && (best === undefined || compare(band.min, best.min) > 0)) best = band;
  }
  return best?.name ?? "";
}

export function passes(total: number, vetoed: boolean, passLine: PassLine): boolean {
  return compare(total, passLine.minTotal) >= 0 && !(passLine.noVeto && vetoed);
}
