/**
 * 评分: the live view of one scoring sheet, purely from props. A controller (elsewhere) reads the workbook through the
 * host, scores it with scoreWorkbook, counts progress and passes the result here; it also performs 定稿/解除定稿.
 */
import { Button, Caption1, Divider, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../../i18n";
import type { ScoringViewState } from "./scoring-state";
import { countBySeverity } from "./problems";
import { ProblemList } from "./ProblemList";
import { ProgressPanel } from "./ProgressPanel";
import { ScoreHeadline } from "./ScoreHeadline";
import { SectionBars } from "./SectionBars";
import { SelfComparisonTable } from "./SelfComparisonTable";

export type { ScoringViewState } from "./scoring-state";

export interface ScoringViewProps {
  /** null while no scoring sheet is active */
  state: ScoringViewState | null;
  /** an action (finalising, re-reading) is running: buttons are disabled */
  busy?: boolean;
  /** the last action's failure, already in the user's language */
  error?: string | null;
  onSelectCell(sheet: string, cell: string): void;
  onFinalize(): void;
  onUnfinalize(): void;
}

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

export function ScoringView({ state, busy = false, error = null, onSelectCell, onFinalize, onUnfinalize }: ScoringViewProps) {
  const styles = useStyles();
  if (!state) return <Text>{t("scoring.empty")}</Text>;
  const errors = countBySeverity(state.result.issues).error;
  return (
    <div className={styles.view}>
      <div>
        <Text weight="semibold" block>
          {state.meta.subject || state.scheme.shortTitle}
        </Text>
        <Caption1>{[state.scheme.title, state.meta.period, state.sheet].filter(Boolean).join(" · ")}</Caption1>
      </div>
      <ScoreHeadline result={state.result} bands={state.scheme.bands} status={state.status} errors={state.errors} />
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {state.finalized ? (
          <Button disabled={busy} onClick={onUnfinalize}>
            {t("scoring.unfinalize")}
          </Button>
        ) : (
          <Button appearance="primary" disabled={busy || errors > 0} onClick={onFinalize}>
            {t("scoring.finalize")}
          </Button>
        )}
      </div>
      {state.finalized && <Caption1>{t("scoring.finalized")}</Caption1>}
      {!state.finalized && errors > 0 && <Caption1>{t("scoring.finalizeBlocked", { errors })}</Caption1>}
      <Divider />
      <ProgressPanel progress={state.progress} />
      <SectionBars sections={state.result.sections} />
      {state.self && <SelfComparisonTable comparison={state.self} />}
      <ProblemList issues={state.result.issues} onSelectCell={(cell) => onSelectCell(state.sheet, cell)} />
    </div>
  );
}
