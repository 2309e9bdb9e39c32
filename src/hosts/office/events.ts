/** Workbook events as plain callbacks with sheet names (Office.js reports sheet ids). */
import type { Disposable, SheetChange } from "../types";
import { sync } from "./sync";

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
    await sync(context);
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
        await sync(context);
      });
    },
  };
}

/** ExcelApi 1.9: one handler for every sheet of the workbook. @requires workbookChangeEvents */
async function watchWorkbookChanges(sheetNames: SheetNameCache, listener: (changes: SheetChange[]) => void): Promise<Disposable> {
  return Excel.run(async (context) => {
    const result = context.workbook.worksheets.onChanged.add(async (event) => {
      listener([{ sheet: await cachedSheetName(sheetNames, event.worksheetId), address: event.address }]);
    });
    await sync(context);
    return disposableFor(result);
  });
}

/** Change events of some worksheets; `watch` adds sheets the add-in made itself (with events off, Excel reports no onAdded). */
export interface ChangeWatch extends Disposable {
  watch(sheetNames: string[]): Promise<void>;
}

/**
 * Below ExcelApi 1.9 there is no workbook-wide change event: one handler per worksheet (worksheet.onChanged, 1.7) on
 * every sheet there is, and on every sheet added later (worksheets.onAdded, 1.7), so a template inserted or copied
 * later is watched too. Two syncs to start, one per added sheet; each change event costs nothing more.
 */
async function watchEachSheet(sheetNames: SheetNameCache, listener: (changes: SheetChange[]) => void): Promise<ChangeWatch> {
  const watched = new Set<string>();
  const results: OfficeExtension.EventHandlerResult<unknown>[] = [];
  let disposed = false;
  const onSheetChanged = async (event: Excel.WorksheetChangedEventArgs) => {
    if (!disposed) listener([{ sheet: await cachedSheetName(sheetNames, event.worksheetId), address: event.address }]);
  };
  const watchSheet = (sheet: Excel.Worksheet) => {
    if (watched.has(sheet.id)) return;
    watched.add(sheet.id);
    sheetNames.set(sheet.id, sheet.name);
    results.push(sheet.onChanged.add(onSheetChanged));
  };
  const onSheetAdded = async (event: Excel.WorksheetAddedEventArgs) => {
    if (disposed || watched.has(event.worksheetId)) return;
    watched.add(event.worksheetId);
    // the handler and the name in one sync: the id is known from the event
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(event.worksheetId);
      results.push(sheet.onChanged.add(onSheetChanged));
      sheet.load("name");
      await sync(context);
      sheetNames.set(event.worksheetId, sheet.name);
    });
  };

  await Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/id,items/name");
    await sync(context);
    for (const sheet of worksheets.items) watchSheet(sheet);
    results.push(worksheets.onAdded.add(onSheetAdded));
    await sync(context);
  });

  return {
    async watch(names: string[]) {
      if (disposed || names.length === 0) return;
      await Excel.run(async (context) => {
        const sheets = names.map((name) => context.workbook.worksheets.getItem(name).load("id,name"));
        await sync(context);
        const fresh = sheets.filter((sheet) => !watched.has(sheet.id));
        if (fresh.length === 0) return;
        fresh.forEach(watchSheet);
        await sync(context);
      });
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      // handlers are removed through the context that added them; a deleted sheet's handler may refuse, which is harmless
      const byContext = new Map<unknown, OfficeExtension.EventHandlerResult<unknown>[]>();
      for (const result of results) byContext.set(result.context, [...(byContext.get(result.context) ?? []), result]);
      for (const group of byContext.values()) {
        await Excel.run(group[0].context, async (context) => {
          group.forEach((result) => result.remove());
          await sync(context);
        }).catch(() => undefined);
      }
    },
  };
}

/**
 * Change events of the whole workbook, in the best way this Excel offers. The result's `watch` is for sheets the
 * add-in adds itself (a no-op with the workbook-wide event).
 */
export async function watchChanges(
  sheetNames: SheetNameCache,
  features: { workbookChangeEvents: boolean },
  listener: (changes: SheetChange[]) => void,
): Promise<ChangeWatch> {
  if (features.workbookChangeEvents) {
    const subscription = await watchWorkbookChanges(sheetNames, listener);
    return { watch: async () => undefined, dispose: () => subscription.dispose() };
  }
  return watchEachSheet(sheetNames, listener);
}

export async function watchActivation(sheetNames: SheetNameCache, listener: (sheet: string) => void): Promise<Disposable> {
  return Excel.run(async (context) => {
    const result = context.workbook.worksheets.onActivated.add(async (event) => {
      listener(await lookUpSheetName(sheetNames, event.worksheetId));
    });
    await sync(context);
    return disposableFor(result);
  });
}
