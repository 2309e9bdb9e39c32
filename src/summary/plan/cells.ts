/**
 * Cells and styles shared by the summary sheets. Every value is a constant: the summary plan never holds a formula,
 * so a name typed as "=HYPERLINK(…)" or "-1党支部" is data, and text cells carry the text number format "@" so a
 * host that writes values into Excel keeps them as text.
 */
import type { CellStyle, PlanCell } from "../../sheet/types";

export const SUMMARY_STYLES: Record<string, CellStyle> = {
  title: { bold: true, fontSize: 14, vertical: "middle" },
  subtitle: { fontColor: "#595959", numberFormat: "@" },
  subtitleWrap: { fontColor: "#595959", wrap: true, vertical: "top", numberFormat: "@" },
  signature: { vertical: "bottom", numberFormat: "@" },
  heading: { bold: true, fontSize: 12, numberFormat: "@" },
  header: { bold: true, fill: "#DDEBF7", border: true, wrap: true, horizontal: "center", vertical: "middle", numberFormat: "@" },
  text: { border: true, vertical: "middle", numberFormat: "@" },
  textWrap: { border: true, vertical: "middle", wrap: true, numberFormat: "@" },
  textCenter: { border: true, horizontal: "center", vertical: "middle", numberFormat: "@" },
  alert: { border: true, horizontal: "center", vertical: "middle", fontColor: "#C00000", bold: true, numberFormat: "@" },
  pending: { border: true, horizontal: "center", vertical: "middle", fill: "#FFF2CC", bold: true, numberFormat: "@" },
  score: { border: true, vertical: "middle", numberFormat: "0.00" },
  count: { border: true, horizontal: "center", vertical: "middle", numberFormat: "0" },
  percent: { border: true, vertical: "middle", numberFormat: "0.00%" },
};

export type SummaryStyle = keyof typeof SUMMARY_STYLES;

/** A text cell: always a value, never a formula, whatever the text starts with. */
export function text(value: string, style: SummaryStyle = "text"): PlanCell {
  return { value, style };
}

/** A number cell; a blank (bordered) cell for null. */
export function num(value: number | null, style: SummaryStyle = "score"): PlanCell {
  return value === null ? { style } : { value, style };
}


export function yesNo(value: boolean): string {
  return value ? "是" : "否";
}
