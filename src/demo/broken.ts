/** The damaged and mistaken files a committee really receives, made on purpose for the demo. */
import { parseA1 } from "../sheet/addresses";
import { planMetaValues, scoringSheetOf } from "../sheet/fill";
import { cellKey, TOTAL_CODE } from "../sheet/meta-keys";
import type { SheetPlan, WorkbookPlan } from "../sheet/types";
import { sheetPlan } from "../sheet/sheet-plan";

/** The first part of a workbook, as an interrupted download or copy leaves it. */
export function truncated(bytes: Buffer, keep = 0.6): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length * keep));
}

/** A member list exported as CSV and renamed .xlsx. */
export function csvText(subjects: readonly string[]): string {
  return ["支部名称,党员人数,支部书记", ...subjects.map((subject, i) => `${subject},${18 + ((i * 7) % 23)},待定`)].join("\r\n") + "\r\n";
}

/** A home-made statistics sheet: a real workbook, but no `_meta`, so not a scoring template. */
export function homeMadeSheet(subjects: readonly string[]): WorkbookPlan {
  const sheet: SheetPlan = sheetPlan({
    name: "学习统计",
    cells: [
      [{ value: "支部名称" }, { value: "集中学习（学时）" }, { value: "自评得分" }],
      ...subjects.map((subject, i) => [{ value: subject }, { value: 28 + (i % 8) }, { value: 85 + (i % 10) }]),
    ],
    columnWidths: [32, 16, 10],
  });
  return { sheets: [sheet], activate: sheet.name };
}

/** The total's formula overwritten with a number, as a user typing a "better" score would. */
export function totalTypedOver(plan: WorkbookPlan, shown: number): WorkbookPlan {
  const address = planMetaValues(plan).get(cellKey(TOTAL_CODE, "score"));
  const position = typeof address === "string" ? parseA1(address) : null;
  if (!position) throw new Error("模板中没有总分单元格");
  const scoring = scoringSheetOf(plan);
  const cells = scoring.cells.map((row) => [...row]);
  cells[position.row][position.column] = { value: shown, style: cells[position.row][position.column]?.style };
  return { ...plan, sheets: plan.sheets.map((sheet) => (sheet === scoring ? { ...scoring, cells } : sheet)) };
}

/** 1.5 → "１.5分": a number typed in a Chinese input method, full-width digits and a trailing 分. */
export function chineseTypedNumber(value: number): string {
  const [whole, fraction] = String(value).split(".");
  const wide = [...whole].map((digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0)).join("");
  return `${wide}${fraction === undefined ? "" : `.${fraction}`}分`;
}
