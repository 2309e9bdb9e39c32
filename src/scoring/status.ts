/**
 * A sheet's status and the verdict it may show. `blank`: every input is blank (an untouched template); `final`: the
 * 状态 input reads 已定稿; `draft` otherwise. A blank sheet or one with errors shows no band and no pass: the sheet's
 * 等次 and 达标 cells (src/sheet/formulas.ts) and every reader of the result say 未填写 or 有 N 处填写错误 instead.
 */
import type { Entries, Issue } from "./types";
import { isFilled } from "./values";

export type SheetStatus = "blank" | "draft" | "final";

/** The 状态 input's choices, as the sheet shows them. */
export const STATUS_LABELS = { draft: "填写中", final: "已定稿" } as const;

export const BLANK_VERDICT = "未填写";
export const DRAFT_MARK = "（草稿）";

export function errorsVerdict(errors: number): string {
  return `有 ${errors} 处填写错误`;
}

/** Every rule input and veto flag blank (whitespace counts as blank, as everywhere in the engine). */
export function isBlankEntries(entries: Entries): boolean {
  const ruleValues = Object.values(entries.rules).flatMap((entry) => Object.values(entry));
  return ![...ruleValues, ...Object.values(entries.vetoes)].some((value) => isFilled(value));
}

/** Blank entries win over any marking: an untouched template marked 已定稿 is still blank. */
export function sheetStatus(entries: Entries, markedFinal: boolean): SheetStatus {
  if (isBlankEntries(entries)) return "blank";
  return markedFinal ? "final" : "draft";
}

export function errorCount(issues: Issue[]): number {
  return issues.filter((issue) => issue.severity === "error").length;
}

/** Whether a band and pass may be shown and counted: not blank and no errors. */
export function hasVerdict(status: SheetStatus, errors: number): boolean {
  return status !== "blank" && errors === 0;
}

/** What the 等次 / 达标 cells show for a verdict text (a band name, 达标, 未达标 …). */
export function verdictText(status: SheetStatus, errors: number, verdict: string): string {
  if (status === "blank") return BLANK_VERDICT;
  if (errors > 0) return errorsVerdict(errors);
  return status === "draft" ? `${verdict}${DRAFT_MARK}` : verdict;
}
