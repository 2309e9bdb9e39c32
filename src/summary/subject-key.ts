/**
 * Which workbooks are about the same subject. Secretaries type names by hand, so the same branch arrives as
 * "机电学院 教工党支部", "机电学院\u3000教工党支部" (full-width space) or "机电学院（教工）" vs "(教工)".
 */

/** Trims and turns every run of whitespace (full-width U+3000 and no-break spaces included) into one space. */
export function tidyName(name: string): string {
  return name.replace(/[\s\u3000\u00a0]+/g, " ").trim();
}

/**
 * Comparison form of a name: tidied, then NFKC so full-width letters, digits and brackets equal their half-width
 * forms (１ = 1, （ = (). Used only for matching; rows show the name as first typed (tidied).
 */
export function nameKey(name: string): string {
  return tidyName(name.normalize("NFKC"));
}

/** Key of a subject: its name within its 所属党组织. */
export function subjectKey(subject: string, org: string): string {
  return `${nameKey(subject)}\u0000${nameKey(org)}`;
}
