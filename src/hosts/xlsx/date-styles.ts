/**
 * Which cell styles show a number as a date or time (xl/styles.xml), so such cells read as dates, as ExcelJS reads
 * them: a built-in date format (ids 14–22, 45–47) or a custom format with date letters outside quotes and brackets.
 * And which show it as a percentage (built-in 9 "0%", 10 "0.00%", or a custom format with %), so a percentage
 * quantity reads as the cell shows it.
 */
import { isPercentFormat } from "../../sheet/number-format";
import { ENOUGH_READ, type XmlHandler } from "./xml-part";

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const BUILT_IN_PERCENT_FORMATS = new Set([9, 10]);

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

/**
 * A handler that adds to `dateStyles` the index of every cell format (cellXfs) showing dates, and to `percentStyles`
 * those showing percentages. It stops the parse once the cell formats are read.
 */
export function dateStylesHandler(dateStyles: Set<number>, percentStyles: Set<number> = new Set()): XmlHandler {
  const customDates = new Map<number, boolean>();
  const customPercents = new Map<number, boolean>();
  const formatOfStyle: number[] = [];
  let inCellFormats = false;
  return {
    open(name, attributes) {
      if (name === "numFmt") {
        const id = Number(attributes.numFmtId);
        if (Number.isInteger(id)) customDates.set(id, isDateFormat(attributes.formatCode ?? ""));
        if (Number.isInteger(id)) customPercents.set(id, isPercentFormat(attributes.formatCode ?? ""));
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
        if (customPercents.get(format) ?? BUILT_IN_PERCENT_FORMATS.has(format)) percentStyles.add(style);
      });
      // number formats come before the cell formats (ECMA-376 CT_Stylesheet): fonts, fills and the rest are not needed
      throw ENOUGH_READ;
    },
  };
}
