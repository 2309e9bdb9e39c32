/**
 * Node only: turns the command line's files and folders into the list of workbooks to compile. Folders are walked
 * recursively for .xlsx files; Office lock files, macOS resource forks and our own output are left out. Spreadsheets in
 * other formats (.xls, .et, .ods …) are listed too, to be reported, not read.
 */
import { readdir, realpath, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { notXlsx } from "../hosts/xlsx/errors";
import { readWorkbookFile, type ReadWorkbookOptions } from "../hosts/xlsx/read";
import type { WorkbookGrid } from "../sheet/types";

export interface FoundWorkbook {
  /** what the user sees: the argument as given, or the folder argument joined with the path inside it */
  name: string;
  path: string;
  /** a spreadsheet in another format met in a folder: what it is (it is listed as a problem, never read) */
  otherFormat?: string;
}

export interface SkippedFile {
  name: string;
  reason: string;
}

export interface FoundWorkbooks {
  workbooks: FoundWorkbook[];
  skipped: SkippedFile[];
}

function isXlsxName(fileName: string): boolean {
  return fileName.toLowerCase().endsWith(".xlsx");
}

/** Spreadsheets a branch may have saved in the wrong format: listed, so no branch silently drops out of the count. */
const OTHER_SPREADSHEETS: Record<string, string> = {
  ".xls": "Excel 97-2003 工作簿 (.xls)",
  ".xlsm": "启用宏的 Excel 工作簿 (.xlsm)",
  ".xlsb": "Excel 二进制工作簿 (.xlsb)",
  ".xltx": "Excel 模板 (.xltx)",
  ".et": "WPS 表格文件 (.et)",
  ".ett": "WPS 表格模板 (.ett)",
  ".ods": "OpenDocument 表格 (.ods)",
  ".csv": "CSV 文本文件 (.csv)",
};

function otherSpreadsheetFormat(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? undefined : OTHER_SPREADSHEETS[fileName.slice(dot).toLowerCase()];
}

/** Why an .xlsx inside a folder is not a workbook to read, or null. Explicitly named files are always read. */
function skipReason(fileName: string): string | null {
  if (fileName.startsWith("~$")) return "Office 打开文件时生成的临时锁定文件";
  if (fileName.startsWith("._")) return "macOS 生成的附属文件";
  return null;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false; // missing or unreadable: read like a file, so the reader names the reason
  }
}

/**
 * `excluded`: paths never to read from folders (the summary being written, the 反馈单 folder). A file reached twice (named
 * twice, or through a link) is read once.
 */
export async function findWorkbooks(paths: readonly string[], excluded: readonly string[] = []): Promise<FoundWorkbooks> {
  const excludedPaths = new Set(excluded.map((path) => resolve(path)));
  const seen = new Set<string>();
  const visitedFolders = new Set<string>();
  const found: FoundWorkbooks = { workbooks: [], skipped: [] };

  /** `real`: the file's real path when already known (a plain file in a folder whose real path was taken) */
  const addFile = async (name: string, path: string, otherFormat?: string, real?: string): Promise<void> => {
    const key = real ?? (await realpath(path).catch(() => resolve(path)));
    if (seen.has(key)) return;
    seen.add(key);
    found.workbooks.push(otherFormat === undefined ? { name, path } : { name, path, otherFormat });
  };

  const walk = async (folderName: string, folderPath: string): Promise<void> => {
    const real = await realpath(folderPath).catch(() => resolve(folderPath));
    if (visitedFolders.has(real)) return; // a link back up the tree
    if (excludedPaths.has(resolve(folderPath))) {
      found.skipped.push({ name: folderName, reason: "本次汇总的输出文件夹" });
      return;
    }
    visitedFolders.add(real);
    let entries;
    try {
      entries = await readdir(folderPath, { withFileTypes: true });
    } catch (error) {
      found.skipped.push({ name: folderName, reason: `无法读取文件夹（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const name = join(folderName, entry.name);
      const path = join(folderPath, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(path)))) {
        await walk(name, path);
        continue;
      }
      const reason = skipReason(entry.name);
      const otherFormat = otherSpreadsheetFormat(entry.name);
      // only a link needs its own realpath (a system call per file, a second per thousand files otherwise)
      const realFile = entry.isFile() ? join(real, entry.name) : undefined;
      if (otherFormat !== undefined && reason === null) await addFile(name, path, otherFormat, realFile);
      if (!isXlsxName(entry.name)) continue; // other files in a folder are none of our business
      if (reason !== null) found.skipped.push({ name, reason });
      else if (excludedPaths.has(resolve(path))) found.skipped.push({ name, reason: "本次汇总的输出文件" });
      else await addFile(name, path, undefined, realFile);
    }
  };

  for (const path of paths) {
    if (await isDirectory(path)) await walk(path, path);
    else await addFile(path, path);
  }
  return found;
}

/** A found file's scoring sheets; a spreadsheet in another format is refused by name without being opened. */
export function readFoundWorkbook(workbook: FoundWorkbook, limits: ReadWorkbookOptions | undefined): Promise<WorkbookGrid> {
  if (workbook.otherFormat !== undefined) return Promise.reject(notXlsx(workbook.name, `这是${workbook.otherFormat}`));
  return readWorkbookFile(workbook.path, { ...limits, sheets: "scoring" });
}
