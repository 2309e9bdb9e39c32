/** Workbook events as plain callbacks with sheet names (Office.js reports sheet ids). */
import type { Disposable, SheetChange } from "../types";

async function sheetName(worksheetId: string): Promise<string> {
  // looked up on every event: sheets can be renamed at any time
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(worksheetId);
    sheet.load("name");
    await context.sync();
    return sheet.name;
  });
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

export async function watchChanges(listener: (changes: SheetChange[]) => void): Promise<Disposable> {
  return Excel.run(async (context) => {
    const result = context.workbook.worksheets.onChanged.add(async (event) => {
      listener([{ sheet: await sheetName(event.worksheetId), address: event.address }]);
    });
    await context.sync();
    return disposableFor(result);
  });
}

export async function watchActivation(listener: (sheet: string) => void): Promise<Disposable> {
  return Excel.run(async (context) => {
    const result = context.workbook.worksheets.onActivated.add(async (event) => {
      listener(await sheetName(event.worksheetId));
    });
    await context.sync();
    return disposableFor(result);
  });
}
