/**
 * Which sheet a `_meta` describes: the one matching rule of the CLI (`score`), the compile and the live task pane.
 *
 * 1. The sheet its `sheet` key names, compared as Excel compares sheet names (without regard to case).
 * 2. When the key is blank or names no existing sheet (older files; the user renamed the scoring sheet since): any
 *    other sheet, not a meta sheet, whose column A carries at least half of the scheme's codes (sections, indicators,
 *    rules, vetoes). A workbook read whole takes the one carrying the most (the first in tab order on a tie); the task
 *    pane, which reads only the active sheet, asks whether the active sheet is one.
 */
import type { Scheme } from "../rubric/types";
import type { MetaTable } from "./read-meta";
import { cellText, isMetaSheetName } from "./read-meta";
import { SHEET_KEY } from "./meta-keys";
import { sameSheetName } from "./sheet-names";
import type { Grid } from "./types";

/** The codes column A carries, which identify a scoring sheet and let the reader re-find rows. */
export function codedItems(scheme: Scheme): Set<string> {
  const codes = new Set<string>();
  for (const section of scheme.sections) {
    codes.add(section.code);
    for (const indicator of section.indicators) {
      codes.add(indicator.code);
      for (const rule of indicator.rules) codes.add(rule.code);
    }
  }
  for (const veto of scheme.vetoes) codes.add(veto.code);
  return codes;
}

/** The `sheet` key's value, "" when absent. */
export function recordedSheetName(table: MetaTable): string {
  return table.values[SHEET_KEY] ?? "";
}

/** The workbook's spelling of the sheet the `sheet` key names, or null when it is blank or names no existing sheet. */
export function namedSheet(table: MetaTable, sheetNames: readonly string[]): string | null {
  const named = recordedSheetName(table);
  if (named === "") return null;
  return sheetNames.find((name) => sameSheetName(name, named)) ?? null;
}

/** How many of the codes column A of a sheet carries. */
function codeMatches(grid: Grid, codes: ReadonlySet<string>): number {
  const found = new Set<string>();
  for (const row of grid.values) {
    const text = cellText(row[0]);
    if (codes.has(text)) found.add(text);
  }
  return found.size;
}

/** A sheet that may stand in for the one a `_meta` no longer names: not a meta sheet, at least half the codes. */
function carriesCodes(grid: Grid, codes: ReadonlySet<string>): boolean {
  if (isMetaSheetName(grid.name) || codes.size === 0) return false;
  return codeMatches(grid, codes) * 2 >= codes.size;
}

/** Among the grids, the one carrying the most codes (first on a tie), of those that carry at least half. */
export function bestCarrier(grids: readonly Grid[], codes: ReadonlySet<string>): Grid | undefined {
  let best: Grid | undefined;
  let bestCount = 0;
  for (const grid of grids) {
    if (!carriesCodes(grid, codes)) continue;
    const count = codeMatches(grid, codes);
    if (count > bestCount) [best, bestCount] = [grid, count];
  }
  return best;
}
