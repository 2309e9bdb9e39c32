/** Driving the harness grid like a user, and reading the double behind it, from a Playwright page. */
import type { Locator, Page } from "playwright-core";
import type { SheetSnapshot } from "../../support/excel-double";
import type { HarnessWindow } from "../harness/window";

/** The task pane's side of the page: query pane controls here, so a sheet tab named 评分表 is never matched. */
export function paneOf(page: Page): Locator {
  return page.locator("#pane");
}

/** Click a cell of the active sheet, type, press Enter. Resolves to the grid's alert text when the edit was refused. */
export async function typeInCell(page: Page, address: string, text: string): Promise<string | null> {
  await page.locator(`.sheet-grid td[data-address="${address}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  const alert = page.getByTestId("grid-alert");
  return (await alert.count()) > 0 ? await alert.innerText() : null;
}

/** Click a cell and start typing without pressing Enter: Excel (the double) is then in cell-edit mode. */
export async function startTypingInCell(page: Page, address: string, text: string): Promise<void> {
  await page.locator(`.sheet-grid td[data-address="${address}"]`).click();
  await page.keyboard.type(text);
}

export async function activeSheet(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as HarnessWindow).harness.excel.activeSheet());
}

export async function selection(page: Page): Promise<{ sheet: string; address: string }> {
  return page.evaluate(() => (window as unknown as HarnessWindow).harness.excel.selection());
}

export async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as HarnessWindow).harness.excel.sheetNames());
}

/** The parts of a sheet snapshot that survive the trip out of the page (no functions). */
export type SheetData = Omit<SheetSnapshot, "cell">;

export async function sheetData(page: Page, sheet: string): Promise<SheetData> {
  return page.evaluate((name) => {
    const { cell: _cell, ...data } = (window as unknown as HarnessWindow).harness.excel.getSheetState(name);
    return data;
  }, sheet);
}

/** Key/value rows of a `_meta` sheet (column A → column B) as the double holds them. */
export async function metaValues(page: Page, metaSheet: string): Promise<Record<string, string>> {
  const data = await sheetData(page, metaSheet);
  const values: Record<string, string> = {};
  for (const row of data.values) {
    if (typeof row[0] === "string" && row[0] !== "" && !(row[0] in values)) values[row[0]] = row[1] === null ? "" : String(row[1]);
  }
  return values;
}
