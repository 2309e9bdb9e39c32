import { Badge, Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SummaryProblem } from "../../../summary/types";
import { t } from "../../../i18n";
import { sortSummaryProblems } from "./previews";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  where: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, wordBreak: "break-all" },
  cell: { fontFamily: tokens.fontFamilyMonospace },
});

const PROBLEM_PREVIEW_ROWS = 20;

/** 问题: errors first, file by file in sheet order — file, cell, message; the full list goes to the 问题清单 sheet. */
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
        <ul className={styles.list} aria-label={t("summary.problems")} data-testid="summary-problems">
          {shown.map((problem, index) => (
            <li key={`${problem.file}:${problem.cell ?? ""}:${index}`} className={styles.item} data-severity={problem.severity}>
              <span className={styles.where}>
                <Badge size="small" appearance="filled" color={problem.severity === "error" ? "danger" : "warning"}>
                  {t(problem.severity === "error" ? "scoring.severity.error" : "scoring.severity.warning")}
                </Badge>
                <Text size={200} weight="semibold">
                  {problem.file}
                </Text>
                {problem.cell !== null && (
                  <Caption1 className={styles.cell} title={t("summary.col.cell")}>
                    {problem.cell}
                  </Caption1>
                )}
              </span>
              <Text size={200}>{problem.message}</Text>
            </li>
          ))}
        </ul>
      )}
      {sorted.length > shown.length && <Caption1>{t("summary.problemsMore", { shown: shown.length, count: sorted.length })}</Caption1>}
    </section>
  );
}
