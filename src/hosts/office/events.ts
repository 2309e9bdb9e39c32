/** Workbook events as plain callbacks with sheet names (Office.js reports sheet ids). */
import type { Disposable, SheetChange } from "../types";

/**
 * Sheet id → name, one per host, so that a burst of change events costs no extra sync per event. Filled by listSheets
 * and on activation (which always looks the name up again, so a renamed sheet is picked up when the user switches to it).
 */
export type SheetNameCache = Map<string, string>;

export function rememberSheetNames(sheetNames: SheetNameCache, sheets: { id: string; name: string }[]): void {
  sheetNames.clear();
  for (const sheet of sheets) sheetNames.set(sheet.id, sheet.name);
}

async function lookUpSheetName(sheetNames: SheetNameCache, worksheetId: string): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(worksheetId);
    sheet.load("name");
    await context.sync();
    sheetNames.set(worksheetId, sheet.name);
    return sheet.name;
  });
}

async function cachedSheetName(sheetNames: SheetNameCache, worksheetId: string): Promise<string> {
  return sheetNames.get(worksheetId) ?? lookUpSheetName(sheetNames, worksheetId);
}

function disposableFor(result: OfficeExtension.EventHandlerResult<unknown>): Disposable {
  let disposed = false;
  return {
    async dispose() {
      if (disposed) return;
      disposed = true;
      await Excel.run(result.context, async (context) => {
        result.remove();
        await context.sync();
      });
    },
  };
}

export async function watchChanges(sheetNames: SheetNameCache, listener: (changes: SheetChange[]) => void): Promise<Disposable> {
  return Excel.run(async (context) => {
    const result = context.workbook.worksheets.onChanged.add(async (event) => {
      listener([{ sheet: await cachedSheetName(sheetNames, event.worksheetId), address: event.address }]);
    });
    await context.sync();
    return disposableFor(result);
  });
}

export async function watchActivation(sheetNames: SheetNameCache, listener: (sheet: string) => void): Promise<Disposable> {
  return Excel.run(async (context) => {
    const result = context.workbook.worksheets.onActivated.add(async (event) => {
      listener(await lookUpSheetName(sheetNames, event.worksheetId));
    });
    await context.sync();
    return disposableFor(result);
  });
}
