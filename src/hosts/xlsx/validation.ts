/** Plan data validations to ExcelJS ones. Excel rejects (and "repairs") over-long texts, so they are clipped here. */
import type { DataValidation } from "exceljs";
import type { ValidationPlan } from "../../sheet/types";

// Excel's limits: input/error titles 32 characters, messages 255, an inline list 255
const MAX_TITLE = 32;
const MAX_MESSAGE = 255;
const MAX_LIST_FORMULA = 255;

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : text.slice(0, limit - 1) + "…";
}

function stripEquals(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

/** An inline list: "是,否" in quotes, inner quotes doubled. Items may not contain commas (Excel's separator). */
function listFormula(values: string[]): string {
  const bad = values.find((value) => value.includes(","));
  if (bad !== undefined) throw new Error(`下拉列表选项不能含逗号 (list items cannot contain commas): ${bad}`);
  const formula = `"${values.map((value) => value.replace(/"/g, '""')).join(",")}"`;
  if (formula.length > MAX_LIST_FORMULA) throw new Error(`下拉列表过长 (list over ${MAX_LIST_FORMULA} characters): ${formula}`);
  return formula;
}

export function toExcelValidation(plan: ValidationPlan): DataValidation {
  const rule = plan.rule;
  const base: DataValidation =
    rule.type === "list"
      ? { type: "list", formulae: [listFormula(rule.values)] }
      : rule.type === "custom"
        ? { type: "custom", formulae: [stripEquals(rule.formula)] }
        : { type: rule.type, operator: "between", formulae: [rule.min, rule.max] };
  base.allowBlank = true;
  if (plan.prompt) {
    base.showInputMessage = true;
    base.promptTitle = clip(plan.prompt.title, MAX_TITLE);
    base.prompt = clip(plan.prompt.message, MAX_MESSAGE);
  }
  // reject invalid input unless the plan only warns; the message is optional
  base.showErrorMessage = true;
  base.errorStyle = plan.errorStyle ?? "stop";
  if (plan.error) {
    base.errorTitle = clip(plan.error.title, MAX_TITLE);
    base.error = clip(plan.error.message, MAX_MESSAGE);
  }
  return base;
}
