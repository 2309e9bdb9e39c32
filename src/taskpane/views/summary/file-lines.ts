/**
 * One line per picked file in the 汇总 view: waiting → read while the batch runs, then ✓ compiled or ✗ not compiled
 * (with the reasons) once the outcome is known. A compiled file may still carry warnings or errors of its own; they are
 * counted on its line and listed with the other problems.
 */
import type { CompileOutcome } from "../../../batch/compile-core";
import { compiledFiles } from "../../../summary/compiled-files";
import type { SummaryProblem } from "../../../summary/types";

export type FileLineState = "waiting" | "read" | "compiled" | "failed";

export interface FileLine {
  file: string;
  state: FileLineState;
  /** failed: why (errors first); compiled: nothing */
  reasons: string[];
  /** problems found in the file, compiled or not */
  problems: number;
}

export function waitingLines(files: readonly string[]): FileLine[] {
  return files.map((file) => ({ file, state: "waiting", reasons: [], problems: 0 }));
}

/** The pipeline reports each finished file by name; its line moves from waiting to read. */
export function markRead(lines: readonly FileLine[], file: string): FileLine[] {
  return lines.map((line) => (line.file === file && line.state === "waiting" ? { ...line, state: "read" } : line));
}

function problemsByFile(problems: readonly SummaryProblem[]): Map<string, SummaryProblem[]> {
  const byFile = new Map<string, SummaryProblem[]>();
  for (const problem of problems) {
    const list = byFile.get(problem.file) ?? [];
    list.push(problem);
    byFile.set(problem.file, list);
  }
  return byFile;
}

/**
 * The final lines, in the order the files were compiled; a file none of whose templates reached a row (and no ballot of
 * which was tallied) has failed.
 */
export function outcomeLines(outcome: CompileOutcome): FileLine[] {
  const compiled = compiledFiles(outcome.summary);
  const byFile = problemsByFile(outcome.problems);
  return outcome.files.map((file) => {
    const problems = byFile.get(file) ?? [];
    if (compiled.has(file)) return { file, state: "compiled", reasons: [], problems: problems.length };
    const ordered = [...problems.filter((p) => p.severity === "error"), ...problems.filter((p) => p.severity !== "error")];
    return { file, state: "failed", reasons: ordered.map((p) => p.message), problems: problems.length };
  });
}

export function countLines(lines: readonly FileLine[]): Record<FileLineState, number> {
  const counts: Record<FileLineState, number> = { waiting: 0, read: 0, compiled: 0, failed: 0 };
  for (const line of lines) counts[line.state] += 1;
  return counts;
}
