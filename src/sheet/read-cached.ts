/**
 * The score cells' cached results against the recomputed ones. The scores we report always come from the inputs;
 * a cached value that disagrees means the sheet shows the user something else (a formula typed over, or a file saved
 * by a program that did not recalculate), which is worth a warning naming the cell.
 */
import { compare, round2 } from "../numbers/decimal";
import type { CellValue, Issue, ScoreResult } from "../scoring/types";
import { FAIL_TEXT, PASS_TEXT } from "./formulas";
import { ERRORS_CODE } from "./meta-keys";
import type { ScoreCell } from "./reader";
import { cellText } from "./read-meta";
import { parseTextNumber } from "../scoring/text-number";

interface Expected {
  label: string;
  value: number | string;
}

/** The sheet's own state, which its 等次/达标 cells show instead of or beside the verdict. */
export interface SheetState {
  errors: number;
  /** a verdict as the sheet shows it (未填写, 有 N 处填写错误, 较好（草稿）…) */
  shown: (verdict: string) => string;
}

function expectedFor(code: string, result: ScoreResult, state: SheetState): Expected | undefined {
  if (code === "total") return { label: "总分", value: result.total };
  if (code === "band") return { label: "等次", value: state.shown(result.band) };
  if (code === "pass") return { label: "达标", value: state.shown(result.pass ? PASS_TEXT : FAIL_TEXT) };
  if (code === ERRORS_CODE) return { label: "填写错误数", value: state.errors };
  const section = result.sections.find((item) => item.code === code);
  if (section) return { label: `一级指标 ${code}「${section.title}」小计`, value: section.score };
  const indicator = result.indicators.find((item) => item.code === code);
  if (indicator) return { label: `指标 ${code}「${indicator.title}」得分`, value: indicator.score };
  return undefined;
}

function agrees(cached: CellValue, expected: number | string): boolean {
  if (typeof expected === "string") return cellText(cached) === expected;
  const number = typeof cached === "number" ? cached : typeof cached === "string" ? parseTextNumber(cached) : null;
  // spreadsheet programs store binary doubles (3.4000000000000004): equal once rounded like the sheet's ROUND(…, 2)
  return number !== null && Number.isFinite(number) && compare(round2(number), expected) === 0;
}

function isBlank(value: CellValue): boolean {
  return cellText(value) === "";
}

export function cachedScoreIssues(outputs: ScoreCell[], result: ScoreResult, state: SheetState): Issue[] {
  const issues: Issue[] = [];
  for (const output of outputs) {
    const expected = expectedFor(output.code, result, state);
    if (!expected) continue;
    const shown = cellText(output.cached);
    const where = `${output.cell}（${expected.label}）`;
    let message: string | null = null;
    if (output.formula === null) {
      const now = isBlank(output.cached) ? "已被清空" : `已被改为固定值「${shown}」`;
      message = `${where}的公式${now}，不会再随输入更新；按输入重新计算应为 ${String(expected.value)}，以重新计算的结果为准`;
    } else if (!isBlank(output.cached) && !agrees(output.cached, expected.value)) {
      // a formula whose cached result is blank was never calculated (e.g. written by a script): nothing to compare
      message = `${where}显示「${shown}」，按输入重新计算为 ${String(expected.value)}：可能是公式被改动，或文件保存前未重新计算；以重新计算的结果为准`;
    }
    if (message === null) continue;
    issues.push({ severity: "warning", kind: "cached-mismatch", code: output.code, field: "score", cell: output.cell, message });
  }
  return issues;
}
