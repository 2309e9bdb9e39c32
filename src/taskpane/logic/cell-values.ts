import type { CellValue } from "../../scoring/types";

/** Blank as a spreadsheet user means it: nothing, or only spaces (full-width ones too). */
export function isBlank(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === "string" && value.trim() === "";
}
