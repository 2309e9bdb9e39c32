/** The self-test report as plain text, for the user to copy and send. */
import { t } from "../../../i18n";
import type { MessageKey } from "../../../i18n";
import { describedFeatures } from "./feature-text";
import type { SelfTestReport, StepResult } from "./run-self-test";

export const STEP_LABELS: Record<StepResult["id"], MessageKey> = {
  environment: "selfTest.step.environment",
  insert: "selfTest.step.insert",
  readBack: "selfTest.step.readBack",
  score: "selfTest.step.score",
  liveChange: "selfTest.step.liveChange",
  remove: "selfTest.step.remove",
};

export const OUTCOME_LABELS: Record<StepResult["outcome"], MessageKey> = {
  passed: "selfTest.outcome.passed",
  failed: "selfTest.outcome.failed",
  skipped: "selfTest.outcome.skipped",
};

export function syncsText(syncs: number | null): string {
  return syncs === null ? t("selfTest.syncsUnknown") : t("selfTest.syncs", { count: syncs });
}

export function stepLine(step: StepResult, index: number): string {
  return `${index + 1}. ${t(STEP_LABELS[step.id])}: ${t(OUTCOME_LABELS[step.outcome])} · ${syncsText(step.syncs)} · ${t(step.detail.key, step.detail.params)}`;
}

export function reportText(report: SelfTestReport): string {
  const { capabilities, environment } = report;
  const passed = report.steps.filter((step) => step.outcome === "passed").length;
  return [
    t("selfTest.reportTitle", { time: report.startedAt }),
    t("selfTest.detail.environment", { platform: environment?.platform ?? "?", version: environment?.officeVersion ?? "?", minor: capabilities.excelApiMinor }),
    `${t("selfTest.features")}:`,
    ...describedFeatures(capabilities.features).map(
      (feature) => `  ${t(feature.label)}: ${feature.on ? t("features.on") : t("features.needs", { needs: feature.needs })}`,
    ),
    `${t("selfTest.steps")}:`,
    ...report.steps.map((step, index) => `  ${stepLine(step, index)}`),
    t("selfTest.summary", { passed, total: report.steps.length }),
  ].join("\n");
}
