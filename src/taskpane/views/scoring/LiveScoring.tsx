/** The 评分 tab: a live controller on the host, shown through the presentational ScoringView. */
import { useEffect, useState, useSyncExternalStore } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { SpreadsheetHost } from "../../../hosts/types";
import { t } from "../../../i18n";
import { ScoringView } from "./ScoringView";
import type { HostErrorDescription } from "../../shared/host-errors";
import { createLiveController } from "./controller";
import type { LiveController, LiveControllerOptions, LiveSnapshot } from "./controller";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface LiveScoringProps {
  host: SpreadsheetHost;
  options?: LiveControllerOptions;
}

const noSubscription = () => () => undefined;
const noSnapshot = () => null;

function useController(host: SpreadsheetHost, options: LiveControllerOptions | undefined): LiveController | null {
  const [controller, setController] = useState<LiveController | null>(null);
  useEffect(() => {
    // made inside the effect so that a remount (or React's development double-mount) never reuses a disposed one
    const created = createLiveController(host, options);
    setController(created);
    void created.start();
    return () => {
      void created.dispose();
    };
  }, [host, options]);
  return controller;
}

function errorText(error: HostErrorDescription): string {
  return t(error.key, { detail: error.detail });
}

export function LiveScoring({ host, options }: LiveScoringProps) {
  const styles = useStyles();
  const controller = useController(host, options);
  const snapshot: LiveSnapshot | null = useSyncExternalStore(
    controller ? controller.subscribe : noSubscription,
    controller ? controller.getSnapshot : noSnapshot,
  );
  if (!controller || !snapshot || snapshot.status === "starting") return <Spinner size="small" label={t("live.starting")} />;

  return (
    <div className={styles.view} data-live-status={snapshot.status}>
      {snapshot.retrying && (
        <MessageBar intent="info" data-testid="live-retrying">
          <MessageBarBody>{t("live.retrying", snapshot.retrying)}</MessageBarBody>
        </MessageBar>
      )}
      {snapshot.status === "unreadable" && snapshot.problem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("live.unreadable", { detail: snapshot.problem })}</MessageBarBody>
        </MessageBar>
      )}
      {snapshot.error && !snapshot.template && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{errorText(snapshot.error)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void controller.refresh()}>
              {t("error.retry")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {(snapshot.status !== "unreadable" || snapshot.template) && (
        <ScoringView
          state={snapshot.template?.view ?? null}
          busy={snapshot.busy}
          error={snapshot.error && snapshot.template ? errorText(snapshot.error) : null}
          onSelectCell={(sheet, cell) => void controller.selectCell(sheet, cell)}
          onFinalize={() => void controller.finalize()}
          onUnfinalize={() => void controller.unfinalize()}
        />
      )}
    </div>
  );
}
