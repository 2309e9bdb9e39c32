/** Node only: compiles workbook files and folders from disk through the shared pipeline (./compile-core). */
import { notXlsx } from "../hosts/xlsx/errors";
import { readWorkbookFile } from "../hosts/xlsx/read";
import type { CompileOptions, CompileOutcome, ProgressCallback } from "./pipeline";
import { compileSources } from "./pipeline";
import type { SkippedFile } from "./find-files";
import { findWorkbooks } from "./find-files";

export interface CompileFilesOptions extends CompileOptions {
  /** files never read from folders, e.g. the summary about to be written */
  exclude?: string[];
  onProgress?: ProgressCallback;
}

export interface CompileFilesOutcome extends CompileOutcome {
  /** files seen in folders but not read (lock files, the output itself) */
  skipped: SkippedFile[];
}

/**
 * Each file is opened read-only, checked against the size limits before its bytes are read, and read lazily, a few
 * at a time, so memory stays bounded however many files a folder holds.
 */
export async function compileFiles(paths: readonly string[], options: CompileFilesOptions = {}): Promise<CompileFilesOutcome> {
  const found = await findWorkbooks(paths, options.exclude ?? []);
  const sources = found.workbooks.map((workbook) => ({
    name: workbook.name,
    read: () =>
      workbook.otherFormat === undefined
        ? readWorkbookFile(workbook.path, { ...options.limits, sheets: "scoring" })
        : Promise.reject(notXlsx(workbook.name, `这是${workbook.otherFormat}`)),
  }));
  const outcome = await compileSources(sources, options, options.onProgress);
  return { ...outcome, skipped: found.skipped };
}
