/**
 * Node's side of the reader: a workbook file by path, opened once for reading and never written. Everything after
 * the bytes are in memory is ./read-bytes, which the browser uses directly.
 */
import { open } from "node:fs/promises";
import type { WorkbookGrid } from "../../sheet/types";
import { formatBytes, tooLarge, unreadable, WorkbookFileError } from "./errors";
import { readLimits, readWorkbookBytes, type ReadWorkbookOptions } from "./read-bytes";

export { readWorkbookBuffer, readWorkbookBytes, WorkbookFileError, type ReadWorkbookOptions, type WorkbookFileErrorKind } from "./read-bytes";

/** Opens `path` read-only, refuses it before reading when it is over maxBytes, reads its bytes once. */
export async function readWorkbookFile(path: string, options?: ReadWorkbookOptions): Promise<WorkbookGrid> {
  const limits = readLimits(options);
  let bytes: Uint8Array;
  try {
    const handle = await open(path, "r");
    try {
      const stat = await handle.stat();
      if (stat.isDirectory()) throw unreadable(path, { code: "EISDIR" });
      if (stat.size > limits.maxBytes) throw tooLarge(path, `${formatBytes(stat.size)}，超过上限 ${formatBytes(limits.maxBytes)}`);
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw unreadable(path, error);
  }
  return readWorkbookBytes(bytes, path, limits);
}
