/** What a cell's number format says about its value, for the reader (hosts pass the format, the sheet layer decides). */

/**
 * A percent format ("0%", "0.00%", "#,##0.0%"), as Excel applies when "96%" is typed: the value 0.96 shows as 96%.
 * A % inside quotes or escaped ("0\"%\"", "0\\%") is literal text after the number, so the value shows as is.
 */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  return format.replace(/"[^"]*"/g, "").replace(/\\./g, "").includes("%");
}
