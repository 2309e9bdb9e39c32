/**
 * The self-test (自检) a user runs in their own Excel: what this Excel offers, then a small template round trip on
 * temporary sheets — insert, read back, score, a live change, remove — each step with its result and the
 * context.sync() calls it took. Talks only to the host interface; the temporary sheets are removed whatever happens.
 */
import { isHostError } from "../../../hosts/types";
import type { Disposable, HostCapabilities, HostEnvironment, SpreadsheetHost } from "../../../hosts/types";
import type { MessageKey, MessageParams } from "../../../i18n";
import { getScheme } from "../../../rubric/catalogue";
import type { FixedRule, Scheme } from "../../../rubric/types";
import { scoreEntries } from "../../../scoring/engine";
import { planTemplate } from "../../../sheet/planner";
import { cellMapKey } from "../../../sheet/read-meta";
import { scoreWorkbook } from "../../../sheet/score-workbook";
import type { TemplateScore } from "../../../sheet/score-workbook";
import type { Grid } from "../../../sheet/types";

export type StepId = "environment" | "insert" | "readBack" | "score" | "liveChange" | "remove";
export const STEP_IDS: readonly StepId[] = ["environment", "insert", "readBack", "score", "liveChange", "remove"];

type StepOutcome = Omit<StepResult, "id" | "syncs">;

export interface StepResult {
  id: StepId;
  outcome: "passed" | "failed" | "skipped";
  /** what happened, as a UI string and its parameters */
  detail: { key: MessageKey; params?: MessageParams };
  /** context.sync() calls the step made; null when the host does not count */
  syncs: number | null;
}

export interface SelfTestReport {
  /** ISO 8601 */
  startedAt: string;
  environment: HostEnvironment | null;
  capabilities: HostCapabilities;
  steps: StepResult[];
}

export interface SelfTestOptions {
  /** scheme of the temporary template; default 提升年 (few rules, one of them a fixed deduction) */
  scheme?: Scheme;
  /** how long to wait for Excel to report the live change; default 5 s */
  changeTimeoutMs?: number;
  now?: () => Date;
  /** called after each step, so a view can show progress */
  onStep?: (step: StepResult) => void;
}

export const SELF_TEST_SCHEME = "tisheng-nian";
const DEFAULT_CHANGE_TIMEOUT_MS = 5000;

/** The error's message, with the host's kind of failure (api-missing, cell-edit-mode …) for whoever reads the report. */
function message(error: unknown): string {
  if (isHostError(error)) return `${error.message} [${error.kind}]`;
  return error instanceof Error ? error.message : String(error);
}

function firstFixedRule(scheme: Scheme): FixedRule | undefined {
  for (const section of scheme.sections) {
    for (const indicator of section.indicators) {
      const rule = indicator.rules.find((candidate): candidate is FixedRule => candidate.kind === "fixed");
      if (rule) return rule;
    }
  }
  return undefined;
}

function scoreOf(grids: Grid[], scheme: Scheme): TemplateScore | string {
  const scored = scoreWorkbook({ sheets: grids }, (id) => (id === scheme.id ? scheme : getScheme(id)));
  return scored.ok ? scored : scored.message;
}

/** Resolves with true when `arrived` is called before the timeout, false after it. */
function arrival(timeoutMs: number): { arrived: () => void; wait: Promise<boolean> } {
  let arrived: () => void = () => undefined;
  const wait = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    arrived = () => {
      clearTimeout(timer);
      resolve(true);
    };
  });
  return { arrived, wait };
}

export async function runSelfTest(host: SpreadsheetHost, options: SelfTestOptions = {}): Promise<SelfTestReport> {
  const now = options.now ?? (() => new Date());
  const scheme = options.scheme ?? getScheme(SELF_TEST_SCHEME);
  if (!scheme) throw new Error(`built-in scheme ${SELF_TEST_SCHEME} missing`);
  const startedAt = now().toISOString();
  const steps: StepResult[] = [];
  const syncsNow = () => host.syncCount?.() ?? null;

  /** Runs one step, measuring its syncs; a thrown error fails it with the error's message. */
  async function step(id: StepId, body: () => Promise<StepOutcome>): Promise<boolean> {
    const before = syncsNow();
    let result: StepOutcome;
    try {
      result = await body();
    } catch (error) {
      result = { outcome: "failed", detail: { key: "selfTest.detail.error", params: { detail: message(error) } } };
    }
    const after = syncsNow();
    const done: StepResult = { id, ...result, syncs: before === null || after === null ? null : after - before };
    steps.push(done);
    options.onStep?.(done);
    return done.outcome === "passed";
  }
  const skip = (ids: StepId[]) => {
    for (const id of ids) {
      const skipped: StepResult = { id, outcome: "skipped", detail: { key: "selfTest.detail.skipped" }, syncs: 0 };
      steps.push(skipped);
      options.onStep?.(skipped);
    }
  };

  const capabilities = await host.capabilities();
  const environment = (await host.environment?.()) ?? null;
  await step("environment", async () => ({
    outcome: capabilities.supported ? "passed" : "failed",
    detail: {
      key: "selfTest.detail.environment",
      params: { platform: environment?.platform ?? "?", version: environment?.officeVersion ?? "?", minor: capabilities.excelApiMinor },
    },
  }));
  if (!capabilities.supported) {
    skip(["insert", "readBack", "score", "liveChange", "remove"]);
    return { startedAt, environment, capabilities, steps };
  }

  const plan = planTemplate(scheme, { subject: "自检临时表（可删除）", org: "自检", period: startedAt.slice(0, 4), rater: "self" });
  let names: Record<string, string> | null = null;
  let sheet = "";
  let metaSheet = "";
  let template: TemplateScore | null = null;
  const blankTotal = scoreEntries(scheme, { rules: {}, vetoes: {} }).total;
  try {
    const inserted = await step("insert", async () => {
      const applied = await host.applyPlan(plan);
      names = applied.names;
      sheet = applied.names[plan.activate];
      metaSheet = applied.names["_meta"];
      return { outcome: "passed", detail: { key: "selfTest.detail.insert", params: { sheets: Object.values(applied.names).join("、"), notices: applied.notices.length } } };
    });
    if (!inserted) {
      skip(["readBack", "score", "liveChange"]);
      return { startedAt, environment, capabilities, steps };
    }

    let grids: Grid[] = [];
    const read = await step("readBack", async () => {
      grids = await host.readSheets([sheet, metaSheet]);
      const rows = grids[0]?.values.length ?? 0;
      return { outcome: rows > 0 ? "passed" : "failed", detail: { key: "selfTest.detail.readBack", params: { sheet, rows } } };
    });
    const scored = read && (await step("score", async (): Promise<StepOutcome> => {
      const score = scoreOf(grids, scheme);
      if (typeof score === "string") return { outcome: "failed", detail: { key: "selfTest.detail.error", params: { detail: score } } };
      template = score;
      const total = score.result.total;
      return { outcome: total === blankTotal ? "passed" : "failed", detail: { key: "selfTest.detail.score", params: { total, expected: blankTotal } } };
    }));
    if (!read) skip(["score"]);
    if (!scored || template === null) {
      skip(["liveChange"]);
    } else {
      await step("liveChange", () => liveChange(host, scheme, template as TemplateScore, sheet, blankTotal, options.changeTimeoutMs ?? DEFAULT_CHANGE_TIMEOUT_MS));
    }
  } finally {
    if (names !== null) {
      const made = Object.values(names as Record<string, string>);
      await step("remove", async () => {
        if (!host.deleteSheets) return { outcome: "failed", detail: { key: "selfTest.detail.cannotRemove", params: { sheets: made.join("、") } } };
        await host.deleteSheets(made);
        const { names: left } = await host.listSheets();
        const remaining = made.filter((name) => left.includes(name));
        return remaining.length === 0
          ? { outcome: "passed", detail: { key: "selfTest.detail.removed", params: { sheets: made.join("、") } } }
          : { outcome: "failed", detail: { key: "selfTest.detail.cannotRemove", params: { sheets: remaining.join("、") } } };
      });
    } else {
      skip(["remove"]);
    }
  }
  return { startedAt, environment, capabilities, steps };
}

/** Type a deduction and its reason as a user would, wait for Excel's change event, read and score again. */
async function liveChange(
  host: SpreadsheetHost,
  scheme: Scheme,
  template: TemplateScore,
  sheet: string,
  blankTotal: number,
  timeoutMs: number,
): Promise<StepOutcome> {
  const rule = firstFixedRule(scheme);
  const deduction = rule && template.cells[cellMapKey(rule.code, "deduction")];
  const reason = rule && template.cells[cellMapKey(rule.code, "reason")];
  if (!rule || !deduction || !reason || !host.writeCells) {
    return { outcome: "skipped", detail: { key: "selfTest.detail.skipped" } };
  }
  const { arrived, wait } = arrival(timeoutMs);
  let subscription: Disposable | null = null;
  try {
    subscription = await host.onChanged((changes) => {
      if (changes.some((change) => change.sheet === sheet)) arrived();
    });
    await host.writeCells(sheet, deduction, [[rule.amount]]);
    await host.writeCells(sheet, reason, [["自检"]]);
    const eventArrived = await wait;
    const grids = await host.readSheets([sheet, template.metaSheet]);
    const score = scoreOf(grids, scheme);
    const total = typeof score === "string" ? null : score.result.total;
    const expected = blankTotal - rule.amount;
    const passed = eventArrived && total === expected;
    return {
      outcome: passed ? "passed" : "failed",
      detail: {
        key: eventArrived ? "selfTest.detail.liveChange" : "selfTest.detail.noEvent",
        params: { cell: deduction, amount: rule.amount, total: total ?? "?", expected, seconds: timeoutMs / 1000 },
      },
    };
  } finally {
    arrived();
    await subscription?.dispose();
  }
}
