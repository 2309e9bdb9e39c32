/** Band (等次) and pass line (达标) of a final total, recomputed from the scheme rather than taken from a workbook. */
import type { Scheme } from "../rubric/types";
import { VETOED_BAND } from "../scoring/types";
import { compareExact } from "./exact";

/** Band names from the highest to the lowest. */
export function bandNames(scheme: Scheme): string[] {
  return [...scheme.bands].sort((a, b) => compareExact(b.min, a.min)).map((band) => band.name);
}

/** Bands are half-open intervals on the exact total: 89.5 is below a band starting at 90. */
export function bandOf(scheme: Scheme, total: number, vetoed: boolean): string {
  if (vetoed) return VETOED_BAND;
  const bands = [...scheme.bands].sort((a, b) => compareExact(b.min, a.min));
  const reached = bands.find((band) => compareExact(total, band.min) >= 0);
  return (reached ?? bands[bands.length - 1])?.name ?? "";
}

export function passes(scheme: Scheme, total: number, vetoed: boolean): boolean {
  if (vetoed && scheme.passLine.noVeto) return false;
  return compareExact(total, scheme.passLine.minTotal) >= 0;
}
