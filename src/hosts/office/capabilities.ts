/** Requirement sets are detected, never assumed (Office 2019 volume licence stops at ExcelApi 1.8 or lower). */
import type { HostCapabilities } from "../types";

/** ExcelApi minor versions are cumulative, so the first unsupported one ends the search. */
const HIGHEST_MINOR_TRIED = 30;

export function excelApiMinor(): number {
  if (typeof Office === "undefined" || !Office.context?.requirements) return 0;
  let minor = 0;
  while (minor < HIGHEST_MINOR_TRIED && Office.context.requirements.isSetSupported("ExcelApi", `1.${minor + 1}`)) minor++;
  return minor;
}

export function detectCapabilities(): HostCapabilities {
  const minor = excelApiMinor();
  return { excelApiMinor: minor, supported: minor >= 7, dataValidation: minor >= 8, enableEvents: minor >= 8 };
}

/** ExcelApi 1.9: RangeAreas (worksheet.getRanges), so one action formats many rectangles. */
export function supportsRangeAreas(minor: number): boolean {
  return minor >= 9;
}

/** ExcelApi 1.9: page layout (orientation, paper, fit to pages, print titles). */
export function supportsPageLayout(minor: number): boolean {
  return minor >= 9;
}
