/**
 * The font sizes a PDF actually prints, page by page: the size operand of every `Tf` in each page's content stream
 * (LibreOffice writes the printed size there, the print scale already applied). Reads the uncompressed object table
 * LibreOffice writes; enough for its PDFs, not a general PDF parser.
 */
import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";

function objects(pdf: Buffer): Map<number, Buffer> {
  const text = pdf.toString("latin1");
  const found = new Map<number, Buffer>();
  for (const match of text.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    // latin1: one character per byte, so string offsets are byte offsets
    const start = (match.index ?? 0) + `${match[1]} 0 obj`.length;
    found.set(Number(match[1]), pdf.subarray(start, start + match[2].length));
  }
  return found;
}

function contentOf(object: Buffer): string {
  const text = object.toString("latin1");
  const begin = text.indexOf("stream");
  const end = text.lastIndexOf("endstream");
  if (begin < 0 || end < 0) return "";
  const dataStart = begin + "stream".length + (text[begin + 6] === "\r" ? 2 : 1);
  const data = object.subarray(dataStart, end);
  return /\/FlateDecode/.test(text.slice(0, begin)) ? inflateSync(data).toString("latin1") : data.toString("latin1");
}

/** Font sizes (points) of every text run, one array per page in page order. */
export function pdfPageFontSizes(path: string): number[][] {
  const table = objects(readFileSync(path));
  const pageOrder: number[] = [];
  for (const object of table.values()) {
    const text = object.toString("latin1");
    if (!/\/Type\s*\/Pages\b/.test(text)) continue;
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(text);
    if (kids) pageOrder.push(...[...kids[1].matchAll(/(\d+) 0 R/g)].map((kid) => Number(kid[1])));
  }
  return pageOrder.map((page) => {
    const contents = /\/Contents\s*(\d+) 0 R/.exec(table.get(page)?.toString("latin1") ?? "");
    const stream = contents ? contentOf(table.get(Number(contents[1])) ?? Buffer.alloc(0)) : "";
    return [...stream.matchAll(/\/F\d+ ([\d.]+) Tf/g)].map((size) => Number(size[1]));
  });
}
