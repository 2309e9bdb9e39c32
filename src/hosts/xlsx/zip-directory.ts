/**
 * Reads a zip's central directory straight from the bytes (APPNOTE.TXT), so a file can be judged before anything is
 * unpacked: is it a zip at all, is it complete, is an entry encrypted, how big does it claim to unpack. Our own code,
 * because the unzip library we use (fflate) reads the directory only on its way to unpacking: its filter sees names
 * and sizes but not the encryption flag or where an entry's data lies, and every kind of damage comes out as one
 * generic error, where a user needs to be told which (截断、目录损坏、数据不完整).
 */
import { readU16, readU32, readU64, utf8 } from "./bytes";

export interface ZipEntry {
  name: string;
  /** general-purpose flags; bit 0 = entry encrypted */
  flags: number;
  /** 0 stored, 8 deflated */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;

/** The end record must sit exactly at the end, after its comment: a truncated file has none there. */
function findEndOfDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let offset = bytes.length - END_RECORD_SIZE; offset >= lowest; offset--) {
    if (readU32(bytes, offset) !== END_OF_DIRECTORY) continue;
    if (offset + END_RECORD_SIZE + readU16(bytes, offset + 20) === bytes.length) return offset;
  }
  throw new ZipFormatError("找不到 zip 目录（文件被截断或不完整）");
}

interface DirectoryLocation {
  entries: number;
  size: number;
  offset: number;
}

function locateDirectory(bytes: Uint8Array, end: number): DirectoryLocation {
  const location = { entries: readU16(bytes, end + 10), size: readU32(bytes, end + 12), offset: readU32(bytes, end + 16) };
  const usesZip64 = location.entries === U16_MAX || location.size === U32_MAX || location.offset === U32_MAX;
  if (!usesZip64) return location;
  const locator = end - 20;
  if (locator < 0 || readU32(bytes, locator) !== ZIP64_LOCATOR) return location;
  const record = readU64(bytes, locator + 8);
  if (record + 56 > bytes.length || readU32(bytes, record) !== ZIP64_END_OF_DIRECTORY) {
    throw new ZipFormatError("zip64 目录记录损坏");
  }
  return { entries: readU64(bytes, record + 32), size: readU64(bytes, record + 40), offset: readU64(bytes, record + 48) };
}

/** Zip64 extra field (id 1) carries the 64-bit values of whichever 32-bit fields are 0xFFFFFFFF, in fixed order. */
function applyZip64Extra(entry: ZipEntry, extra: Uint8Array): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = readU16(extra, at);
    const size = readU16(extra, at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + size) throw new ZipFormatError(`zip64 扩展字段不完整：${entry.name}`);
        const value = readU64(extra, field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === U32_MAX) entry.uncompressedSize = next();
      if (entry.compressedSize === U32_MAX) entry.compressedSize = next();
      if (entry.localHeaderOffset === U32_MAX) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** A zip starts with a local header, or with the end record when it is empty. */
export function startsLikeZip(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const signature = readU32(bytes, 0);
  return signature === LOCAL_HEADER || signature === END_OF_DIRECTORY;
}

/** Lists the entries; throws ZipFormatError when the directory is missing, truncated or inconsistent. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length < END_RECORD_SIZE) throw new ZipFormatError("文件过短，不是完整的 zip");
  const end = findEndOfDirectory(bytes);
  const { entries: count, size, offset } = locateDirectory(bytes, end);
  if (offset + size > end) throw new ZipFormatError("zip 目录超出文件范围（文件不完整）");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || readU32(bytes, at) !== DIRECTORY_HEADER) {
      throw new ZipFormatError(`zip 目录第 ${index + 1} 项损坏`);
    }
    const nameLength = readU16(bytes, at + 28);
    const extraLength = readU16(bytes, at + 30);
    const commentLength = readU16(bytes, at + 32);
    const entry: ZipEntry = {
      name: utf8(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: readU16(bytes, at + 8),
      method: readU16(bytes, at + 10),
      compressedSize: readU32(bytes, at + 20),
      uncompressedSize: readU32(bytes, at + 24),
      localHeaderOffset: readU32(bytes, at + 42),
    };
    applyZip64Extra(entry, bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's compressed bytes, located through its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || readU32(bytes, header) !== LOCAL_HEADER) {
    throw new ZipFormatError(`“${entry.name}”的数据头损坏`);
  }
  const start = header + 30 + readU16(bytes, header + 26) + readU16(bytes, header + 28);
  if (start + entry.compressedSize > bytes.length) throw new ZipFormatError(`“${entry.name}”的数据不完整`);
  return bytes.subarray(start, start + entry.compressedSize);
}
