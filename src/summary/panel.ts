/**
 * 考评组: several 考评 workbooks of one branch and year from different evaluators are one panel. Its score is their
 * mean (exact, rounded half-up to 2 places), or with `trimmed` and 5 or more evaluators the mean after dropping one
 * highest and one lowest. One evaluator's 不得参评 makes the branch 不得参评, pending the committee (待核). Pure.
 */
import type { Scheme } from "../rubric/types";
import { bandOf } from "../scoring/bands";
import { compareExact, difference, extremes, mean2 } from "./exact";
import type { MergedTemplate } from "./merge";
import type { RaterScore } from "./types";

export type PanelMode = "mean" | "trimmed";
export const PANEL_MODES: readonly PanelMode[] = ["mean", "trimmed"];
/** the smallest panel from which `trimmed` drops one highest and one lowest */
const TRIM_FROM = 5;

export function panelValue(values: readonly number[], mode: PanelMode): number {
  const sorted = [...values].sort(compareExact);
  const used = mode === "trimmed" && sorted.length >= TRIM_FROM ? sorted.slice(1, -1) : sorted;
  return mean2(used) ?? 0;
}

/** max − min of the panel's totals; null for a panel of one. */
export function panelSpread(panel: readonly MergedTemplate[]): number | null {
  if (panel.length < 2) return null;
  const range = extremes(panel.map((template) => template.scored.result.total));
  return range ? difference(range.max, range.min) : null;
}

/** The panel as one 考评 score: totals and sections aggregated alike, vetoed when any evaluator vetoes. */
export function panelScore(scheme: Scheme, panel: readonly MergedTemplate[], mode: PanelMode): RaterScore {
  const results = panel.map((template) => template.scored.result);
  const total = panelValue(results.map((result) => result.total), mode);
  const vetoed = results.some((result) => result.vetoed);
  const heldBack = panel.find((template) => template.scored.heldBack !== undefined)?.scored.heldBack;
  return {
    rater: "org",
    file: panel[0].file,
    total,
    band: bandOf(total, vetoed, scheme.bands),
    vetoed,
    vetoReasons: [...new Set(results.flatMap((result) => result.vetoReasons))],
    // a panel counts only when every evaluator's sheet would: the weakest status, every error
    status: (["blank", "draft", "final"] as const).find((status) => panel.some((t) => t.scored.status === status)) ?? "final",
    errors: panel.reduce((sum, t) => sum + t.scored.errors, 0),
    ...(heldBack !== undefined && { heldBack }),
    sections: scheme.sections.map((section) => ({
      code: section.code,
      score: panelValue(results.map((result) => result.sections.find((s) => s.code === section.code)?.score ?? 0), mode),
    })),
  };
}

/** 待核 note of a panel where some evaluator found a 不得参评 情形. */
export function panelVetoNote(panel: readonly MergedTemplate[]): string | null {
  if (panel.length < 2) return null;
  const vetoing = panel.filter((template) => template.scored.result.vetoed).map((template) => template.scored.meta.evaluator || template.file);
  if (vetoing.length === 0) return null;
  return `待核：考评组 ${panel.length} 人中 ${vetoing.join("、")} 认定不得参评，按不得参评列出，待党委确定`;
}
