/** Building the engine's issues: the sheet layer fills `cell` later from the `_meta` addresses. */
import { proposedNumber } from "./text-number";
import type { EntryField, Issue, IssueKind, Severity } from "./types";

export function engineIssue(
  kind: IssueKind,
  code: string,
  field: EntryField | "flag" | "score",
  message: string,
  severity: Severity = "error",
): Issue {
  return { severity, kind, code, field, cell: null, message };
}

/** A text in a numeric input: "text-number" when it stands for a number (the message proposes it), else `otherwise`. */
export function invalidInputKind(shown: string, otherwise: IssueKind): IssueKind {
  return proposedNumber(shown) === null ? otherwise : "text-number";
}
