/**
 * Node's side of the reader: a workbook file by path, opened once for reading and never written. Only a regular file
 * is opened (a link is followed only to one): a FIFO, a device or a socket would be read forever or have side
 * effects, and their reported size means nothing. Everything after the bytes are in memory is ./read-bytes, which
 * the browser and the compile workers use directly.
 */
import { constants, type Stats } from "node:fs";
import { open, stat } from "node:fs/promises";
import type { WorkbookGrid } from "../../sheet/types";
import { formatBytes, notRegularFile, tooLarge, unreadable, WorkbookFileError } from "./errors";
import { readLimits, readWorkbookBytes, type ReadWorkbookOptions } from "./read-bytes";

export { readWorkbookBuffer, readWorkbookBytes, WorkbookFileError, type ReadWorkbookOptions, type WorkbookFileErrorKind } from "./read-bytes";

/** Throws unless `stats` describe a regular file. */
function checkRegular(path: string, stats: Stats): void {
  if (stats.isFile()) return;
  if (stats.isDirectory()) throw unreadable(path, { code: "EISDIR" });
  const what = stats.isFIFO() ? "命名管道 (FIFO)" : stats.isSocket() ? "套接字" : stats.isCharacterDevice() || stats.isBlockDevice() ? "设备文件" : "特殊文件";
  throw notRegularFile(path, what);
}

/**
 * A regular file's bytes, at most `maxBytes` of them: the path is checked before it is opened, and the opened file
 * again (it may have been swapped in between); the read stops past the limit whatever the size claimed.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    checkRegular(path, await stat(path));
    // O_NONBLOCK: should a FIFO appear in between, opening it does not wait for a writer
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stats = await handle.stat();
      checkRegular(path, stats);
      if (stats.size > maxBytes) throw tooLarge(path, `${formatBytes(stats.size)}，超过上限 ${formatBytes(maxBytes)}`);
      const buffer = new Uint8Array(stats.size + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length === buffer.length) throw tooLarge(path, `读取时文件仍在增长，超过其大小 ${formatBytes(stats.size)}`);
      }
      return buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw unreadable(path, error);
  }
}

/** Opens `path` read-only, refuses it before reading when it is not a regular file or over maxBytes, reads it once. */
export async function readWorkbookFile(path: string, options?: ReadWorkbookOptions): Promise<WorkbookGrid> {
  const limits = readLimits(options);
  const bytes = await readRegularFile(path, limits.maxBytes);
  return readWorkbookBytes(bytes, path, options);
}
