/**
 * 等次 and 达标 from the exact total: the one decision the engine and the summary both use (the template's band and
 * pass formulas in sheet/formulas.ts are its parity-tested mirror).
 */
import type { Band, PassLine } from "../rubric/types";
import { add, compare } from "../numbers/decimal";
import { VETOED_BAND } from "./types";

/** The band with the highest min not above the total (89.5 → 较好 when 好 starts at 90); "" when none fits. */
export function bandFor(total: number, bands: Band[]): string {
  let best: Band | undefined;
  for (const band of bands) {
    if (compare(band.min, total) <= 0 && (best === undefined || compare(band.min, best.min) > 0)) best = band;
  }
  return best?.name ?? "";
}

/** 不得参评 when a veto applies, else the band of the total. */
export function bandOf(total: number, vetoed: boolean, bands: Band[]): string {
  return vetoed ? VETOED_BAND : bandFor(total, bands);
}

/** What the pass line is compared with: the total, or the sum of the sections it names (e.g. the basic sections). */
export function passScore(total: number, sections: readonly { code: string; score: number }[], passLine: PassLine): number {
  const named = passLine.sections;
  if (!named) return total;
  return sections.filter((section) => named.includes(section.code)).reduce((sum, section) => add(sum, section.score), 0);
}

/** `score`: passScore's result. */
export function passes(score: number, vetoed: boolean, passLine: PassLine): boolean {
  return compare(score, passLine.minTotal) >= 0 && !(passLine.noVeto && vetoed);
}

/** Band names from the highest to the lowest. */
export function bandNames(bands: Band[]): string[] {
  return [...bands].sort((a, b) => compare(b.min, a.min)).map((band) => band.name);
}
