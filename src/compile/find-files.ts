/**
 * Node only: turns the command line's files and folders into the list of workbooks to compile. Folders are walked
 * recursively for .xlsx files; Office lock files, macOS resource forks and our own output are left out.
 */
import { readdir, realpath, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

export interface FoundWorkbook {
  /** what the user sees: the argument as given, or the folder argument joined with the path inside it */
  name: string;
  path: string;
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
 * `excluded`: absolute paths never to read from folders (the summary being written). A file reached twice (named
 * twice, or through a link) is read once.
 */
export async function findWorkbooks(paths: readonly string[], excluded: readonly string[] = []): Promise<FoundWorkbooks> {
  const excludedPaths = new Set(excluded.map((path) => resolve(path)));
  const seen = new Set<string>();
  const visitedFolders = new Set<string>();
  const found: FoundWorkbooks = { workbooks: [], skipped: [] };

  const addFile = async (name: string, path: string): Promise<void> => {
    const key = await realpath(path).catch(() => resolve(path));
    if (seen.has(key)) return;
    seen.add(key);
    found.workbooks.push({ name, path });
  };

  const walk = async (folderName: string, folderPath: string): Promise<void> => {
    const real = await realpath(folderPath).catch(() => resolve(folderPath));
    if (visitedFolders.has(real)) return; // a link back up the tree
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
      if (!isXlsxName(entry.name)) continue; // other files in a folder are none of our business
      const reason = skipReason(entry.name);
      if (reason !== null) found.skipped.push({ name, reason });
      else if (excludedPaths.has(resolve(path))) found.skipped.push({ name, reason: "本次汇总的输出文件" });
      else await addFile(name, path);
    }
  };

  for (const path of paths) {
    if (await isDirectory(path)) await walk(path, path);
    else await addFile(path, path);
  }
  return found;
}
