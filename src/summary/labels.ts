/** Chinese names the summary shows for raters, severities and the final-score basis. */
import type { RaterKind } from "../rubric/types";
import type { Severity } from "../scoring/types";
import type { FinalBasis, ReviewOutcome } from "./types";

export const RATER_LABELS: Record<RaterKind, string> = { self: "自评", mass: "测评", org: "考评" };

/** Raters in the order they are shown side by side. */
export const RATER_ORDER: RaterKind[] = ["self", "mass", "org"];

/** Without weights the final score is the 考评 where present, else 自评, else 测评. */
export const FINAL_PRECEDENCE: RaterKind[] = ["org", "self", "mass"];

/** 复查建议 of an already-named subject. */
export const REVIEW_LABELS: Record<ReviewOutcome, string> = { keep: "保留", revoke: "撤销" };

export const SEVERITY_LABELS: Record<Severity, string> = { error: "错误", warning: "警告" };

export function basisLabel(basis: FinalBasis): string {
  return basis === "weighted" ? "加权" : RATER_LABELS[basis];
}
