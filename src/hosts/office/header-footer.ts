/**
 * A plan's page header and footer (Excel's codes, "&L…&C…&R…") as Office.js takes them: one text per section, each
 * keeping the codes inside it (&P, &N, && for a literal &).
 */
import type { PrintPlan } from "../../sheet/types";

export interface HeaderSections {
  left: string;
  center: string;
  right: string;
}

/** Text before any &L/&C/&R is the centre's, as in Excel. */
export function headerSections(code: string): HeaderSections {
  const sections: HeaderSections = { left: "", center: "", right: "" };
  let current: keyof HeaderSections = "center";
  for (let i = 0; i < code.length; i++) {
    const next = code[i + 1];
    if (code[i] === "&" && (next === "L" || next === "C" || next === "R")) {
      current = next === "L" ? "left" : next === "C" ? "center" : "right";
      i++;
    } else if (code[i] === "&" && next !== undefined) {
      // any other code (&P, &N, &&) stays as it is, both characters
      sections[current] += code[i] + next;
      i++;
    } else {
      sections[current] += code[i];
    }
  }
  return sections;
}

/** @requires pageLayout */
export function writeHeaderFooter(target: Excel.HeaderFooter, print: PrintPlan): void {
  if (print.header !== undefined) {
    const header = headerSections(print.header);
    target.leftHeader = header.left;
    target.centerHeader = header.center;
    target.rightHeader = header.right;
  }
  if (print.footer !== undefined) {
    const footer = headerSections(print.footer);
    target.leftFooter = footer.left;
    target.centerFooter = footer.center;
    target.rightFooter = footer.right;
  }
}
