/**
 * The problem list: errors (严重) before warnings (警告), each group in sheet order (row, then column), problems without a
 * cell last. The sort is stable, so issues on the same cell keep the engine's order.
 */
import type { Issue, Severity } from "../../scoring/types";

export interface CellPosition {
  row: number;
  column: number;
}

/** "F12" or "$F$12" → { row: 12, column: 6 }; anything else (a range, a sheet-qualified name) → null. */
export function parseA1(address: string): CellPosition | null {
  const match = /^\$?([A-Z]{1,3})\$?([1-9][0-9]*)$/i.exec(address.trim());
  if (!match) return null;
  let column = 0;
  for (const letter of match[1].toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

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
