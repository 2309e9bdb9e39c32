/** 自检: runs the self-test against the host, shows each step as it ends, then the report to copy. */
import { useEffect, useRef, useState } from "react";
import { Body1, Button, Spinner, Textarea, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { SpreadsheetHost } from "../../../hosts/types";
import { t } from "../../../i18n";
import { reportText, stepLine } from "./report-text";
import { runSelfTest } from "./run-self-test";
import type { SelfTestReport, StepResult } from "./run-self-test";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  steps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  report: { fontFamily: tokens.fontFamilyMonospace, minHeight: "14em" },
});

type Run = { state: "idle" } | { state: "running"; steps: StepResult[] } | { state: "done"; report: SelfTestReport } | { state: "failed"; message: string };

export function SelfTestView({ host, onClose }: { host: SpreadsheetHost; onClose: () => void }) {
  const styles = useStyles();
  const [run, setRun] = useState<Run>({ state: "idle" });
  const [copied, setCopied] = useState<"no" | "yes" | "refused">("no");
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  async function start() {
    const steps: StepResult[] = [];
    setCopied("no");
    setRun({ state: "running", steps: [] });
    try {
      const report = await runSelfTest(host, {
        onStep: (step) => {
          steps.push(step);
          if (mounted.current) setRun({ state: "running", steps: [...steps] });
        },
      });
      if (mounted.current) setRun({ state: "done", report });
    } catch (error) {
      if (mounted.current) setRun({ state: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  }

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      setCopied("refused");
    }
  }

  const text = run.state === "done" ? reportText(run.report) : "";
  return (
    <section className={styles.view} aria-label={t("selfTest.title")}>
      <Title3 as="h2">{t("selfTest.title")}</Title3>
      <Body1>{t("selfTest.intro")}</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={run.state === "running"} onClick={() => void start()}>
          {t("selfTest.start")}
        </Button>
        <Button disabled={run.state === "running"} onClick={onClose}>
          {t("selfTest.back")}
        </Button>
      </div>
      {run.state === "running" && (
        <>
          <Spinner size="small" label={t("selfTest.running")} />
          <ol className={styles.steps}>
            {run.steps.map((step, index) => (
              <li key={step.id}>{stepLine(step, index).replace(/^\d+\. /, "")}</li>
            ))}
          </ol>
        </>
      )}
      {run.state === "failed" && <Body1>{t("selfTest.detail.error", { detail: run.message })}</Body1>}
      {run.state === "done" && (
        <>
          <Textarea className={styles.report} readOnly value={text} aria-label={t("selfTest.reportLabel")} resize="vertical" />
          <div className={styles.actions}>
            <Button onClick={() => void copy(text)}>{t("selfTest.copy")}</Button>
            {copied === "yes" && <Body1>{t("selfTest.copied")}</Body1>}
            {copied === "refused" && <Body1>{t("selfTest.copyHint")}</Body1>}
          </div>
        </>
      )}
    </section>
  );
}
