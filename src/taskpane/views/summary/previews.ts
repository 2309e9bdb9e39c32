/** What the 汇总 view previews before anything is written: the top of the ranking and the problems. */
import type { Summary, SummaryProblem, SummaryRow } from "../../../summary/types";
import { formatPoints } from "../../shared/format";
import { parseA1 } from "../../../sheet/addresses";

/** 推荐 as the 汇总 sheet shows it; "none" when the scheme has no recommendation quota. */
export type RecommendationMark = "yes" | "no" | "pending" | "named" | "none";

export interface RankingLine {
  /** "—" when not ranked (不得参评, 已命名) */
  rank: string;
  subject: string;
  org: string;
  total: string;
  band: string;
  vetoed: boolean;
  recommended: RecommendationMark;
  /** why the row is under 待核 (未填写, "3 处错误", 未定稿), null when it counts */
  pending: string | null;
}

function mark(row: SummaryRow, hasQuota: boolean): RecommendationMark {
  if (!hasQuota) return "none";
  if (row.recommended === "pending") return "pending";
  if (row.named && row.recommended === false) return "named";
  return row.recommended ? "yes" : "no";
}

/**
 * The first `limit` counted rows in the summary's own order (ranked by rank, then named, then vetoed), then every row
 * under 待核, so none is hidden behind the limit.
 */
export function rankingPreview(summary: Summary, limit: number): RankingLine[] {
  const hasQuota = summary.quota !== null;
  const shown = [...summary.rows.filter((row) => row.counted).slice(0, limit), ...summary.rows.filter((row) => !row.counted)];
  return shown.map((row) => ({
    rank: row.rank === null ? "—" : String(row.rank),
    subject: row.subject,
    org: row.org,
    total: formatPoints(row.total),
    band: row.band,
    vetoed: row.vetoed,
    recommended: mark(row, hasQuota),
    pending: row.notCountedReason,
  }));
}

function cellOrder(problem: SummaryProblem): [number, number] {
  const position = problem.cell === null ? null : parseA1(problem.cell);
  return position ? [position.row, position.column] : [Number.MAX_SAFE_INTEGER, 0];
}

/**
 * Errors before warnings; within each, file by file in the order compiled, and in sheet order (row, then column)
 * within a file. Problems without a cell come last in their file. Stable otherwise.
 */
export function sortSummaryProblems(problems: readonly SummaryProblem[], fileOrder: readonly string[]): SummaryProblem[] {
  const fileRank = new Map(fileOrder.map((file, index) => [file, index]));
  const keyed = problems.map((problem, index) => ({ problem, index, cell: cellOrder(problem) }));
  keyed.sort((a, b) => {
    const severity = (a.problem.severity === "error" ? 0 : 1) - (b.problem.severity === "error" ? 0 : 1);
    const file = (fileRank.get(a.problem.file) ?? fileOrder.length) - (fileRank.get(b.problem.file) ?? fileOrder.length);
    return severity || file || a.cell[0] - b.cell[0] || a.cell[1] - b.cell[1] || a.index - b.index;
  });
  return keyed.map((entry) => entry.problem);
}
