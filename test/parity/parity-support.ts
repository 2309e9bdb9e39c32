/**
 * Shared steps of the parity tests: write a template, fill it with a foreign writer, and compare the cached results a
 * real spreadsheet program computed with what the engine computes from the same entries.
 */
import { join } from "node:path";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { writePlanToFile } from "../../src/hosts/xlsx/write";
import type { Scheme } from "../../src/rubric/types";
import { scoreEntries } from "../../src/scoring/engine";
import type { CellValue, Entries, ScoreResult } from "../../src/scoring/types";
import { parseA1 } from "../../src/sheet/addresses";
import { entryCells } from "../../src/sheet/fill";
import { planTemplate } from "../../src/sheet/planner";
import type { Grid } from "../../src/sheet/types";
import { readValue } from "../../src/scoring/values";
import { errorCount, sheetStatus, verdictText } from "../../src/scoring/status";
import { fillWithOpenpyxl } from "../support/spreadsheet-programs";

export interface FilledCase {
  scheme: Scheme;
  entries: Entries;
  /** the filled (not yet recalculated) file */
  path: string;
  label: string;
}

/** One template per scheme, then one openpyxl-filled copy per entries. */
export async function writeFilledCases(dir: string, scheme: Scheme, entryList: Entries[]): Promise<FilledCase[]> {
  const plan = planTemplate(scheme, { subject: "测试党支部", rater: "self" });
  const template = join(dir, `${scheme.id}-template.xlsx`);
  await writePlanToFile(plan, template);
  const cases: FilledCase[] = [];
  for (const [index, entries] of entryList.entries()) {
    const path = join(dir, `${scheme.id}-${index}.xlsx`);
    const cells: Record<string, string | number | null> = {};
    for (const [address, value] of Object.entries(entryCells(plan, entries))) {
      if (typeof value === "boolean") throw new Error("openpyxl fill takes no booleans");
      cells[address] = value;
    }
    await fillWithOpenpyxl(template, path, cells, plan.activate);
    cases.push({ scheme, entries, path, label: `${scheme.id} #${index}` });
  }
  return cases;
}

/** What the spreadsheet program left in the cached results, addressed through the file's own _meta. */
export interface CachedScores {
  total: CellValue;
  band: CellValue;
  pass: CellValue;
  /** the sheet's own count of errors (the hidden cell its 等次/达标 read) */
  errors: CellValue;
  sections: Record<string, CellValue>;
  indicators: Record<string, CellValue>;
  /** computed deductions of count and convert rules (the 扣分 cell on their row) that show something */
  computed: Record<string, CellValue>;
  /** count and convert rules whose computed 扣分 cell shows blank (their input is not filled in), sorted */
  blankComputed: string[];
}

function valueAt(grid: Grid, address: string): CellValue {
  const position = parseA1(address);
  if (!position) throw new Error(`bad address ${address} in _meta`);
  return grid.values[position.row]?.[position.column] ?? null;
}

export async function readCachedScores(path: string, scheme: Scheme): Promise<CachedScores> {
  const book = await readWorkbookFile(path);
  const meta = book.sheets.find((sheet) => sheet.name === "_meta");
  if (!meta) throw new Error(`${path}: no _meta sheet`);
  const keys = new Map(meta.values.map((row) => [String(row[0]), String(row[1])]));
  const scoring = book.sheets.find((sheet) => sheet.name === keys.get("sheet"));
  if (!scoring) throw new Error(`${path}: no scoring sheet ${keys.get("sheet")}`);
  const at = (key: string): CellValue => {
    const address = keys.get(key);
    if (!address) throw new Error(`${path}: _meta has no ${key}`);
    return valueAt(scoring, address);
  };
  const sections: Record<string, CellValue> = {};
  const indicators: Record<string, CellValue> = {};
  const computed: Record<string, CellValue> = {};
  const blankComputed: string[] = [];
  for (const section of scheme.sections) {
    sections[section.code] = at(`cell:${section.code}:score`);
    for (const indicator of section.indicators) {
      indicators[indicator.code] = at(`cell:${indicator.code}:score`);
      for (const rule of indicator.rules) {
        if (rule.kind !== "count" && rule.kind !== "convert") continue;
        const input = keys.get(`cell:${rule.code}:${rule.kind === "count" ? "quantity" : "raw"}`) ?? "";
        // the computed deduction sits in the 扣分/加分 column (F) of the same row
        const shown = valueAt(scoring, input.replace(/^[A-Z]+/, "F"));
        if (shown === null || shown === "") blankComputed.push(rule.code);
        else computed[rule.code] = shown;
      }
    }
  }
  return {
    total: at("cell:total:score"),
    band: at("cell:band:score"),
    pass: at("cell:pass:score"),
    errors: at("cell:errors:score"),
    sections,
    indicators,
    computed,
    blankComputed: blankComputed.sort(),
  };
}

/** Count and convert rules whose input the engine reads as blank: their computed cell shows blank too. */
function unfilledComputedRules(scheme: Scheme, entries: Entries): string[] {
  const codes: string[] = [];
  for (const rule of scheme.sections.flatMap((section) => section.indicators.flatMap((indicator) => indicator.rules))) {
    if (rule.kind !== "count" && rule.kind !== "convert") continue;
    const entry = entries.rules[rule.code];
    if (readValue(rule.kind === "count" ? entry?.quantity : entry?.raw).kind === "blank") codes.push(rule.code);
  }
  return codes.sort();
}

/**
 * The engine's view in the same shape, for one toEqual with a readable diff: the verdicts as the sheet shows them
 * (未填写, 有 N 处填写错误, …（草稿） while 填写中), from the engine's own status and error count.
 */
export function expectedScores(scheme: Scheme, entries: Entries, markedFinal = false): { result: ScoreResult; cached: Omit<CachedScores, "computed"> } {
  const result = scoreEntries(scheme, entries);
  const status = sheetStatus(entries, markedFinal);
  const errors = errorCount(result.issues);
  return {
    result,
    cached: {
      total: result.total,
      band: verdictText(status, errors, result.band),
      pass: verdictText(status, errors, result.pass ? "达标" : "未达标"),
      errors,
      sections: Object.fromEntries(result.sections.map((s) => [s.code, s.score])),
      indicators: Object.fromEntries(result.indicators.map((i) => [i.code, i.score])),
      blankComputed: unfilledComputedRules(scheme, entries),
    },
  };
}
