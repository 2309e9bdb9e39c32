/**
 * The problem list: errors (严重) before warnings (警告), each group in sheet order (row, then column), problems without a
 * cell last. The sort is stable, so issues on the same cell keep the engine's order.
 */
import type { Issue, Severity } from "../../../scoring/types";
import { parseA1 } from "../../../sheet/addresses";

type CellPosition = NonNullable<ReturnType<typeof parseA1>>;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1 };

function comparePositions(a: CellPosition | null, b: CellPosition | null): number {
  if (a && b) return a.row - b.row || a.column - b.column;
  if (a) return -1;
  if (b) return 1;
  return 0;
}

export function sortProblems(issues: readonly Issue[]): Issue[] {
  const keyed = issues.map((issue, index) => ({ issue, index, position: issue.cell ? parseA1(issue.cell) : null }));
  keyed.sort(
    (a, b) =>
      SEVERITY_ORDER[a.issue.severity] - SEVERITY_ORDER[b.issue.severity] ||
      comparePositions(a.position, b.position) ||
      a.index - b.index,
  );
  return keyed.map((entry) => entry.issue);
}

export function countBySeverity(issues: readonly Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0 };
  for (const issue of issues) counts[issue.severity] += 1;
  return counts;
}

/** A problem can be jumped to only when it names a single cell. */
export function canSelect(issue: Issue): issue is Issue & { cell: string } {
  return issue.cell !== null && parseA1(issue.cell) !== null;
}
