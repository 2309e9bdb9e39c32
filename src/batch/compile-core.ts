/**
 * The compile pipeline without Node, for the CLI and the task pane's 汇总 view alike: workbooks already in memory
 * (bytes) → the xlsx host's readWorkbookBytes → ./pipeline. Nothing here or below imports a Node builtin or uses
 * Buffer (test/batch/browser-bundle.test.ts bundles it for the web and runs it in Chromium). Folder walking and file
 * reading live in ./compile-files.
 */
import { readWorkbookBytes } from "../hosts/xlsx/read-bytes";
import type { CompileOptions, CompileOutcome, ProgressCallback } from "./pipeline";
import { compileSources } from "./pipeline";

export type { CompileOptions, CompileOutcome, CompileProgress, ProgressCallback, WorkbookSource } from "./pipeline";
export { compileSources, UnknownSchemeError } from "./pipeline";

export interface WorkbookBytes {
  name: string;
  bytes: Uint8Array;
}

/** Compiles workbooks already in memory (files picked in the task pane, uploads …). */
export function compileWorkbookBytes(
  files: readonly WorkbookBytes[],
  options: CompileOptions = {},
  onProgress?: ProgressCallback,
): Promise<CompileOutcome> {
  const sources = files.map((file) => ({
    name: file.name,
    read: () => readWorkbookBytes(file.bytes, file.name, { ...options.limits, sheets: "scoring" }),
  }));
  return compileSources(sources, options, onProgress);
}
