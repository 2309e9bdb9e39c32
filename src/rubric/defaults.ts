/** Values this product chose where a source is silent, and how they read (no zod here: the task pane bundles it). */
import type { Band } from "./types";

/** The `what` of the defaults the printed sheet and the summary mark where they show them. */
export const DEFAULT_WHAT = { passLine: "达标线", bands: "等次", points: "分值", quotaBase: "推荐名额基数" } as const;

/** "≥90 好；≥80 较好；≥70 一般；其余较差" */
export function bandsText(bands: readonly Band[]): string {
  const ordered = [...bands].sort((a, b) => b.min - a.min);
  return ordered.map((band, index) => (index === ordered.length - 1 && band.min <= 0 ? `其余${band.name}` : `≥${band.min} ${band.name}`)).join("；");
}
