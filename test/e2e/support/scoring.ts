/** What the 评分 view of a 两化一创 sheet shows, for the browser tests. */
import type { Page } from "playwright-core";
import { getScheme } from "../../../src/rubric/catalogue";
import type { Scheme } from "../../../src/rubric/types";
import { scoreEntries } from "../../../src/scoring/engine";
import { paneOf } from "./grid";

export function lianghua(): Scheme {
  const scheme = getScheme("lianghua-yichuang");
  if (!scheme) throw new Error("built-in scheme lianghua-yichuang missing");
  return scheme;
}

/** The engine's total for a sheet nobody has filled in (the 特色亮点 awards start at 0). */
export function blankTotal(): number {
  return scoreEntries(lianghua(), { rules: {}, vetoes: {} }).total;
}

export async function shownTotal(page: Page): Promise<string> {
  return paneOf(page).getByTestId("total").innerText();
}

/** "Problem on this cell" rows of the problem list. */
export function problemsAt(page: Page, cell: string) {
  // `has` is looked for inside each row, so it is built from the page, not from the pane
  return paneOf(page).locator("li[data-severity]", { has: page.getByRole("button", { name: cell, exact: true }) });
}
