/**
 * The workbook's base font (the Normal style's, font 0 of styles.xml), which sets the unit of every column width.
 * ExcelJS always writes Calibri 11 there and offers no setting, so the written file is patched: its zip re-packed
 * with the first <font> of xl/styles.xml replaced. Calibri is missing where LibreOffice runs without the Carlito
 * font and a wider fallback then stretches every column; Arial (Liberation Sans / Nimbus Sans elsewhere, the same
 * metrics) measures the same in Excel, WPS and LibreOffice, so a sheet sized to the page stays on the page.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { BaseFont } from "../../sheet/types";

const STYLES_PART = "xl/styles.xml";
const FIRST_FONT = /(<fonts\b[^>]*>)\s*<font>[\s\S]*?<\/font>/;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

export function withBaseFont(xlsx: Uint8Array, font: BaseFont): Uint8Array {
  const parts = unzipSync(xlsx);
  const styles = parts[STYLES_PART];
  if (!styles) throw new Error(`写出的工作簿缺少 ${STYLES_PART} (no styles part)`);
  const xml = strFromU8(styles);
  if (!FIRST_FONT.test(xml)) throw new Error(`写出的工作簿 ${STYLES_PART} 中没有字体 (no font in styles)`);
  const replaced = xml.replace(FIRST_FONT, `$1<font><sz val="${font.size}"/><name val="${escapeAttribute(font.name)}"/><family val="2"/></font>`);
  parts[STYLES_PART] = strToU8(replaced);
  return zipSync(parts, { level: 6 });
}
