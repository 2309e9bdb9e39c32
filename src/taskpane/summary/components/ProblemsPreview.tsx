import { Badge, Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles } from "@fluentui/react-components";
import type { SummaryProblem } from "../../../summary/types";
import { t } from "../../../i18n";
import { sortSummaryProblems } from "../logic/previews";

const useStyles = makeStyles({
  file: { wordBreak: "break-all", width: "30%" },
  cell: { width: "4.5em" },
});

export const PROBLEM_PREVIEW_ROWS = 20;

/** 问题: errors first, file by file in sheet order; the full list goes to the 问题清单 sheet. */
export function ProblemsPreview({ problems, files }: { problems: readonly SummaryProblem[]; files: readonly string[] }) {
  const styles = useStyles();
  const sorted = sortSummaryProblems(problems, files);
  const shown = sorted.slice(0, PROBLEM_PREVIEW_ROWS);
  const errors = problems.filter((problem) => problem.severity === "error").length;
  return (
    <section>
      <Subtitle2>{t("summary.problems")}</Subtitle2>{" "}
      <Caption1>{t("summary.problemCount", { errors, warnings: problems.length - errors })}</Caption1>
      {shown.length === 0 ? (
        <Text block>{t("summary.noProblems")}</Text>
      ) : (
        <Table size="small" aria-label={t("summary.problems")} data-testid="summary-problems">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.file}>{t("summary.col.file")}</TableHeaderCell>
              <TableHeaderCell className={styles.cell}>{t("summary.col.cell")}</TableHeaderCell>
              <TableHeaderCell>{t("summary.col.message")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((problem, index) => (
              <TableRow key={`${problem.file}:${problem.cell ?? ""}:${index}`} data-severity={problem.severity}>
                <TableCell className={styles.file}>{problem.file}</TableCell>
                <TableCell className={styles.cell}>{problem.cell ?? "—"}</TableCell>
                <TableCell>
                  <Badge size="small" appearance="filled" color={problem.severity === "error" ? "danger" : "warning"}>
                    {t(problem.severity === "error" ? "scoring.severity.error" : "scoring.severity.warning")}
                  </Badge>{" "}
                  {problem.message}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {sorted.length > shown.length && <Caption1>{t("summary.problemsMore", { shown: shown.length, count: sorted.length })}</Caption1>}
    </section>
  );
}
