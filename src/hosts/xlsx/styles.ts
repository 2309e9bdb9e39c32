/** Plan styles (src/sheet/types.ts) to ExcelJS styles. */
import type { Fill, Style } from "exceljs";
import type { CellStyle, ConditionalFormatPlan } from "../../sheet/types";

/** "#RRGGBB" → ExcelJS ARGB "FFRRGGBB" (opaque). */
function toArgb(color: string): string {
  const match = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!match) throw new Error(`颜色格式应为 #RRGGBB (colour must be #RRGGBB): ${color}`);
  return "FF" + match[1].toUpperCase();
}

function solidFill(color: string): Fill {
  const argb = toArgb(color);
  // conditional-format fills (dxf) use bgColor, cell fills fgColor: setting both serves either use
  return { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
}

const THIN = { style: "thin" as const };

/**
 * Every styled cell names its font: without a name LibreOffice falls back to a serif font for digits and codes.
 * 等线 is Excel's default font for Chinese; family 2 (sans serif) guides programs that lack it to a sans font.
 */
const FONT = { name: "等线", family: 2 } as const;

export function toExcelStyle(style: CellStyle): Partial<Style> {
  const result: Partial<Style> = {};
  const font: Partial<Style["font"]> = { ...FONT };
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.fontColor) font.color = { argb: toArgb(style.fontColor) };
  result.font = font;
  if (style.fill) result.fill = solidFill(style.fill);
  if (style.horizontal || style.vertical || style.wrap) {
    result.alignment = {
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    };
  }
  if (style.border) result.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.numberFormat) result.numFmt = style.numberFormat;
  return result;
}

export function toConditionalStyle(style: ConditionalFormatPlan["style"]): Partial<Style> {
  const result: Partial<Style> = {};
  if (style.fill) result.fill = solidFill(style.fill);
  if (style.bold || style.fontColor) {
    result.font = { ...(style.bold ? { bold: true } : {}), ...(style.fontColor ? { color: { argb: toArgb(style.fontColor) } } : {}) };
  }
  return result;
}
