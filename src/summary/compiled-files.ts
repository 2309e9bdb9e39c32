/** The files whose content reached the summary: scoring workbooks behind its rows, ballot workbooks behind its tally. */
import type { Summary } from "./types";

export function compiledFiles(summary: Summary | null | undefined): Set<string> {
  return new Set([...(summary?.rows.flatMap((row) => row.files) ?? []), ...(summary?.ballots?.files ?? [])]);
}
