/**
 * Pure: from the grids the live controller read, the one template whose scoring sheet is the given sheet — its score,
 * what the 评分 view shows, whether it is 定稿 and which cells are inputs — or why it cannot be scored.
 */
import type { Scheme } from "../../../rubric/types";
import { SHEET_KEY } from "../../../sheet/meta-keys";
import { isMetaSheetName, readMetaTable } from "../../../sheet/read-meta";
import type { WorkbookScore } from "../../../sheet/score-workbook";
import { scoreWorkbook } from "../../../sheet/score-workbook";
import type { Grid } from "../../../sheet/types";
import { buildScoringViewState } from "./scoring-state";
import type { ScoringViewState } from "./scoring-state";
import { STATUS_KEY, isFinalStatus } from "./meta-status";

export type Resolve = (id: string) => Scheme | undefined;

/** Where a template lives: its scoring sheet and the `_meta` sheet describing it. */
export interface TemplateLocation {
  sheet: string;
  metaSheet: string;
}

export interface LiveTemplate extends TemplateLocation {
  score: WorkbookScore & { ok: true };
  view: ScoringViewState;
  /** every input cell (amounts, reasons, evidence, veto flags, header fields): what 定稿 locks */
  inputs: string[];
}

export type TemplateReading =
  | { kind: "template"; template: LiveTemplate }
  /** the sheet belongs to a `_meta` that cannot be used (unknown scheme, broken contract …); message in Chinese */
  | { kind: "unreadable"; location: TemplateLocation; message: string }
  | { kind: "not-template" };

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export interface MetaCandidates {
  /** metas whose `sheet` key names the sheet */
  named: Grid[];
  /** metas whose `sheet` names no existing sheet: the scoring sheet may have been renamed since */
  orphaned: Grid[];
}

export function metaCandidates(sheet: string, metas: readonly Grid[], sheetNames: readonly string[]): MetaCandidates {
  if (isMetaSheetName(sheet)) return { named: [], orphaned: [] };
  const target = (meta: Grid) => readMetaTable(meta).values[SHEET_KEY] ?? "";
  return {
    named: metas.filter((meta) => sameName(target(meta), sheet)),
    orphaned: metas.filter((meta) => target(meta) === "" || !sheetNames.some((name) => sameName(name, target(meta)))),
  };
}

/** Column A of a scoring sheet carries its rule codes; a renamed template keeps at least half of them there. */
function carriesRuleCodes(sheetGrid: Grid, scheme: Scheme): boolean {
  const codes = new Set(scheme.sections.flatMap((s) => s.indicators.flatMap((i) => i.rules.map((r) => r.code))));
  const found = new Set(sheetGrid.values.map((row) => String(row[0] ?? "").trim()).filter((text) => codes.has(text)));
  return codes.size > 0 && found.size * 2 >= codes.size;
}

/** Reads one template from exactly its two grids (the scoring sheet and its `_meta`). */
export function readTemplate(sheetGrid: Grid, metaGrid: Grid, resolve: Resolve): TemplateReading {
  const book = { sheets: [metaGrid, sheetGrid] };
  const location = { sheet: sheetGrid.name, metaSheet: metaGrid.name };
  const score = scoreWorkbook(book, resolve);
  if (!score.ok) return { kind: "unreadable", location, message: score.message };
  const finalized = isFinalStatus(readMetaTable(metaGrid).values[STATUS_KEY]);
  const inputs = Object.entries(score.cells)
    .filter(([key]) => !key.endsWith(":score"))
    .map(([, address]) => address);
  return {
    kind: "template",
    template: { ...location, score, view: buildScoringViewState(score, finalized), inputs: [...new Set(inputs)] },
  };
}

/**
 * A meta naming the sheet decides (its problem is reported when it cannot be read); an orphaned meta is taken only when
 * the sheet still carries its scheme's codes, so an ordinary sheet is never mistaken for a template.
 */
export function findTemplate(sheetGrid: Grid, candidates: MetaCandidates, resolve: Resolve): TemplateReading {
  let firstProblem: TemplateReading | null = null;
  for (const meta of candidates.named) {
    const reading = readTemplate(sheetGrid, meta, resolve);
    if (reading.kind === "template") return reading;
    firstProblem ??= reading;
  }
  if (firstProblem) return firstProblem;
  for (const meta of candidates.orphaned) {
    const reading = readTemplate(sheetGrid, meta, resolve);
    if (reading.kind === "template" && carriesRuleCodes(sheetGrid, reading.template.score.scheme)) return reading;
  }
  return { kind: "not-template" };
}
