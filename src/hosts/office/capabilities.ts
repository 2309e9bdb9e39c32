/**
 * Requirement sets are detected, never assumed (Office 2019 volume licence stops at ExcelApi 1.7 or 1.8).
 *
 * The one place saying which Office.js members above ExcelApi 1.7 the add-in uses and which capability guards each:
 * test/office/api-sets scans everything the pane bundles against @types/office-js's `[Api set: ExcelApi 1.x]`
 * annotations and fails on a member above 1.7 that is missing here or used outside a check of its capability
 * (`if (features.rangeAreas)`, or a function marked `@requires rangeAreas` whose callers check it).
 */
import type { HostCapabilities, HostFeature } from "../types";

/** Each optional capability and the ExcelApi minor version that brings it. */
export const CAPABILITY_MINOR = {
  /** data validation on the input cells */
  dataValidation: 8,
  /** runtime.enableEvents: our own writes raise no change events */
  enableEvents: 8,
  /** RangeAreas (worksheet.getRanges): one action formats many rectangles */
  rangeAreas: 9,
  /** page layout: orientation, paper, fit to pages, print titles, page header and footer */
  pageLayout: 9,
  /** one workbook-wide change event (worksheets.onChanged); below, live checking listens on each worksheet */
  workbookChangeEvents: 9,
} as const;

export type Capability = keyof typeof CAPABILITY_MINOR;

/** Office.js member ("Excel.Class.member", or "Excel.Class" for all its members) → the capability that guards it. */
export const CAPABILITY_OF_MEMBER: Readonly<Record<string, Capability>> = {
  "Excel.Range.dataValidation": "dataValidation",
  "Excel.DataValidation": "dataValidation",
  "Excel.DataValidationRule": "dataValidation",
  "Excel.BasicDataValidation": "dataValidation",
  "Excel.ListDataValidation": "dataValidation",
  "Excel.CustomDataValidation": "dataValidation",
  "Excel.DataValidationPrompt": "dataValidation",
  "Excel.DataValidationErrorAlert": "dataValidation",
  "Excel.Runtime.enableEvents": "enableEvents",
  "Excel.Worksheet.getRanges": "rangeAreas",
  "Excel.RangeAreas": "rangeAreas",
  "Excel.Worksheet.pageLayout": "pageLayout",
  "Excel.PageLayout": "pageLayout",
  "Excel.PageLayoutZoomOptions": "pageLayout",
  "Excel.HeaderFooterGroup": "pageLayout",
  "Excel.HeaderFooter": "pageLayout",
  "Excel.Worksheet.horizontalPageBreaks": "pageLayout",
  "Excel.PageBreakCollection": "pageLayout",
  "Excel.WorksheetCollection.onChanged": "workbookChangeEvents",
};

/** The capability guarding a member, looked up by member, then by its class. */
export function capabilityOfMember(member: string): Capability | undefined {
  return CAPABILITY_OF_MEMBER[member] ?? CAPABILITY_OF_MEMBER[member.slice(0, member.lastIndexOf("."))];
}

export type Features = Record<Capability, boolean>;

export function featuresAt(minor: number): Features {
  const entries = Object.entries(CAPABILITY_MINOR).map(([name, needs]) => [name, minor >= needs]);
  return Object.fromEntries(entries) as Features;
}

/** ExcelApi minor versions are cumulative, so the first unsupported one ends the search. */
const HIGHEST_MINOR_TRIED = 30;

export function excelApiMinor(): number {
  if (typeof Office === "undefined" || !Office.context?.requirements) return 0;
  let minor = 0;
  while (minor < HIGHEST_MINOR_TRIED && Office.context.requirements.isSetSupported("ExcelApi", `1.${minor + 1}`)) minor++;
  return minor;
}

/** What the user gets at this level, feature by feature (the pane's notice and the self-test report show it). */
export function hostFeatures(minor: number): HostFeature[] {
  const features = featuresAt(minor);
  return (Object.keys(CAPABILITY_MINOR) as Capability[]).map((name) => ({ name, needs: CAPABILITY_MINOR[name], on: features[name] }));
}

export function detectCapabilities(): HostCapabilities {
  const minor = excelApiMinor();
  const features = featuresAt(minor);
  return {
    excelApiMinor: minor,
    supported: minor >= 7,
    dataValidation: features.dataValidation,
    enableEvents: features.enableEvents,
    features: hostFeatures(minor),
  };
}
