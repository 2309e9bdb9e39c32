/**
 * Builds zip files byte by byte for the broken-file tests, so a test can declare sizes that lie, the way a hostile
 * or damaged file would. Only what those tests need: stored or deflated entries, no zip64.
 */
import { crc32, deflateRawSync } from "node:zlib";

export interface ZipSpec {
  name: string;
  data: Buffer | string;
  /** default true */
  deflate?: boolean;
  /** what the headers claim the entry unpacks to; defaults to the truth */
  declaredSize?: number;
}

export function buildZip(specs: ZipSpec[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const data = Buffer.isBuffer(spec.data) ? spec.data : Buffer.from(spec.data, "utf8");
    const deflate = spec.deflate ?? true;
    const packed = deflate ? deflateRawSync(data, { level: 9 }) : data;
    const name = Buffer.from(spec.name, "utf8");
    const declared = spec.declaredSize ?? data.length;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);

    offset += local.length + name.length + packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(specs.length, 8);
  end.writeUInt16LE(specs.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

/** The two parts every .xlsx has; enough to pass the "is it a workbook" test and reach the size checks. */
export const MINIMAL_XLSX_PARTS: ZipSpec[] = [
  { name: "[Content_Types].xml", data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
  { name: "xl/workbook.xml", data: '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>' },
];
