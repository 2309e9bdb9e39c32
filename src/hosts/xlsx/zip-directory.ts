/**
 * Reads a zip's central directory straight from the bytes (APPNOTE.TXT), so a file can be judged before ExcelJS
 * decompresses anything: is it a zip at all, is it complete, how big does it claim to unpack.
 */

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

function readU64(buffer: Buffer, offset: number): number {
  // sizes beyond 2^53 are absurd anyway; Number keeps them comparable against limits
  return Number(buffer.readBigUInt64LE(offset));
}

/** The end record must sit exactly at the end, after its comment: a truncated file has none there. */
function findEndOfDirectory(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let offset = buffer.length - END_RECORD_SIZE; offset >= lowest; offset--) {
    if (buffer.readUInt32LE(offset) !== END_OF_DIRECTORY) continue;
    if (offset + END_RECORD_SIZE + buffer.readUInt16LE(offset + 20) === buffer.length) return offset;
  }
  throw new ZipFormatError("找不到 zip 目录（文件被截断或不完整）(no zip end-of-directory record: truncated)");
}

interface DirectoryLocation {
  entries: number;
  size: number;
  offset: number;
}

function locateDirectory(buffer: Buffer, end: number): DirectoryLocation {
  const location = { entries: buffer.readUInt16LE(end + 10), size: buffer.readUInt32LE(end + 12), offset: buffer.readUInt32LE(end + 16) };
  const usesZip64 = location.entries === U16_MAX || location.size === U32_MAX || location.offset === U32_MAX;
  if (!usesZip64) return location;
  const locator = end - 20;
  if (locator < 0 || buffer.readUInt32LE(locator) !== ZIP64_LOCATOR) return location;
  const record = readU64(buffer, locator + 8);
  if (record + 56 > buffer.length || buffer.readUInt32LE(record) !== ZIP64_END_OF_DIRECTORY) {
    throw new ZipFormatError("zip64 目录记录损坏 (bad zip64 end-of-directory record)");
  }
  return { entries: readU64(buffer, record + 32), size: readU64(buffer, record + 40), offset: readU64(buffer, record + 48) };
}

/** Zip64 extra field (id 1) carries the 64-bit values of whichever 32-bit fields are 0xFFFFFFFF, in fixed order. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + size) throw new ZipFormatError(`zip64 扩展字段不完整 (short zip64 field): ${entry.name}`);
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
export function startsLikeZip(buffer: Buffer): boolean {
  if (buffer.length < 4) return false;
  const signature = buffer.readUInt32LE(0);
  return signature === LOCAL_HEADER || signature === END_OF_DIRECTORY;
}

/** Lists the entries; throws ZipFormatError when the directory is missing, truncated or inconsistent. */
export function readZipDirectory(buffer: Buffer): ZipEntry[] {
  if (buffer.length < END_RECORD_SIZE) throw new ZipFormatError("文件过短，不是完整的 zip (too short for a zip)");
  const end = findEndOfDirectory(buffer);
  const { entries: count, size, offset } = locateDirectory(buffer, end);
  if (offset + size > end) throw new ZipFormatError("zip 目录超出文件范围（文件不完整）(directory beyond end of file)");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || buffer.readUInt32LE(at) !== DIRECTORY_HEADER) {
      throw new ZipFormatError(`zip 目录第 ${index + 1} 项损坏 (bad central directory entry ${index + 1})`);
    }
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: buffer.toString("utf8", at + 46, at + 46 + nameLength),
      flags: buffer.readUInt16LE(at + 8),
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      uncompressedSize: buffer.readUInt32LE(at + 24),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
    };
    applyZip64Extra(entry, buffer.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's compressed bytes, located through its local header. */
export function entryData(buffer: Buffer, entry: ZipEntry): Buffer {
  const header = entry.localHeaderOffset;
  if (header + 30 > buffer.length || buffer.readUInt32LE(header) !== LOCAL_HEADER) {
    throw new ZipFormatError(`“${entry.name}”的数据头损坏 (bad local header)`);
  }
  const start = header + 30 + buffer.readUInt16LE(header + 26) + buffer.readUInt16LE(header + 28);
  if (start + entry.compressedSize > buffer.length) throw new ZipFormatError(`“${entry.name}”的数据不完整 (entry data truncated)`);
  return buffer.subarray(start, start + entry.compressedSize);
}
