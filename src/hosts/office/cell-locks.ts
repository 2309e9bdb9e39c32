/**
 * Locking or unlocking input cells (定稿): a protected sheet refuses format changes, so its protection is lifted and put
 * back with the options our templates use, all in one batch. Neighbouring cells are merged into rectangles first.
 */
import { groupUnlocked } from "./unlocked-areas";
import { sync } from "./sync";

export async function setCellsLockedInExcel(sheetName: string, addresses: string[], locked: boolean): Promise<void> {
  if (addresses.length === 0) return;
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.protection.load("protected");
    await sync(context);
    const wasProtected = sheet.protection.protected;
    if (wasProtected) sheet.protection.unprotect();
    for (const area of groupUnlocked(addresses)) sheet.getRange(area).format.protection.locked = locked;
    if (wasProtected) sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
    await sync(context);
  });
}
