/** Node only: compiles workbook files and folders from disk through the shared pipeline (./compile-core). */
import type { FoundWorkbook, SkippedFile } from "./find-files";
import { findWorkbooks, readFoundWorkbook } from "./find-files";
import { IsolatedFileReader, type IsolationOptions } from "./isolated-files";
import type { CompileOptions, CompileOutcome, ProgressCallback, WorkbookSource } from "./pipeline";
import { compileSources } from "./pipeline";

export interface CompileFilesOptions extends CompileOptions {
  /** files never read from folders, e.g. the summary about to be written */
  exclude?: string[];
  onProgress?: ProgressCallback;
  /**
   * Read and score each file in a worker thread with a time and memory budget, on every core (the command line
   * always does). Without it, files are read in this thread.
   */
  isolation?: IsolationOptions;
}

export interface CompileFilesOutcome extends CompileOutcome {
  /** files seen in folders but not read (lock files, the output itself) */
  skipped: SkippedFile[];
  /** the workbooks found, in order (the 反馈单 reads them again for reasons and evidence) */
  workbooks: FoundWorkbook[];
}

/**
 * Each file is opened read-only, checked against the size limits before its bytes are read, and read lazily, a few
 * at a time, so memory stays bounded however many files a folder holds.
 */
export async function compileFiles(paths: readonly string[], options: CompileFilesOptions = {}): Promise<CompileFilesOutcome> {
  const isolated = options.isolation ? new IsolatedFileReader(options.isolation, options.limits) : null;
  // the workers load while the folders are walked
  isolated?.start();
  try {
    const found = await findWorkbooks(paths, options.exclude ?? []);
    const sources: WorkbookSource[] = found.workbooks.map((workbook) => ({
      name: workbook.name,
      read: () => readFoundWorkbook(workbook, options.limits),
      ...(isolated && { inputs: () => isolated.read(workbook) }),
    }));
    const concurrency = isolated ? isolated.capacity : options.concurrency;
    const outcome = await compileSources(sources, { ...options, concurrency }, options.onProgress);
    return { ...outcome, skipped: found.skipped, workbooks: found.workbooks };
  } finally {
    await isolated?.close();
  }
}
