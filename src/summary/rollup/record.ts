/**
 * One row of the summary's hidden data sheet (`_rows`): a summary input as canonical JSON, and the columns a person
 * can read, all derived from that JSON so a hand-edited column shows up as a difference. Pure. The layout is
 * documented in docs/contracts.md ("The summary data sheet").
 */
import { sum } from "../../numbers/decimal";
import type { CellValue } from "../../scoring/types";
import type { BallotFile } from "../../ballot/read";
import type { FileProblem, ScoredTemplate, SummaryInput } from "../types";


export { SUMMARY_DATA_SHEET as DATA_SHEET } from "../../sheet/meta-keys";
export const DATA_MARKER: readonly [string, string] = ["branch-scoring", "summary-rows"];
export const DATA_CONTRACT = "1";
/** header rows (key | value) below the marker, in this order */
export const HEADER_KEYS = ["contract", "scheme", "schemeVersion", "period", "finalOnly", "rows", "sha256"] as const;
export type HeaderKey = (typeof HEADER_KEYS)[number];
/** joins the summary path of `source` in its column and in a rolled-up row's file name */
export const PATH_SEPARATOR = " › ";
/** Excel keeps at most 32767 characters in a cell: the JSON continues in the next cells of its row */
const CHUNK = 30000;

/** An indicator's score, compactly: [code, points, deduction, award, score] (titles are the scheme's). */
export type StoredIndicator = [string, number, number, number, number];

/** A rule that took or gave points, compactly: [code, deduction, award] (差异明细 names them with their reasons). */
export type StoredRule = [string, number, number];

/**
 * A scored template as stored: indicators compact, of `result.rules` only those that took or gave points (compact),
 * and the reasons written beside them.
 */
export type StoredTemplate = Omit<ScoredTemplate, "heldBack" | "result"> & {
  result: Omit<ScoredTemplate["result"], "rules" | "indicators"> & { indicators: StoredIndicator[]; rules?: StoredRule[] };
};

/** What one data row holds: a summary input, self-contained. */
export interface DataRecord {
  file: string;
  source: string[];
  savedAt: string | null;
  heldBack: string | null;
  scored: StoredTemplate | null;
  ballot: BallotFile | null;
  problems: FileProblem[];
}

/** The readable columns, then `sha256` and `data` (the JSON, continued rightwards in chunks). */
export const COLUMNS = [
  "file",
  "source",
  "subject",
  "org",
  "subjectId",
  "period",
  "scheme",
  "schemeVersion",
  "rater",
  "evaluator",
  "status",
  "errors",
  "total",
  "sections",
  "vetoed",
  "heldBack",
  "savedAt",
  "sha256",
  "data",
] as const;
export const SHOWN_COLUMNS = COLUMNS.length - 2;
export const SHA_COLUMN = COLUMNS.indexOf("sha256");
export const DATA_COLUMN = COLUMNS.indexOf("data");

/**
 * The per-rule lines the summary reads: those that took or gave points (差异明细 names them with their reasons). A
 * compile keeps only these of each file's result (batch/score-source), and the data sheet stores only these.
 */
export function pointRules<Rule extends { deduction: number; award: number }>(rules: readonly Rule[]): Rule[] {
  return rules.filter((rule) => rule.deduction !== 0 || rule.award !== 0);
}

function storedResult({ rules, indicators, ...rest }: ScoredTemplate["result"]): StoredTemplate["result"] {
  return {
    ...rest,
    indicators: indicators.map((i): StoredIndicator => [i.code, i.points, i.deduction, i.award, i.score]),
    rules: pointRules(rules).map((r): StoredRule => [r.code, r.deduction, r.award]),
  };
}

/** The scored template back from its stored form (indicator titles blank: the summary takes them from the scheme). */
export function restoredTemplate(stored: StoredTemplate): ScoredTemplate {
  const { indicators, rules, ...rest } = stored.result;
  return {
    ...stored,
    result: {
      ...rest,
      rules: (rules ?? []).map(([code, deduction, award]) => ({ code, deduction, award })),
      indicators: indicators.map(([code, points, deduction, award, score]) => ({ code, title: "", points, deduction, award, score })),
    },
  };
}

export function toRecord(input: SummaryInput, finalOnly: boolean, notFinalReason: string): DataRecord {
  const scored = input.scored;
  const heldBack = scored?.heldBack ?? (finalOnly && scored?.status === "draft" ? notFinalReason : null);
  return {
    file: input.file,
    source: input.source ?? [],
    savedAt: input.savedAt ?? null,
    heldBack,
    scored: scored
      ? {
          meta: scored.meta,
          result: storedResult(scored.result),
          ...(scored.reasons && Object.keys(scored.reasons).length > 0 && { reasons: scored.reasons }),
          status: scored.status,
          errors: scored.errors,
          ...(scored.rated && { rated: scored.rated }),
        }
      : null,
    ballot: input.ballot ?? null,
    problems: input.problems,
  };
}

/** The JSON text the check is taken over: key order fixed by toRecord, so the same input gives the same text. */
export function recordText(record: DataRecord): string {
  return JSON.stringify(record);
}

export function splitText(text: string): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += CHUNK) chunks.push(text.slice(at, at + CHUNK));
  return chunks.length > 0 ? chunks : [""];
}

/** "1=18；2=15.5": the section scores, readable. */
function sectionsText(record: DataRecord): string {
  return (record.scored?.result.sections ?? []).map((section) => `${section.code}=${section.score}`).join("；");
}

/** The readable columns of a record, in COLUMNS order (numbers as numbers). */
export function shownValues(record: DataRecord): CellValue[] {
  const scored = record.scored;
  const meta = scored?.meta;
  return [
    record.file,
    record.source.join(PATH_SEPARATOR),
    meta?.subject ?? "",
    meta?.org ?? "",
    meta?.subjectId ?? "",
    meta?.period ?? record.ballot?.period ?? "",
    scored?.result.scheme ?? record.ballot?.scheme ?? "",
    scored?.result.schemeVersion ?? "",
    meta?.rater ?? (record.ballot ? `ballot-${record.ballot.kind}` : ""),
    meta?.evaluator ?? "",
    scored?.status ?? "",
    scored ? scored.errors : null,
    scored ? scored.result.total : null,
    sectionsText(record),
    scored ? (scored.result.vetoed ? "是" : "否") : "",
    record.heldBack ?? "",
    record.savedAt ?? "",
  ];
}

/** A total that is not the sum of its sections was changed by hand (the engine's total is exactly that sum). */
export function totalAddsUp(record: DataRecord): boolean {
  const result = record.scored?.result;
  return !result || sum(result.sections.map((section) => section.score)) === result.total;
}
