/**
 * The compile pipeline without Node's fs, for the CLI and the task pane's 汇总 view alike: workbooks already in memory
 * (bytes) → the xlsx host's readWorkbookBuffer → ./pipeline. Folder walking and file reading live in ./compile-files.
 */
import { readWorkbookBuffer } from "../hosts/xlsx/read";
import type { CompileOptions, CompileOutcome, ProgressCallback } from "./pipeline";
import { compileSources } from "./pipeline";

export type { CompileOptions, CompileOutcome, CompileProgress, ProgressCallback, WorkbookSource } from "./pipeline";
export { compileSources, mostCommonScheme, UnknownSchemeError } from "./pipeline";

export interface WorkbookBytes {
  name: string;
  bytes: Uint8Array;
}

/** The xlsx host reads Node Buffers; a Uint8Array is wrapped without copying. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Compiles workbooks already in memory (files picked in the task pane, uploads …). */
export function compileWorkbookBytes(
  files: readonly WorkbookBytes[],
  options: CompileOptions = {},
  onProgress?: ProgressCallback,
): Promise<CompileOutcome> {
  const sources = files.map((file) => ({
    name: file.name,
    read: () => readWorkbookBuffer(asBuffer(file.bytes), file.name, options.limits),
  }));
  return compileSources(sources, options, onProgress);
}
