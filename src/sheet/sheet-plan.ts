/** A SheetPlan with nothing but what is given: no validation, formats, merges or protection unless stated. */
import type { SheetPlan } from "./types";

export function sheetPlan(parts: Pick<SheetPlan, "name" | "cells"> & Partial<SheetPlan>): SheetPlan {
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
    ...parts,
  };
}
