/** The order raters are shown and taken in, and the Chinese names of severities (raters: rubric/raters.ts). */
import type { RaterKind } from "../rubric/types";
import type { Severity } from "../scoring/types";
import type { ReviewOutcome } from "./types";

/** Raters in the order they are shown side by side. */
export const RATER_ORDER: RaterKind[] = ["self", "mass", "org"];

/** Without weights the final score is the 考评 where present, else 自评, else 测评. */
export const FINAL_PRECEDENCE: RaterKind[] = ["org", "self", "mass"];

/** 复查建议 of an already-named subject. */
export const REVIEW_LABELS: Record<ReviewOutcome, string> = { keep: "保留", revoke: "撤销" };

export const SEVERITY_LABELS: Record<Severity, string> = { error: "错误", warning: "警告" };
