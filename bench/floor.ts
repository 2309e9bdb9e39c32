/**
 * The floor's work on one file, shared by ./compile (the one-core floor) and ./compile-stages (the same work in worker
 * threads): read it, unzip the three parts a compile needs — the scoring sheet, `_meta` and the shared strings — with
 * Node's zlib (the compile's own inflater; the zip directory read as the compile reads it) and parse them with saxes,
 * keeping nothing but a count of elements.
 */
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { SaxesParser } from "saxes";
import { entryData, readZipDirectory } from "../src/hosts/xlsx/zip-directory";

const FLOOR_PARTS = new Set(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml"]);

/** The elements parsed in the file's three parts. */
export function floorWork(path: string): number {
  const bytes = readFileSync(path);
  let elements = 0;
  for (const entry of readZipDirectory(bytes).filter((candidate) => FLOOR_PARTS.has(candidate.name))) {
    const parser = new SaxesParser({ position: false });
    parser.on("opentag", () => (elements += 1));
    parser.write(new TextDecoder().decode(inflateRawSync(entryData(bytes, entry)))).close();
  }
  return elements;
}
