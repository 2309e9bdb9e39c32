/**
 * Judges a workbook's bytes before ExcelJS sees them, so a wrong, broken, locked or hostile file gets a clear
 * Chinese message naming it instead of a stack trace or an exhausted machine.
 */
import { contains, startsWith, utf16le, utf8 } from "./bytes";
import { corrupt, encrypted, formatBytes, notXlsx, tooLarge } from "./errors";
import { inflateChunks, InflateLimitError, inflateWithFflate, type WholeInflater } from "./inflate";
import { entryData, readZipDirectory, startsLikeZip, ZipFormatError, type ZipEntry } from "./zip-directory";

export interface ReadLimits {
  /** largest file accepted, in bytes */
  maxBytes: number;
  /** largest total unpacked size, in bytes */
  maxUncompressed: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: 20 * 1024 * 1024, maxUncompressed: 200 * 1024 * 1024 };

// Deflate cannot exceed about 1032:1; real worksheet XML stays far below 500:1, long runs of one byte do not.
const MAX_COMPRESSION_RATIO = 500;
const RATIO_CHECK_FROM = 1024 * 1024;

const CFB_SIGNATURE = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Office's encrypted packages are CFB files holding EncryptionInfo and EncryptedPackage streams (MS-OFFCRYPTO). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  return contains(bytes, utf16le("EncryptionInfo")) || contains(bytes, utf16le("EncryptedPackage"));
}

function describeNonZip(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096);
  const text = utf8(head).replace(/^\uFEFF/, "");
  if (text.startsWith("%PDF")) return "这是 PDF 文件";
  if (/^\s*<(\?xml|!doctype html|html)/i.test(text)) return "这是网页或 XML 格式的表格（常见于系统导出的“.xls”）";
  if (!head.includes(0)) {
    return /[,\t;]/.test(text) ? "内容是纯文本，像是 CSV 文件改了扩展名" : "内容是纯文本";
  }
  return "无法识别的文件格式";
}

function describeOtherZip(names: Set<string>): string {
  if (names.has("xl/workbook.bin")) return "这是 Excel 二进制工作簿 (.xlsb)";
  if (names.has("word/document.xml")) return "这是 Word 文档";
  if ([...names].some((name) => name.startsWith("ppt/"))) return "这是 PowerPoint 文档";
  if (names.has("content.xml") && names.has("mimetype")) return "这是 OpenDocument 表格 (.ods)";
  return "是 zip 压缩包，但里面没有 Excel 工作簿";
}

function checkUnpackedSize(file: string, entries: ZipEntry[], limits: ReadLimits): void {
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limits.maxUncompressed) {
    throw tooLarge(file, `解压后共 ${formatBytes(declared)}，超过上限 ${formatBytes(limits.maxUncompressed)}（疑似“压缩炸弹”）`);
  }
  const absurd = entries.find(
    (entry) => entry.uncompressedSize >= RATIO_CHECK_FROM && entry.uncompressedSize / Math.max(1, entry.compressedSize) > MAX_COMPRESSION_RATIO,
  );
  if (absurd) {
    const ratio = Math.round(absurd.uncompressedSize / Math.max(1, absurd.compressedSize));
    throw tooLarge(file, `“${absurd.name}”压缩比异常（${ratio}:1，疑似“压缩炸弹”）`);
  }
}

/** A checked package: its entries by name; parts are unpacked only when a reader asks for them (./xml-part). */
export interface CheckedPackage {
  entries: ReadonlyMap<string, ZipEntry>;
  /** how its parts are unpacked (./inflate: fflate, or Node's zlib) */
  inflate: WholeInflater;
}

/**
 * Throws WorkbookFileError unless `bytes` look like a complete, unencrypted .xlsx within the limits: a zip whose
 * directory is intact, whose entries' data all lie within the file, and whose declared sizes and ratios are sane.
 * Nothing is unpacked here; each part is checked against its declared size as it is unpacked.
 */
export function checkWorkbookBytes(bytes: Uint8Array, file: string, limits: ReadLimits, inflate: WholeInflater = inflateWithFflate): CheckedPackage {
  if (bytes.length === 0) throw notXlsx(file, "文件是空的");
  if (bytes.length > limits.maxBytes) throw tooLarge(file, `${formatBytes(bytes.length)}，超过上限 ${formatBytes(limits.maxBytes)}`);
  if (startsWith(bytes, CFB_SIGNATURE)) {
    if (isEncryptedPackage(bytes)) throw encrypted(file);
    throw notXlsx(file, "这是旧版 Excel 97-2003 (.xls) 或其他 OLE 格式文件");
  }
  if (!startsLikeZip(bytes)) throw notXlsx(file, describeNonZip(bytes));
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw corrupt(file, error.message);
    throw error;
  }
  if (entries.some((entry) => (entry.flags & 1) === 1)) throw encrypted(file);
  const names = new Map(entries.map((entry) => [entry.name, entry]));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) throw notXlsx(file, describeOtherZip(new Set(names.keys())));
  checkUnpackedSize(file, entries, limits);
  try {
    for (const entry of entries) {
      entryData(bytes, entry);
      if (entry.method !== 0 && entry.method !== 8) throw corrupt(file, `“${entry.name}”使用了不支持的压缩方式 ${entry.method}`);
    }
  } catch (error) {
    if (error instanceof ZipFormatError) throw corrupt(file, error.message);
    throw error;
  }
  return { entries: names, inflate };
}

/** The workbook's XML parts (sheets, shared strings, styles, relationships): every one is unpacked once to check it. */
export function isWorkbookXml(name: string): boolean {
  return name.startsWith("xl/") && (name.endsWith(".xml") || name.endsWith(".rels"));
}

/**
 * Unpacks one entry, handing its output to `onChunk` as it comes, with its declared size as a hard cap so a lying
 * header cannot unpack more. Throws WorkbookFileError (corrupt, too-large); errors thrown by `onChunk` pass through.
 */
export function unpackEntry(file: string, bytes: Uint8Array, entry: ZipEntry, inflate: WholeInflater, onChunk: (chunk: Uint8Array) => void): void {
  let data: Uint8Array;
  try {
    data = entryData(bytes, entry);
  } catch (error) {
    if (error instanceof ZipFormatError) throw corrupt(file, error.message);
    throw error;
  }
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) throw corrupt(file, `“${entry.name}”大小不符`);
    onChunk(data);
    return;
  }
  if (entry.method !== 8) throw corrupt(file, `“${entry.name}”使用了不支持的压缩方式 ${entry.method}`);
  let length: number;
  try {
    length = inflateChunks(data, Math.max(1, entry.uncompressedSize), onChunk, inflate);
  } catch (error) {
    if (error instanceof InflateLimitError) throw tooLarge(file, `“${entry.name}”解压后超过其声明的大小（疑似“压缩炸弹”）`);
    if (isInflateError(error)) throw corrupt(file, `“${entry.name}”无法解压`);
    throw error;
  }
  if (length !== entry.uncompressedSize) throw corrupt(file, `“${entry.name}”解压后大小与声明不符`);
}

/** fflate's errors carry a numeric `code` (FlateErrorCode), as does our own "incomplete" report. */
function isInflateError(error: unknown): boolean {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "number";
}

/**
 * Unpacks, without keeping, the workbook XML parts no reader asked for, so a damaged one is still reported as a
 * damaged file, as it always was. Other parts (images, printer settings) are never unpacked.
 */
export function checkOtherParts(bytes: Uint8Array, file: string, checked: CheckedPackage, parsed: ReadonlySet<string>): void {
  for (const entry of checked.entries.values()) {
    if (isWorkbookXml(entry.name) && !parsed.has(entry.name)) unpackEntry(file, bytes, entry, checked.inflate, () => undefined);
  }
}
