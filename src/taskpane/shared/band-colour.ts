/**
 * Badge colour for a band (等次): the scheme's bands run from best to worst, so colour follows position, not name —
 * custom rubrics may name their bands differently. 不得参评 is always red.
 */
import type { Band } from "../../rubric/types";
import { VETOED_BAND } from "../../scoring/types";

export type BandColour = "success" | "brand" | "warning" | "severe" | "danger" | "informative";

export function bandColour(band: string, bands: readonly Band[]): BandColour {
  if (band === VETOED_BAND) return "danger";
  const index = bands.findIndex((candidate) => candidate.name === band);
  if (index < 0) return "informative";
  if (index === 0) return "success";
  if (index === bands.length - 1) return "severe";
  return index === 1 ? "brand" : "warning";
}
