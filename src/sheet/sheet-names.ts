/**
 * Excel's sheet-name rules, shared by both hosts so a planned name lands the same in Excel and in an .xlsx file:
 * at most 31 characters, none of []:*?/\, no quote at either end, not "History", compared without regard to case.
 */

const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[\\/?*[\]:]/g;

/** Cut by characters, not UTF-16 units, so a character outside the BMP is never split. */
function truncate(text: string, length: number): string {
  return Array.from(text).slice(0, length).join("");
}

/** Replaces characters Excel forbids, trims quotes at the ends, cuts to 31 characters. */
export function validSheetName(name: string): string {
  const cleaned = truncate(name.replace(FORBIDDEN, "_").replace(/^'+|'+$/g, ""), MAX_SHEET_NAME);
  return cleaned.length > 0 && cleaned.toLowerCase() !== "history" ? cleaned : "Sheet";
}

/** A valid name not in `taken` (compared case-insensitively, as Excel does): name, name (2), name (3) … */
export function uniqueSheetName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((existing) => existing.toLowerCase()));
  const base = validSheetName(name);
  if (!used.has(base.toLowerCase())) return base;
  for (let counter = 2; ; counter++) {
    const suffix = ` (${counter})`;
    const candidate = truncate(base, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** Whether two names are the same sheet's: Excel compares sheet names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
