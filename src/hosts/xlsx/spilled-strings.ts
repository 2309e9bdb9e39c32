/**
 * The streaming writer's shared strings kept on disk rather than in memory (issue 12). ExcelJS keeps every distinct
 * text of the workbook until it writes the shared strings part at the end: for a summary of 20 000 branches 56
 * million characters (≈ 110 MB of heap), most of them `_rows`' JSON. Here each new text is serialised at once by
 * ExcelJS's own <si> writer and appended to a temporary file, and the part is streamed from that file: the same XML
 * and numbering as ExcelJS's (each distinct text once, in order of first use), kept in a few MB.
 */
import SharedStringXform from "exceljs/lib/xlsx/xform/strings/shared-string-xform";
import { createHash } from "node:crypto";
import { closeSync, createReadStream, openSync, writeSync } from "node:fs";

const SST_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
/** Texts up to this length are told apart by themselves; longer ones by their SHA-256 (a key longer than this). */
const SHORT = 64;
/** Serialised texts are appended to the file in pieces of about this many characters. */
const PIECE = 1 << 20;

/** In place of ExcelJS's SharedStrings (utils/shared-strings.js): what its writers call, add and count. */
export class SpilledStrings {
  private readonly indexes = new Map<string, number>();
  private readonly item = new SharedStringXform();
  private pending: string[] = [];
  private pendingLength = 0;
  private file: number | null;
  count = 0;
  totalRefs = 0;

  constructor(private readonly path: string) {
    this.file = openSync(path, "w");
  }

  /** The text's index in the part (a new one the first time it is seen). */
  add(value: string): number {
    const key = value.length <= SHORT ? value : `#${createHash("sha256").update(value).digest("hex")}`;
    let index = this.indexes.get(key);
    if (index === undefined) {
      index = this.count++;
      this.indexes.set(key, index);
      const xml = this.item.toXml(value);
      this.pending.push(xml);
      this.pendingLength += xml.length;
      if (this.pendingLength >= PIECE) this.flush();
    }
    this.totalRefs++;
    return index;
  }

  private flush(): void {
    if (this.file === null) throw new Error("shared strings already written");
    writeSync(this.file, this.pending.join(""));
    this.pending = [];
    this.pendingLength = 0;
  }

  /** The shared strings part; no text may be added after. */
  async *xml(): AsyncGenerator<Buffer> {
    this.flush();
    closeSync(this.file!);
    this.file = null;
    yield Buffer.from(`${SST_HEADER} count="${this.totalRefs}" uniqueCount="${this.count}">`);
    for await (const chunk of createReadStream(this.path)) yield chunk as Buffer;
    yield Buffer.from("</sst>");
  }

  /** Closes the file if the part was never written (the workbook failed). */
  close(): void {
    if (this.file !== null) closeSync(this.file);
    this.file = null;
  }
}
