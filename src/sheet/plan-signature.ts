/**
 * The signature block under the verdict, per rater: a 自评 is signed by the 支部书记, a 考评 by the members of the
 * 考评组 and reviewed by the 组织部 (签名/盖章 with its own date), a 测评 by whoever ran it. A signature dated the day the
 * sheet was filled shows the header's 日期 (a formula) instead of asking for the same date twice.
 */
import type { RaterKind } from "../rubric/types";

export interface SignatureLine {
  /** the label and the space to sign on */
  text: string;
  /** "header": the header's 日期 as filled in; "blank": a date to write by hand (年 月 日); absent: no date */
  date?: "header" | "blank";
}

const SIGN_HERE = "＿".repeat(8);
const BLANK_DATE = "　　年　　月　　日";

export function signatureLines(rater: RaterKind | ""): SignatureLine[] {
  switch (rater) {
    case "self":
      return [{ text: `支部书记（签名）：${SIGN_HERE}`, date: "header" }];
    case "org":
      return [
        { text: `考评组成员（签名）：${[SIGN_HERE, SIGN_HERE, SIGN_HERE, SIGN_HERE].join("　")}`, date: "header" },
        { text: `组织部审核（签名/盖章）：${SIGN_HERE}`, date: "blank" },
      ];
    case "mass":
      return [{ text: `测评负责人（签名）：${SIGN_HERE}`, date: "header" }];
    case "":
      // a template made before its rater is chosen
      return [{ text: `评分人（签名）：${SIGN_HERE}`, date: "header" }];
  }
}

/** The header's date as filled in (a typed date keeps its number, shown by the cell's date format), or 年 月 日 to write by hand. */
export function signatureDateFormula(headerDate: string): string {
  return `=IF(TRIM(${headerDate})="","${BLANK_DATE}",${headerDate})`;
}

export const SIGNATURE_DATE_LABEL = "日期：";
export const SIGNATURE_BLANK_DATE = BLANK_DATE;
