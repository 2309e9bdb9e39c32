/** Helpers of the roll-up tests: cheap summary inputs, and the comparison that leaves out provenance. */
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { sampleEntries } from "../../src/demo/entries";
import { seededRandom } from "../../src/demo/prng";
import { scoreEntries } from "../../src/scoring/engine";
import type { SheetStatus } from "../../src/scoring/status";
import type { CellValue } from "../../src/scoring/types";
import type { Summary, SummaryInput } from "../../src/summary/types";
import { PERIOD, scheme } from "./workbooks";

export const LH = scheme("lianghua-yichuang");

export interface Place {
  school: number;
  dept: number;
}

/** Where branch i sits in the generated hierarchy: 4 学校 × 5 院系 × 25 branches for 500. */
export function placeOf(i: number, perDept = 25, deptsPerSchool = 5): Place {
  return { school: Math.floor(i / (perDept * deptsPerSchool)) + 1, dept: Math.floor((i % (perDept * deptsPerSchool)) / perDept) + 1 };
}

function pad(n: number): string {
  return String(n).padStart(3, "0");
}

/**
 * The summary inputs of branch i, scored by the engine without writing a file: a 考评 sheet (some a 考评组 of two),
 * for every fifth a 自评 too; some 填写中, some 未填写, some with errors, so 待核 and 草稿 take part.
 */
export function branchInputs(i: number, random = seededRandom(1000 + i)): SummaryInput[] {
  const { school, dept } = placeOf(i);
  const org = `学校${school}院系${dept}党委`;
  const subject = `学校${school}院系${dept}第${pad(i)}党支部`;
  const folder = `学校${school}/院系${dept}`;
  const status: SheetStatus = i % 29 === 7 ? "draft" : i % 47 === 11 ? "blank" : "final";
  const one = (rater: "self" | "org", evaluator: string, name: string): SummaryInput => {
    const result = scoreEntries(LH, sampleEntries(LH, random, { findRate: random.next() * 0.35, awardShare: random.next() }));
    return {
      file: `${folder}/${subject}-${name}.xlsx`,
      scored: { meta: { subject, org, period: PERIOD, rater, evaluator, date: "2026-01-10" }, result, status, errors: i % 61 === 5 ? 2 : 0 },
      problems: [],
      savedAt: "2026-01-10T08:00:00.000Z",
    };
  };
  const inputs = [one("org", "组织部", "考评")];
  if (i % 50 === 3) inputs.push(one("org", "组织部二组", "考评2"));
  if (i % 5 === 0) inputs.push(one("self", "", "自评"));
  return inputs;
}

const QUALIFIED = /[^"\s“”（）：，。]*?\.xlsx › /g;

/** A compile --json object without what only records provenance: the summary path in names, `source`. */
export function withoutProvenance(json: unknown): unknown {
  return JSON.parse(JSON.stringify(json, (key, value: unknown) => (key === "source" ? undefined : value)).replace(QUALIFIED, ""));
}

/** The 汇总 sheet's cells as read back from the file, without the roll-up's 来源 column. */
export async function summarySheetCells(path: string): Promise<CellValue[][]> {
  const book = await readWorkbookFile(path);
  const grid = book.sheets.find((sheet) => sheet.name === "汇总");
  if (!grid) throw new Error(`${path} has no 汇总 sheet`);
  const source = (grid.values[3] ?? []).indexOf("来源");
  return grid.values.map((row) => (source < 0 ? row : row.filter((_, column) => column !== source)));
}

/** Rows of a summary as a short, comparable list. */
export function rowDigest(summary: Summary): string[] {
  return summary.rows.map((row) => `${row.rank ?? "—"} ${row.subject} ${row.total} ${row.band} ${row.counted ? "" : row.notCountedReason}`);
}
