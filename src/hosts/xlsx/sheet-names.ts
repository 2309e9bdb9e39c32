/** Excel's sheet-name rules, so a planned name never produces a file Excel has to repair. */

const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[\\/?*[\]:]/g;

/** Replaces characters Excel forbids, trims quotes at the ends, cuts to 31 characters. */
export function validSheetName(name: string): string {
  const cleaned = name.replace(FORBIDDEN, "_").replace(/^'+|'+$/g, "").slice(0, MAX_SHEET_NAME);
  return cleaned.length > 0 && cleaned.toLowerCase() !== "history" ? cleaned : "Sheet";
}

/** A valid name not in `taken` (compared case-insensitively, as Excel does): name, name (2), name (3) … */
export function uniqueSheetName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((existing) => existing.toLowerCase()));
  const base = validSheetName(name);
  if (!used.has(base.toLowerCase())) return base;
  for (let counter = 2; ; counter++) {
    const suffix = ` (${counter})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
