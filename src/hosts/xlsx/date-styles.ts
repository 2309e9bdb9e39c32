/**
 * Which cell styles show a number as a date or time (xl/styles.xml), so such cells read as dates, as ExcelJS reads
 * them: a built-in date format (ids 14–22, 45–47) or a custom format with date letters outside quotes and brackets.
 */
import type { XmlHandler } from "./xml-part";

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** ExcelJS's test: any of y m d h M s b once "…" and […] are removed. A loop, not a regular expression. */
export function isDateFormat(code: string): boolean {
  let quoted = false;
  let bracketed = false;
  for (const char of code) {
    if (quoted) quoted = char !== '"';
    else if (bracketed) bracketed = char !== "]";
    else if (char === '"') quoted = true;
    else if (char === "[") bracketed = true;
    else if ("ymdhMsb".includes(char)) return true;
  }
  return false;
}

/** A handler that adds to `dateStyles` the index of every cell format (cellXfs) showing dates. */
export function dateStylesHandler(dateStyles: Set<number>): XmlHandler {
  const customDates = new Map<number, boolean>();
  const formatOfStyle: number[] = [];
  let inCellFormats = false;
  return {
    open(name, attributes) {
      if (name === "numFmt") {
        const id = Number(attributes.numFmtId);
        if (Number.isInteger(id)) customDates.set(id, isDateFormat(attributes.formatCode ?? ""));
      } else if (name === "cellXfs") {
        inCellFormats = true;
      } else if (name === "xf" && inCellFormats) {
        formatOfStyle.push(Number(attributes.numFmtId ?? 0));
      }
    },
    text() {},
    close(name) {
      if (name !== "cellXfs") return;
      inCellFormats = false;
      formatOfStyle.forEach((format, style) => {
        if (customDates.get(format) ?? BUILT_IN_DATE_FORMATS.has(format)) dateStyles.add(style);
      });
    },
  };
}
