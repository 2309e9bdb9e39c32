/** Unique sheet names in Excel's rules: 31 characters, no []:*?/\, compared without regard to case. */

const LIMIT = 31;

function truncate(text: string, length: number): string {
  return Array.from(text).slice(0, length).join("");
}

function clean(name: string): string {
  return truncate(name.replace(/[[\]:*?/\\]/g, "").replace(/^'+|'+$/g, "").trim(), LIMIT) || "Sheet";
}

/** "两化一创评分表", then "两化一创评分表 (2)", "(3)" …, shortening the base so the suffix fits. */
export function uniqueSheetName(desired: string, taken: Set<string>): string {
  const base = clean(desired);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = truncate(base, LIMIT - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
