/**
 * Formula text results stored as shared-string indexes. Gnumeric saves `<c t="s"><f>…</f><v>15</v></c>` for a formula
 * whose result is text; ExcelJS drops the cell type of formula cells and returns the number 15. This module finds those
 * cells in the sheet XML and resolves their index through xl/sharedStrings.xml, so a band or pass cell reads 较好, not 15.
 */
import { parseA1 } from "../../sheet/addresses";
import { utf8 } from "./bytes";
import type { UnpackedParts } from "./file-check";

/** Sheet name → "row:column" (1-based, as ExcelJS counts) → the formula's text result. */
export type FormulaTextResults = Map<string, Map<string, string>>;

export function positionKey(row: number, column: number): string {
  return `${row}:${column}`;
}

// an optional namespace prefix ("x:c"), since some writers qualify every element
const PREFIX = String.raw`(?:[\w.-]+:)?`;
const ROW_OR_CELL = new RegExp(String.raw`<${PREFIX}row(?=[\s/>])([^>]*)>|<(${PREFIX})c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/\2c>)`, "g");
const FORMULA = new RegExp(String.raw`<${PREFIX}f(?=[\s/>])`);
const VALUE = new RegExp(String.raw`<${PREFIX}v>([^<]*)<\/${PREFIX}v>`);
const ATTRIBUTE = /(?:^|\s)([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const STRING_ITEM = new RegExp(String.raw`<${PREFIX}si(?=[\s/>])[^>]*?(?:\/>|>([\s\S]*?)<\/${PREFIX}si>)`, "g");
const PHONETIC_RUN = new RegExp(String.raw`<(${PREFIX})rPh(?=[\s/>])[\s\S]*?<\/\1rPh>`, "g");
const TEXT = new RegExp(String.raw`<${PREFIX}t(?=[\s/>])[^>]*?(?:\/>|>([^<]*)<\/${PREFIX}t>)`, "g");

function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) found.set(match[1], match[2] ?? match[3]);
  return found;
}

export function decodeXml(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (entity, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[name] ?? entity;
  });
}

/** The shared string table: each item's text runs joined, phonetic (rPh) runs left out, as Excel shows it. */
export function parseSharedStrings(xml: string): string[] {
  return [...xml.matchAll(STRING_ITEM)].map(([, item = ""]) =>
    [...item.replace(PHONETIC_RUN, "").matchAll(TEXT)].map(([, text = ""]) => decodeXml(text)).join(""),
  );
}

/**
 * Formula cells typed "s" in one sheet's XML, as position → shared-string index. Cells without an `r` attribute
 * follow the previous cell, rows without one the previous row, as the format allows.
 */
export function formulaStringIndexes(xml: string): Map<string, number> {
  const indexes = new Map<string, number>();
  let row = 0;
  let column = 0;
  for (const match of xml.matchAll(ROW_OR_CELL)) {
    const [, rowAttributes, , cellAttributes, content = ""] = match;
    if (rowAttributes !== undefined) {
      const explicit = Number(attributes(rowAttributes).get("r"));
      row = Number.isInteger(explicit) && explicit > 0 ? explicit : row + 1;
      column = 0;
      continue;
    }
    const cell = attributes(cellAttributes);
    const reference = parseA1(cell.get("r") ?? "");
    if (reference) {
      column = reference.column + 1;
      row = reference.row + 1;
    } else {
      column += 1;
    }
    if (cell.get("t") !== "s" || !FORMULA.test(content)) continue;
    const index = Number(VALUE.exec(content)?.[1]);
    if (Number.isInteger(index) && index >= 0) indexes.set(positionKey(row, column), index);
  }
  return indexes;
}

function partText(parts: UnpackedParts, name: string): string {
  const data = parts.get(name);
  return data ? utf8(data) : "";
}

interface WorkbookParts {
  /** sheet name → its part name */
  sheets: Map<string, string>;
  sharedStrings: string;
}

/** The attributes of every `name` element; quoted values may hold ">" (sheet names may). */
function elements(xml: string, name: string): Map<string, string>[] {
  const pattern = new RegExp(String.raw`<${PREFIX}${name}(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, "g");
  return [...xml.matchAll(pattern)].map(([, source]) => attributes(source));
}

/** The parts workbook.xml and its relationships name: each sheet's, and the shared string table's. */
function workbookParts(parts: UnpackedParts): WorkbookParts {
  const targets = new Map<string, string>();
  let sharedStrings = "xl/sharedStrings.xml";
  for (const relationship of elements(partText(parts, "xl/_rels/workbook.xml.rels"), "Relationship")) {
    const id = relationship.get("Id");
    const target = decodeXml(relationship.get("Target") ?? "");
    if (!id || !target) continue;
    const part = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
    targets.set(id, part);
    if (relationship.get("Type")?.endsWith("/sharedStrings")) sharedStrings = part;
  }
  const sheets = new Map<string, string>();
  for (const sheet of elements(partText(parts, "xl/workbook.xml"), "sheet")) {
    const name = sheet.get("name");
    const id = [...sheet.entries()].find(([key]) => key === "id" || key.endsWith(":id"))?.[1];
    const part = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && part !== undefined) sheets.set(decodeXml(name), part);
  }
  return { sheets, sharedStrings };
}

/**
 * Every sheet's formula text results that are stored as shared-string indexes; sheets without any are left out.
 * `parts`: the workbook's XML parts as file-check.ts unpacked them while checking the package.
 */
export function formulaTextResults(parts: UnpackedParts): FormulaTextResults {
  const results: FormulaTextResults = new Map();
  let strings: string[] | null = null;
  const { sheets, sharedStrings } = workbookParts(parts);
  for (const [sheet, part] of sheets) {
    const indexes = formulaStringIndexes(partText(parts, part));
    if (indexes.size === 0) continue;
    strings ??= parseSharedStrings(partText(parts, sharedStrings));
    const texts = new Map<string, string>();
    for (const [position, index] of indexes) {
      // an index beyond the table is a damaged file: leave that cell as ExcelJS read it
      if (index < strings.length) texts.set(position, strings[index]);
    }
    results.set(sheet, texts);
  }
  return results;
}
