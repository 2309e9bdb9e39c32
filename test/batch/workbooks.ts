/** Real workbook files for the compile tests: filled templates (with the engine's own result as the expectation). */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { writePlanToFile } from "../../src/hosts/xlsx/write";
import { getScheme } from "../../src/rubric/catalogue";
import type { Scheme } from "../../src/rubric/types";
import { scoreEntries } from "../../src/scoring/engine";
import type { Entries, ScoreResult, SubjectMeta } from "../../src/scoring/types";
import { fillTemplatePlan, planMetaValues, type FillMeta } from "../../src/sheet/fill";
import { planTemplate } from "../../src/sheet/planner";
import type { WorkbookPlan } from "../../src/sheet/types";

export const PERIOD = "2025年度";

export function scheme(id: string): Scheme {
  const found = getScheme(id);
  if (!found) throw new Error(`no built-in scheme ${id}`);
  return found;
}

const templates = new Map<string, WorkbookPlan>();
export function template(schemeId: string): WorkbookPlan {
  let plan = templates.get(schemeId);
  if (!plan) templates.set(schemeId, (plan = planTemplate(scheme(schemeId))));
  return plan;
}

export function metaOf(subject: string, org: string, rater: "self" | "org" = "org"): Partial<SubjectMeta> {
  return { subject, org, period: PERIOD, rater, evaluator: "党委组织部", date: "2026-01-10" };
}

export function filledPlan(schemeId: string, entries: Entries, meta: FillMeta): WorkbookPlan {
  return fillTemplatePlan(template(schemeId), entries, meta);
}

/** Writes a filled template; returns what the engine makes of the same entries (the expected result). */
export async function writeFilled(path: string, schemeId: string, entries: Entries, meta: FillMeta): Promise<ScoreResult> {
  await writePlanToFile(filledPlan(schemeId, entries, meta), path);
  return scoreEntries(scheme(schemeId), entries);
}

/** The `_meta` value of a key in a plan (e.g. the address of cell:total:score). */
export function metaValue(plan: WorkbookPlan, key: string): string {
  const value = planMetaValues(plan).get(key);
  if (typeof value !== "string") throw new Error(`no _meta row ${key}`);
  return value;
}

/** The plan with one `_meta` value changed (scheme, schemeVersion …), as a hand edit would. */
export function withMetaValue(plan: WorkbookPlan, key: string, value: string): WorkbookPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) =>
      sheet.name !== "_meta" ? sheet : { ...sheet, cells: sheet.cells.map((row) => (row[0]?.value === key ? [row[0], { ...row[1], value }] : row)) },
    ),
  };
}

/** Bytes and modification time: an input file must keep both. */
export function fileState(path: string): { sha256: string; mtimeMs: number } {
  return { sha256: createHash("sha256").update(readFileSync(path)).digest("hex"), mtimeMs: statSync(path).mtimeMs };
}
