/** 评价方 as every Chinese surface shows it (the scoring sheet, the summary); `_meta` and rubric files keep the English value. */
import type { RaterKind } from "./types";

export const RATER_LABELS: Record<RaterKind, string> = { self: "自评", mass: "测评", org: "考评" };
