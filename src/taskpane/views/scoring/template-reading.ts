/**
 * Pure: from the grids the live controller read, the one template whose scoring sheet is the given sheet — its score,
 * what the 评分 view shows, whether it is 定稿 and which cells are inputs — or why it cannot be scored. Reading,
 * `_meta` parsing and the meta↔sheet matching rule are the sheet reader's (src/sheet/reader.ts, read-match.ts).
 */
import type { Scheme } from "../../../rubric/types";
import { namedSheet } from "../../../sheet/read-match";
import { isMetaSheetName, readMetaTable } from "../../../sheet/read-meta";
import { readTemplateOn } from "../../../sheet/reader";
import type { TemplateScore } from "../../../sheet/score-workbook";
import { scoreTemplate } from "../../../sheet/score-workbook";
import { sameSheetName } from "../../../sheet/sheet-names";
import type { Grid } from "../../../sheet/types";
import { buildScoringViewState } from "./scoring-state";
import type { ScoringViewState } from "./scoring-state";

export type Resolve = (id: string) => Scheme | undefined;

/** Where a template lives: its scoring sheet and the `_meta` sheet describing it. */
export interface TemplateLocation {
  sheet: string;
  metaSheet: string;
}

export interface LiveTemplate extends TemplateLocation {
  score: TemplateScore;
  view: ScoringViewState;
  /** every input cell (amounts, reasons, evidence, veto flags, header fields): what 定稿 locks */
  inputs: string[];
}

export type TemplateReading =
  | { kind: "template"; template: LiveTemplate }
  /** the sheet belongs to a `_meta` that cannot be used (unknown scheme, broken contract …); message in Chinese */
  | { kind: "unreadable"; location: TemplateLocation; message: string }
  | { kind: "not-template" };

export interface MetaCandidates {
  /** metas whose `sheet` key names the sheet */
  named: Grid[];
  /** metas whose `sheet` names no existing sheet: the scoring sheet may have been renamed since */
  orphaned: Grid[];
}

export function metaCandidates(sheet: string, metas: readonly Grid[], sheetNames: readonly string[]): MetaCandidates {
  if (isMetaSheetName(sheet)) return { named: [], orphaned: [] };
  const targets = metas.map((meta) => ({ meta, target: namedSheet(readMetaTable(meta), sheetNames) }));
  return {
    named: targets.filter(({ target }) => target !== null && sameSheetName(target, sheet)).map(({ meta }) => meta),
    orphaned: targets.filter(({ target }) => target === null).map(({ meta }) => meta),
  };
}

/** Reads one template from exactly its two grids (the scoring sheet and its `_meta`). */
export function readTemplate(sheetGrid: Grid, metaGrid: Grid, resolve: Resolve): TemplateReading {
  const location = { sheet: sheetGrid.name, metaSheet: metaGrid.name };
  const read = readTemplateOn(metaGrid, sheetGrid, resolve);
  if (!read.ok) return { kind: "unreadable", location, message: read.failure.message };
  const score = scoreTemplate(read.value);
  const inputs = Object.entries(score.cells)
    .filter(([key]) => !key.endsWith(":score"))
    .map(([, address]) => address);
  return {
    kind: "template",
    template: { ...location, score, view: buildScoringViewState(score, read.value.finalized), inputs: [...new Set(inputs)] },
  };
}

/**
 * A meta naming the sheet decides (its problem is reported when it cannot be read); an orphaned meta is taken only when
 * the reader's matching rule accepts the sheet (it carries at least half of the scheme's codes), so an ordinary sheet
 * is never mistaken for a template.
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
    if (reading.kind === "template") return reading;
  }
  return { kind: "not-template" };
}
