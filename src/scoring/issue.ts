/** Building the engine's issues: the sheet layer fills `cell` later from the `_meta` addresses. */
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
