import { Badge, Button, Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../../scoring/types";
import { t } from "../../../i18n";
import { canSelect, countBySeverity, sortProblems } from "./problems";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    display: "grid",
    gridTemplateColumns: "auto 1fr auto",
    alignItems: "start",
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  code: { fontFamily: tokens.fontFamilyMonospace, marginInlineEnd: tokens.spacingHorizontalXS },
});

export interface ProblemListProps {
  issues: readonly Issue[];
  /** called with the A1 address of the offending input */
  onSelectCell(cell: string): void;
}

/** 问题清单: 严重 before 警告, in sheet order; a problem with a cell jumps to it. */
export function ProblemList({ issues, onSelectCell }: ProblemListProps) {
  const styles = useStyles();
  const counts = countBySeverity(issues);
  const sorted = sortProblems(issues);
  return (
    <section>
      <Subtitle2>{t("scoring.problems")}</Subtitle2>{" "}
      <Caption1>{t("scoring.problemCount", { errors: counts.error, warnings: counts.warning })}</Caption1>
      {sorted.length === 0 ? (
        <Text block>{t("scoring.noProblems")}</Text>
      ) : (
        <ul className={styles.list}>
          {sorted.map((issue, index) => (
            <li key={`${issue.code}:${issue.kind}:${issue.cell ?? ""}:${index}`} className={styles.item} data-severity={issue.severity}>
              <Badge appearance="filled" color={issue.severity === "error" ? "danger" : "warning"}>
                {t(issue.severity === "error" ? "scoring.severity.error" : "scoring.severity.warning")}
              </Badge>
              <Text>
                <span className={styles.code}>{issue.code}</span>
                {issue.message}
              </Text>
              {canSelect(issue) ? (
                <Button
                  size="small"
                  appearance="subtle"
                  title={t("scoring.goToCell", { cell: issue.cell })}
                  onClick={() => onSelectCell(issue.cell)}
                >
                  {issue.cell}
                </Button>
              ) : (
                <Caption1 title={t("scoring.noCell")}>—</Caption1>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
