/** 自评对照: beside a 考评, the branch's 自评 per indicator and the difference (考评 − 自评), or why it is not compared. */
import { Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../../i18n";
import { formatPoints } from "../../shared/format";
import type { SelfComparison } from "./self-comparison";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  number: { width: "56px", textAlign: "right" },
  differs: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

function signed(value: number): string {
  return value > 0 ? `+${formatPoints(value)}` : formatPoints(value);
}

export function SelfComparisonTable({ comparison }: { comparison: SelfComparison }) {
  const styles = useStyles();
  return (
    <section className={styles.list} data-testid="self-comparison">
      <Subtitle2>{t("scoring.self.title")}</Subtitle2>
      <Caption1>{t("scoring.self.source", { sheet: comparison.sheet })}</Caption1>
      {comparison.pending !== null ? (
        <Caption1 data-testid="self-comparison-pending">{t("scoring.self.pending", { reason: comparison.pending })}</Caption1>
      ) : (
        <Table size="small" aria-label={t("scoring.self.title")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("scoring.self.indicator")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("scoring.self.org")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("scoring.self.self")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("scoring.self.difference")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {comparison.indicators.map((indicator) => (
              <TableRow key={indicator.code} data-indicator={indicator.code}>
                <TableCell>{`${indicator.code} ${indicator.title}`}</TableCell>
                <TableCell className={styles.number}>{formatPoints(indicator.other)}</TableCell>
                <TableCell className={styles.number}>{formatPoints(indicator.self)}</TableCell>
                <TableCell className={indicator.difference !== 0 ? `${styles.number} ${styles.differs}` : styles.number}>
                  {indicator.difference !== 0 ? signed(indicator.difference) : ""}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
