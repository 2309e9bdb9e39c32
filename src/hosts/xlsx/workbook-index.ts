/**
 * The workbook's table of contents: its sheets in tab order with the part holding each, and the parts of the shared
 * string table and the styles, from xl/workbook.xml and xl/_rels/workbook.xml.rels.
 */
import type { CheckedPackage } from "./file-check";
import { parseXmlPart } from "./xml-part";

export interface SheetEntry {
  name: string;
  /** the part, e.g. "xl/worksheets/sheet1.xml"; null when the relationship is missing */
  part: string | null;
}

export interface WorkbookIndex {
  sheets: SheetEntry[];
  sharedStrings: string | null;
  styles: string | null;
  /** dates count from 1904 (old Mac workbooks) */
  date1904: boolean;
}

export const WORKBOOK_PART = "xl/workbook.xml";
const RELATIONSHIPS_PART = "xl/_rels/workbook.xml.rels";

/** A relationship target relative to xl/ (or absolute from the package root) as a part name. */
function partName(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segments: string[] = ["xl"];
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

function attribute(attributes: Readonly<Record<string, string>>, local: string): string | undefined {
  if (local in attributes) return attributes[local];
  for (const key of Object.keys(attributes)) if (key.endsWith(`:${local}`)) return attributes[key];
  return undefined;
}

function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

export function readWorkbookIndex(file: string, bytes: Uint8Array, checked: CheckedPackage, parsed: Set<string>): WorkbookIndex {
  const targets = new Map<string, string>();
  let sharedStrings: string | null = null;
  let styles: string | null = null;
  const relationships = checked.entries.get(RELATIONSHIPS_PART);
  if (relationships) {
    parsed.add(RELATIONSHIPS_PART);
    parseXmlPart(file, bytes, relationships, checked.inflate, {
      open(name, attributes) {
        if (name !== "Relationship") return;
        const id = attributes.Id;
        const target = attributes.Target;
        if (!id || !target || attributes.TargetMode === "External") return;
        const part = partName(target);
        targets.set(id, part);
        const type = attributes.Type ?? "";
        if (type.endsWith("/sharedStrings")) sharedStrings = part;
        else if (type.endsWith("/styles")) styles = part;
      },
      text() {},
      close() {},
    });
  }
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parsed.add(WORKBOOK_PART);
  parseXmlPart(file, bytes, checked.entries.get(WORKBOOK_PART)!, checked.inflate, {
    open(name, attributes) {
      if (name === "workbookPr") date1904 = isTrue(attributes.date1904);
      if (name !== "sheet" || attributes.name === undefined) return;
      const id = attribute(attributes, "id");
      sheets.push({ name: attributes.name, part: (id !== undefined && targets.get(id)) || null });
    },
    text() {},
    close() {},
  });
  // writers that leave out the relationships still use the conventional names
  sharedStrings ??= checked.entries.has("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : null;
  styles ??= checked.entries.has("xl/styles.xml") ? "xl/styles.xml" : null;
  return { sheets, sharedStrings, styles, date1904 };
}
