/**
 * Overlaps of a roll-up: the same sheet (subject, 考核年度, rater, and evaluator for 考评) reaching the summary from two
 * origins — two lower-level summaries, or a summary and a branch file given directly. It is counted once: the newest
 * 定稿 wins (已定稿 before 填写中 before 未填写, then the later save), the others are reported and take no part.
 * Duplicates within one origin are left to the merge, which reports them as 重复 exactly as a direct compile would. Pure.
 */
import { RATER_LABELS } from "../../rubric/raters";
import { STATUS_LABELS, BLANK_VERDICT, type SheetStatus } from "../../scoring/status";
import { nameKey, subjectKey, tidyName } from "../subject-key";
import type { ScoredTemplate, SummaryInput } from "../types";

const STATUS_RANK: Record<SheetStatus, number> = { blank: 0, draft: 1, final: 2 };

function identity(scored: ScoredTemplate): string | null {
  const { meta, result } = scored;
  if (tidyName(meta.subject) === "") return null;
  const rater = meta.rater === "" ? "self" : meta.rater;
  const evaluator = rater === "org" ? nameKey(meta.evaluator) : "";
  return [result.scheme, nameKey(meta.period), subjectKey(meta.subject, meta.org), rater, evaluator].join("\u0000");
}

function origin(input: SummaryInput): string {
  return input.source?.[0] ?? "";
}

/** Newer first: status, then save time (ISO 8601 compares as text; unknown is oldest), then input order. */
function better(a: SummaryInput & { scored: ScoredTemplate }, b: SummaryInput & { scored: ScoredTemplate }): boolean {
  const byStatus = STATUS_RANK[a.scored.status] - STATUS_RANK[b.scored.status];
  if (byStatus !== 0) return byStatus > 0;
  return (a.savedAt ?? "") > (b.savedAt ?? "");
}

function described(input: SummaryInput & { scored: ScoredTemplate }): string {
  const status = input.scored.status === "blank" ? BLANK_VERDICT : STATUS_LABELS[input.scored.status];
  return input.savedAt ? `${status}，保存于 ${input.savedAt}` : status;
}

/**
 * The inputs with every overlap resolved: a losing sheet is replaced, in place, by an input carrying only the
 * overlap's warning (listed in 问题清单 under its file), so the file is still accounted for and never counted twice.
 */
export function resolveOverlaps(inputs: readonly SummaryInput[]): SummaryInput[] {
  const groups = new Map<string, number[]>();
  inputs.forEach((input, index) => {
    const key = input.scored ? identity(input.scored) : null;
    if (key === null) return;
    const members = groups.get(key) ?? [];
    members.push(index);
    groups.set(key, members);
  });
  const resolved = [...inputs];
  for (const members of groups.values()) {
    if (new Set(members.map((index) => origin(inputs[index]))).size < 2) continue;
    const scoredOf = (index: number) => inputs[index] as SummaryInput & { scored: ScoredTemplate };
    const winner = members.reduce((best, index) => (better(scoredOf(index), scoredOf(best)) ? index : best));
    const kept = scoredOf(winner);
    for (const index of members) {
      const lost = scoredOf(index);
      if (origin(lost) === origin(kept)) continue;
      const rater = lost.scored.meta.rater === "" ? "self" : lost.scored.meta.rater;
      const who = rater === "org" && lost.scored.meta.evaluator !== "" ? `（评分人 ${lost.scored.meta.evaluator}）` : "";
      const message =
        `“${tidyName(lost.scored.meta.subject)}”的${RATER_LABELS[rater]}${who}重叠：同时见于 ${kept.file} 与 ${lost.file}。` +
        `采用较新的定稿结果 ${kept.file}（${described(kept)}），${lost.file}（${described(lost)}）不重复计入。`;
      resolved[index] = { file: lost.file, problems: [{ cell: null, severity: "warning", message }], ...(lost.source && { source: lost.source }) };
    }
  }
  return resolved;
}
