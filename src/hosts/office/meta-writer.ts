/** Key/value rows of a `_meta` sheet: update the row whose key matches, append the others below. */
import { sync } from "./sync";

function text(value: string): string {
  return `'${value}`; // keep values as typed: "2024" or "=x" must not become a number or a formula
}

export async function writeMetaInExcel(metaSheet: string, values: Record<string, string>, enableEvents: boolean): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(metaSheet);
    const used = sheet.getUsedRange(true);
    used.load("values, rowIndex, rowCount");
    sheet.protection.load("protected");
    if (enableEvents) context.runtime.load("enableEvents");
    await sync(context);

    const eventsWere = enableEvents ? context.runtime.enableEvents : true;
    if (enableEvents) context.runtime.enableEvents = false;
    const wasProtected = sheet.protection.protected;
    if (wasProtected) sheet.protection.unprotect();
    const rowOfKey = new Map<string, number>();
    used.values.forEach((row, index) => {
      const key = row[0];
      if (typeof key === "string" && key.trim() !== "") rowOfKey.set(key.trim(), used.rowIndex + index);
    });
    const isBlank = used.values.every((row) => row.every((value) => value === ""));
    const nextRow = isBlank ? 0 : used.rowIndex + used.rowCount;
    const appended: string[][] = [];
    for (const [key, value] of Object.entries(values)) {
      const row = rowOfKey.get(key);
      if (row !== undefined) sheet.getRangeByIndexes(row, 1, 1, 1).values = [[text(value)]];
      else appended.push([text(key), text(value)]);
    }
    if (appended.length > 0) sheet.getRangeByIndexes(nextRow, 0, appended.length, 2).values = appended;
    if (wasProtected) sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
    if (enableEvents) context.runtime.enableEvents = eventsWere;
    await sync(context);
  });
}
