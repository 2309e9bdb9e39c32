import { Badge, Caption1, Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../../i18n";
import { formatPoints } from "../../shared/format";
import type { SchemeSummary } from "./scheme-summary";

const useStyles = makeStyles({
  card: { width: "100%" },
  facts: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  defaults: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface SchemeCardProps {
  summary: SchemeSummary;
  selected: boolean;
  onSelect(id: string): void;
}

export function SchemeCard({ summary, selected, onSelect }: SchemeCardProps) {
  const styles = useStyles();
  return (
    <Card
      className={styles.card}
      selected={selected}
      onSelectionChange={() => onSelect(summary.id)}
      data-scheme={summary.id}
      aria-label={summary.title}
    >
      <CardHeader
        header={<Text weight="semibold">{summary.title}</Text>}
        description={<Caption1>{t(summary.subject === "branch" ? "templates.subject.branch" : "templates.subject.secretary")}</Caption1>}
      />
      <div className={styles.facts}>
        <Caption1>
          {t("templates.sections", { count: summary.sectionCount, points: formatPoints(summary.max) })}
        </Caption1>
        <Caption1>{t("templates.indicators", { count: summary.indicatorCount })}</Caption1>
        {summary.vetoCount > 0 && <Caption1>{t("templates.vetoes", { count: summary.vetoCount })}</Caption1>}
      </div>
      <div className={styles.badges}>
        {summary.defaultAllocation ? (
          <Badge appearance="tint" color="warning">
            {t("templates.defaultAllocation")}
          </Badge>
        ) : (
          <Badge appearance="tint" color="success">
            {t("templates.official")}
          </Badge>
        )}
      </div>
      {summary.defaults.length > 0 && (
        <ul className={styles.defaults} aria-label={t("templates.defaults")} data-testid="scheme-defaults">
          {summary.defaults.map((entry) => (
            <li key={entry.what}>
              <Caption1 title={entry.reason}>{t("templates.default", { what: entry.what, value: entry.value })}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
