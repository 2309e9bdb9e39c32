/** 不得参评 / 一票否决: any veto answered 是 makes the subject ineligible. */
import type { Veto } from "../rubric/types";
import { engineIssue } from "./issue";
import { message } from "./messages";
import type { CellValue, Issue } from "./types";
import { readVetoAnswer, trimLikeSheet } from "./values";

/** The texts of the vetoes answered 是, in scheme order; an unreadable answer is an error and counts as 否. */
export function applyVetoes(vetoes: Veto[], answers: Record<string, CellValue>, issues: Issue[]): string[] {
  const reasons: string[] = [];
  for (const veto of vetoes) {
    const answer = answers[veto.code];
    const read = readVetoAnswer(answer);
    if (read === "yes") reasons.push(veto.text);
    if (read === "invalid") {
      const shown = typeof answer === "string" ? trimLikeSheet(answer) : String(answer);
      issues.push(engineIssue("veto-invalid", veto.code, "flag", message.vetoInvalid(veto, shown)));
    }
  }
  return reasons;
}
