/**
 * The files whose content reached the summary: scoring workbooks behind its rows, ballot workbooks behind its tally,
 * and the summary workbooks (roll-up) they came through — every leading part of a rolled-up file's path.
 */
import { PATH_SEPARATOR } from "./rollup/record";
import type { Summary } from "./types";

function withSummaries(file: string): string[] {
  const parts = file.split(PATH_SEPARATOR);
  return parts.map((_, i) => parts.slice(0, i + 1).join(PATH_SEPARATOR));
}

export function compiledFiles(summary: Summary | null | undefined): Set<string> {
  const files = [...(summary?.rows.flatMap((row) => row.files) ?? []), ...(summary?.ballots?.files ?? [])];
  return new Set(files.flatMap(withSummaries));
}
