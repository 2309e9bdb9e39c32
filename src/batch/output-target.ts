/**
 * Node only: may the summary be written at this path? Never over an input; over an existing file only when that
 * file is a previous summary (a workbook with the 汇总 sheet and no `_meta`, or a compile --json object), so a
 * mistyped -o or --json cannot destroy someone's file.
 */
import { readFile, realpath, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { readWorkbookFile } from "../hosts/xlsx/read";
import { isMetaSheetName } from "../sheet/read-meta";
import { SUMMARY_SHEET } from "../summary/plan/summary-sheet";

async function canonical(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

/** A workbook this tool wrote as output (it has the named sheet and no `_meta`): one it may write over. */
export async function isPreviousOutput(path: string, sheetName: string): Promise<boolean> {
  try {
    const book = await readWorkbookFile(path);
    const names = book.sheets.map((sheet) => sheet.name);
    return names.includes(sheetName) && !names.some(isMetaSheetName);
  } catch {
    return false;
  }
}

/** A `compile --json` object written before (it has `rows` and `stats`). */
async function isPreviousSummaryJson(path: string): Promise<boolean> {
  try {
    const data = JSON.parse(await readFile(path, "utf8")) as unknown;
    return typeof data === "object" && data !== null && Array.isArray((data as { rows?: unknown }).rows) && "stats" in data;
  } catch {
    return false;
  }
}

/** A Chinese reason why `out` must not be written, or null when it may. `inputs`: every file this run reads. */
export async function outputRefusal(out: string, inputs: readonly string[], label: string): Promise<string | null> {
  const target = await canonical(out);
  for (const input of inputs) {
    if ((await canonical(input)) === target) return `${label}“${out}”是要汇总的输入文件之一，不能覆盖输入文件；请换一个文件名`;
  }
  let info;
  try {
    info = await stat(out);
  } catch {
    return null; // nothing there yet
  }
  if (info.isDirectory()) return `${label}“${out}”是一个文件夹；请给出文件名`;
  const previous = out.toLowerCase().endsWith(".xlsx") ? await isPreviousOutput(out, SUMMARY_SHEET) : await isPreviousSummaryJson(out);
  if (previous) return null;
  return `${label}“${out}”已存在且不是以前生成的汇总表；为免覆盖他人文件，请换一个文件名或先移走该文件`;
}
