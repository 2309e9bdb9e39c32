import { Badge, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Band } from "../../../rubric/types";
import type { SheetStatus } from "../../../scoring/status";
import type { ScoreResult } from "../../../scoring/types";
import { t } from "../../../i18n";
import { bandColour } from "../../shared/band-colour";
import { formatPoints } from "../../shared/format";

const useStyles = makeStyles({
  headline: { display: "flex", alignItems: "baseline", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  total: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold },
  reasons: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
});

/** The sheet's own verdict state, as its 等次 and 达标 cells show it: 未填写, 有 N 处填写错误, 草稿 or 已定稿. */
function verdictState(status: SheetStatus, errors: number): { text: string; colour: "informative" | "danger" | "warning" | "success" } {
  if (status === "blank") return { text: t("scoring.verdict.blank"), colour: "informative" };
  if (errors > 0) return { text: t("scoring.verdict.errors", { errors }), colour: "danger" };
  return status === "draft" ? { text: t("scoring.verdict.draft"), colour: "warning" } : { text: t("scoring.verdict.final"), colour: "success" };
}

/**
 * Total, band badge (coloured by band; 不得参评 red) and 达标/未达标, with the veto reasons when vetoed; beside them
 * whether the verdict counts yet (blank, errors, draft), as on the sheet.
 */
export function ScoreHeadline({ result, bands, status, errors }: { result: ScoreResult; bands: readonly Band[]; status: SheetStatus; errors: number }) {
  const verdict = verdictState(status, errors);
  const styles = useStyles();
  return (
    <div>
      <div className={styles.headline}>
        <Text aria-label={t("scoring.total")} className={styles.total} data-testid="total">
          {formatPoints(result.total)}
        </Text>
        <Caption1>{t("scoring.outOf", { max: formatPoints(result.max) })}</Caption1>
        <Badge size="large" color={bandColour(result.band, bands)} aria-label={t("scoring.band")} data-testid="band">
          {result.band}
        </Badge>
        <Badge appearance="outline" color={result.pass ? "success" : "danger"}>
          {t(result.pass ? "scoring.pass" : "scoring.fail")}
        </Badge>
        <Badge appearance="tint" color={verdict.colour} data-testid="verdict-state">
          {verdict.text}
        </Badge>
      </div>
      {result.vetoed && result.vetoReasons.length > 0 && (
        <>
          <Caption1>{t("scoring.vetoReasons")}</Caption1>
          <ul className={styles.reasons}>
            {result.vetoReasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
