/**
 * Node's side of the reader: a workbook file by path, opened once for reading and never written. Only a regular file
 * is opened (a link is followed only to one): a FIFO, a device or a socket would be read forever or have side
 * effects, and their reported size means nothing. Everything after the bytes are in memory is ./read-bytes, which
 * the browser and the compile workers use directly.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import type { WorkbookGrid } from "../../sheet/types";
import { formatBytes, notRegularFile, tooLarge, unreadable, WorkbookFileError } from "./errors";
import { inflateWithZlib } from "./inflate-node";
import { readLimits, readWorkbookBytesSync, type ReadWorkbookOptions } from "./read-bytes";

export { readWorkbookBuffer, readWorkbookBytes, WorkbookFileError, type ReadWorkbookOptions, type WorkbookFileErrorKind } from "./read-bytes";

/** Throws unless `stats` describe a regular file. */
function checkRegular(path: string, stats: Stats): void {
  if (stats.isFile()) return;
  if (stats.isDirectory()) throw unreadable(path, { code: "EISDIR" });
  const what = stats.isFIFO() ? "命名管道 (FIFO)" : stats.isSocket() ? "套接字" : stats.isCharacterDevice() || stats.isBlockDevice() ? "设备文件" : "特殊文件";
  throw notRegularFile(path, what);
}

// O_NONBLOCK: should a FIFO appear between the check and the open, opening it does not wait for a writer
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/**
 * A regular file's bytes, at most `maxBytes` of them: the path is checked before it is opened, and the opened file
 * again (it may have been swapped in between); the read stops past the limit whatever the size claimed. Synchronous:
 * the compile's worker threads read one file after another and have nothing else to do meanwhile (each asynchronous
 * step would leave the thread idle), and the command line's other readers (rosters, one file) wait for it anyway.
 */
export function readRegularFileSync(path: string, maxBytes: number): Uint8Array {
  try {
    checkRegular(path, statSync(path));
    const descriptor = openSync(path, READ_FLAGS);
    try {
      const stats = fstatSync(descriptor);
      checkRegular(path, stats);
      if (stats.size > maxBytes) throw tooLarge(path, `${formatBytes(stats.size)}，超过上限 ${formatBytes(maxBytes)}`);
      // one byte of room: a file still growing is caught past the size it had
      const buffer = new Uint8Array(stats.size + 1);
      let length = 0;
      for (;;) {
        const read = readSync(descriptor, buffer, length, buffer.length - length, length);
        if (read === 0) return buffer.subarray(0, length);
        length += read;
        if (length === buffer.length) throw tooLarge(path, `读取时文件仍在增长，超过其大小 ${formatBytes(stats.size)}`);
      }
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw unreadable(path, error);
  }
}

/** readRegularFileSync behind a promise, for callers that await. */
export async function readRegularFile(path: string, maxBytes: number): Promise<Uint8Array> {
  return readRegularFileSync(path, maxBytes);
}

/** Opens `path` read-only, refuses it before reading when it is not a regular file or over maxBytes, reads it once. */
export function readWorkbookFileSync(path: string, options?: ReadWorkbookOptions): WorkbookGrid {
  const limits = readLimits(options);
  return readWorkbookBytesSync(readRegularFileSync(path, limits.maxBytes), path, { inflate: inflateWithZlib, ...options });
}

/** readWorkbookFileSync behind a promise, for callers that await. */
export async function readWorkbookFile(path: string, options?: ReadWorkbookOptions): Promise<WorkbookGrid> {
  return readWorkbookFileSync(path, options);
}
