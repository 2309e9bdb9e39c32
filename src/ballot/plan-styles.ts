/** Cell styles of the ballot and 计票 sheets: the scoring template's styles plus a few of their own. */
import { SCORING_STYLES, STYLE } from "../sheet/plan-styles";
import type { CellStyle } from "../sheet/types";

export const BALLOT_STYLE = {
  ...STYLE,
  cell: "ballotCell",
  choice: "ballotChoice",
  instruction: "ballotInstruction",
} as const;

export const BALLOT_STYLES: Record<string, CellStyle> = {
  ...SCORING_STYLES,
  [BALLOT_STYLE.cell]: { fontSize: 11, border: true, vertical: "middle", wrap: true },
  [BALLOT_STYLE.choice]: { fontSize: 12, bold: true, fill: "#FFF9E1", border: true, horizontal: "center", vertical: "middle" },
  [BALLOT_STYLE.instruction]: { fontSize: 10, wrap: true, vertical: "top" },
};
