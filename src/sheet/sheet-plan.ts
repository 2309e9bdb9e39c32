/** A SheetPlan with nothing but what is given: no validation, formats, merges or protection unless stated. */
import type { SheetPlan } from "./types";

/** Everything a plan leaves unsaid: visible, no styles, widths, heights, merges, rules or protection. */
export function sheetDefaults(): Omit<SheetPlan, "name" | "cells"> {
  return {
    visibility: "visible",
    styles: {},
    columnWidths: [],
    rowHeights: {},
    merges: [],
    validations: [],
    conditionalFormats: [],
    unlocked: [],
    protect: false,
  };
}

export function sheetPlan(parts: Pick<SheetPlan, "name" | "cells"> & Partial<SheetPlan>): SheetPlan {
  return { ...sheetDefaults(), ...parts };
}
