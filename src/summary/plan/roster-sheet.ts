/**
 * 报送情况 (compile --roster): 应报 / 已报 / 未报 per 所属党组织 with the branches that sent nothing, then the files that
 * match no branch of the roster with the closest roster names, so a typo is seen and fixed, never merged on a guess.
 */
import type { PlanCell, SheetPlan } from "../../sheet/types";
import { sheetPlan } from "../../sheet/sheet-plan";
import type { RosterAccount } from "../types";
import { SUMMARY_STYLES, num, text } from "./cells";

export const ROSTER_SHEET = "报送情况";
/** 0-based row of the first table's header, below the title, the context line and a blank separator. */
const HEADER_ROW = 3;

function byOrgRows(account: RosterAccount): PlanCell[][] {
  return [
    ["所属党组织", "应报", "已报", "未报", "未报党支部"].map((h) => text(h, "header")),
    ...account.byOrg.map((org) => [
      text(org.org),
      num(org.expected, "count"),
      num(org.received, "count"),
      num(org.expected - org.received, "count"),
      text(org.missing.join("、"), "textWrap"),
    ]),
    [text("合计", "header"), num(account.expected, "count"), num(account.received, "count"), num(account.expected - account.received, "count"), text("")],
  ];
}

function unmatchedRows(account: RosterAccount): PlanCell[][] {
  if (account.unmatched.length === 0) return [[text("所有评分表都与名单中的党支部对应。", "subtitle")]];
  return [
    ["文件", "支部名称（表中填写）", "所属党组织（表中填写）", "名单中最接近的党支部"].map((h) => text(h, "header")),
    ...account.unmatched.map((item) => [
      text(item.file, "textWrap"),
      text(item.subject),
      text(item.org),
      text(item.suggestions.length > 0 ? item.suggestions.join("；") : "（无相近名称）", "textWrap"),
    ]),
  ];
}

export function rosterSheet(account: RosterAccount): SheetPlan {
  const headerRow = HEADER_ROW + 1;
  const cells: (PlanCell | null)[][] = [
    [text(`报送情况（应报 ${account.expected}，已报 ${account.received}，未报 ${account.expected - account.received}）`, "title")],
    [text(`名单：${account.file}；按编号（subjectId）或支部名称 + 所属党组织对应`, "subtitle")],
    [],
    ...byOrgRows(account),
    [],
    [text(`与名单不对应的评分表（${account.unmatched.length} 份，未排名，请核对名称后重新汇总）`, "heading")],
    ...unmatchedRows(account),
  ];
  return sheetPlan({
    name: ROSTER_SHEET,
    cells,
    styles: SUMMARY_STYLES,
    columnWidths: [28, 20, 18, 32, 34],
    rowHeights: { 0: 24 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: 1, titleRows: `$${headerRow}:$${headerRow}` },
    freeze: { rows: headerRow, columns: 0 },
  });
}
