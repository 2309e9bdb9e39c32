import { Caption1, Field, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../../i18n";
import type { FileLine } from "./file-lines";
import { countLines } from "./file-lines";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  line: { display: "grid", gridTemplateColumns: "1.25em 1fr", columnGap: tokens.spacingHorizontalXS },
  name: { wordBreak: "break-all" },
  compiled: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  pending: { color: tokens.colorNeutralForeground3 },
  reasons: { gridColumnStart: 2, margin: 0, padding: 0, listStyleType: "none", color: tokens.colorPaletteRedForeground1 },
});

const MARKS = { waiting: "…", read: "…", compiled: "✓", failed: "✗" } as const;

function status(line: FileLine): string {
  if (line.state === "compiled") {
    return line.problems > 0 ? t("summary.line.compiledWithProblems", { count: line.problems }) : t("summary.line.compiled");
  }
  return t(line.state === "failed" ? "summary.line.failed" : line.state === "read" ? "summary.line.read" : "summary.line.waiting");
}

export interface FileLinesProps {
  lines: readonly FileLine[];
  /** while reading: files finished so far and in all */
  progress: { done: number; total: number } | null;
}

/** The batch's progress bar, then one line per file: ✓ compiled or ✗ not, with the reasons. */
export function FileLines({ lines, progress }: FileLinesProps) {
  const styles = useStyles();
  const counts = countLines(lines);
  const label = progress
    ? t("summary.reading", { done: progress.done, total: progress.total })
    : t("summary.fileCount", { compiled: counts.compiled, total: lines.length });
  return (
    <section aria-label={t("summary.col.file")}>
      <Field label={label}>
        <ProgressBar value={progress ? (progress.total === 0 ? 1 : progress.done / progress.total) : 1} color={counts.failed > 0 ? "warning" : "brand"} />
      </Field>
      <ul className={styles.list} data-testid="summary-file-lines">
        {lines.map((line) => {
          const tone = line.state === "compiled" ? styles.compiled : line.state === "failed" ? styles.failed : styles.pending;
          return (
            <li key={line.file} className={styles.line} data-state={line.state} data-file={line.file}>
              <Text className={tone} aria-hidden>
                {MARKS[line.state]}
              </Text>
              <Text className={styles.name}>
                {line.file} <Caption1 className={tone}>{status(line)}</Caption1>
              </Text>
              {line.reasons.length > 0 && (
                <ul className={styles.reasons}>
                  {line.reasons.map((reason, index) => (
                    <li key={index}>
                      <Caption1>{reason}</Caption1>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
