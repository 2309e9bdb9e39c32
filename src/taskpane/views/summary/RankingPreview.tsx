import { Badge, Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from "@fluentui/react-components";
import type { Band } from "../../../rubric/types";
import type { Summary } from "../../../summary/types";
import { t } from "../../../i18n";
import type { MessageKey } from "../../../i18n";
import { bandColour } from "../../shared/band-colour";
import type { RecommendationMark } from "./previews";
import { rankingPreview } from "./previews";

const useStyles = makeStyles({
  narrow: { width: "3.5em" },
  number: { fontVariantNumeric: "tabular-nums" },
});

const RECOMMEND_KEYS: Record<RecommendationMark, MessageKey | null> = {
  yes: "summary.recommend.yes",
  no: "summary.recommend.no",
  pending: "summary.recommend.pending",
  named: null,
  none: null,
};

const RANKING_PREVIEW_ROWS = 10;

/** The top of the ranking as the 汇总 sheet will show it: 排名, 支部, 总分, 等次, 推荐. */
export function RankingPreview({ summary, bands }: { summary: Summary; bands: readonly Band[] }) {
  const styles = useStyles();
  const lines = rankingPreview(summary, RANKING_PREVIEW_ROWS);
  const hasQuota = summary.quota !== null;
  return (
    <section>
      <Subtitle2>{t("summary.ranking")}</Subtitle2>
      <Table size="small" aria-label={t("summary.ranking")} data-testid="summary-ranking" data-rank-style={summary.rankStyle}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.narrow}>{t("summary.col.rank")}</TableHeaderCell>
            <TableHeaderCell>{t("summary.col.subject")}</TableHeaderCell>
            <TableHeaderCell className={styles.narrow}>{t("summary.col.total")}</TableHeaderCell>
            <TableHeaderCell>{t("summary.col.band")}</TableHeaderCell>
            {hasQuota && <TableHeaderCell className={styles.narrow}>{t("summary.col.recommended")}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {lines.map((line, index) => {
            const key = RECOMMEND_KEYS[line.recommended];
            return (
              <TableRow key={`${line.subject}:${index}`}>
                <TableCell className={styles.number}>{line.rank}</TableCell>
                <TableCell title={line.org}>{line.subject}</TableCell>
                <TableCell className={styles.number}>{line.total}</TableCell>
                <TableCell>
                  {line.pending === null ? (
                    <Badge appearance="tint" color={bandColour(line.band, bands)}>
                      {line.band}
                    </Badge>
                  ) : (
                    <Badge appearance="outline" color="danger" data-testid="summary-pending">
                      {t("summary.pending", { reason: line.pending })}
                    </Badge>
                  )}
                </TableCell>
                {hasQuota && <TableCell>{key ? t(key) : "—"}</TableCell>}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {summary.rows.length > lines.length && (
        <Caption1>{t("summary.rankingMore", { shown: lines.length, count: summary.rows.length })}</Caption1>
      )}
    </section>
  );
}
