/**
 * 统计: overall figures, the band distribution (two columns: the chart's source), the same figures per 所属党组织,
 * the recommendation quota and the yearly targets against actuals. Tables are stacked with a blank row between them;
 * the chart sits to the right of the widest table so it never covers one.
 */
import type { ChartPlan, PlanCell, SheetPlan } from "../../sheet/types";
import { ceilShare, percentLabel } from "../exact";
import type { GroupStats, Summary, TargetReport } from "../types";
import { a1 as address } from "../../sheet/addresses";
import { SUMMARY_STYLES, num, text } from "./cells";
import { sheetPlan } from "../../sheet/sheet-plan";

export const STATS_SHEET = "统计";

type Row = (PlanCell | null)[];

function overallTable(stats: GroupStats, unit: string): Row[] {
  return [
    [text("项目", "header"), text("数值", "header")],
    [text(`${unit}数`), num(stats.count, "count")],
    [text("平均分"), num(stats.mean)],
    [text("最高分"), num(stats.max)],
    [text("最低分"), num(stats.min)],
    [text("达标数"), num(stats.passed, "count")],
    [text("达标率"), num(stats.passRate, "percent")],
  ];
}

function bandTable(stats: GroupStats, unit: string): Row[] {
  return [
    [text("等次", "header"), text(`${unit}数`, "header")],
    ...stats.bands.map((band) => [text(band.name), num(band.count, "count")]),
  ];
}

function orgTable(summary: Summary, unit: string): Row[] {
  const bandNames = summary.stats.bands.map((band) => band.name);
  const header = ["所属党组织", `${unit}数`, "平均分", "最高分", "最低分", "达标数", "达标率", ...bandNames];
  return [
    header.map((h) => text(h, "header")),
    ...summary.byOrg.map((org) => [
      text(org.org),
      num(org.count, "count"),
      num(org.mean),
      num(org.max),
      num(org.min),
      num(org.passed, "count"),
      num(org.passRate, "percent"),
      ...org.bands.map((band) => num(band.count, "count")),
    ]),
  ];
}

/** The long labels of a two-column table wrap in the narrow first column (their rows grow to fit). */
function wrapLabels(rows: Row[]): Row[] {
  return rows.map(([label, ...rest]) => [label && label.style === "text" ? { ...label, style: "textWrap" } : label, ...rest]);
}

function quotaTable(summary: Summary, unit: string): Row[] {
  const quota = summary.quota;
  if (!quota) return [];
  return wrapLabels([
    [text("项目", "header"), text("数值", "header")],
    [text(quota.base === "participants" ? `名额基数：参评${unit}数（计入汇总、未否决、未命名）` : `名额基数：达标${unit}数`), num(quota.baseCount, "count")],
    [text(`可推荐${unit}数（参评且达标）`), num(quota.eligible, "count")],
    [text("推荐比例"), text(`不超过 ${percentLabel(quota.share)}`)],
    [text("推荐名额（向下取整）"), num(quota.places, "count")],
    [text("已推荐"), num(quota.recommended, "count")],
    [text("待定（同分并列于名额线）"), num(quota.pending, "count")],
    [text("已命名（不参加推荐）"), num(quota.named, "count")],
  ]);
}

function targetTable(targets: TargetReport | null, unit: string): Row[] {
  if (!targets) return [];
  const rows: Row[] = [["项目", "目标比例", "目标数量", "实际比例", "实际数量", "结论"].map((h) => text(h, "header"))];
  const pass = targets.passRate;
  if (pass) {
    rows.push([
      text("达标率"),
      num(pass.target, "percent"),
      num(ceilShare(pass.target, targets.subjects), "count"),
      num(pass.actual, "percent"),
      num(pass.passed, "count"),
      text(pass.met ? "达到目标" : `未达到（需至少 ${ceilShare(pass.target, targets.subjects)} 个达标）`, "textWrap"),
    ]);
  }
  for (const model of targets.models) {
    rows.push([
      text(model.name),
      num(model.share, "percent"),
      num(model.allowed, "count"),
      text("—", "textCenter"),
      text("—", "textCenter"),
      text(
        model.share === null
          ? `目标 ${model.allowed} 个，由党委评定`
          : `按${unit}总数 ${targets.subjects} 个计，至多 ${model.allowed} 个，由党委评定`,
        "textWrap",
      ),
    ]);
  }
  return rows;
}

export function statsSheet(summary: Summary): SheetPlan {
  const unit = summary.scheme.subject === "secretary" ? "支部书记" : "党支部";
  const cells: Row[] = [[text(`统计：${summary.scheme.shortTitle}${summary.period ? `（${summary.period}）` : ""}`, "title")], []];
  let bandRange = "";
  const addBlock = (heading: string, table: Row[]): void => {
    if (table.length === 0) return;
    cells.push([text(heading, "heading")]);
    const first = cells.length;
    cells.push(...table);
    if (heading === "等次分布") bandRange = `${address(first + 1, 0)}:${address(cells.length - 1, 1)}`;
    cells.push([]);
  };
  addBlock("总体情况", overallTable(summary.stats, unit));
  addBlock("等次分布", bandTable(summary.stats, unit));
  addBlock("按所属党组织", orgTable(summary, unit));
  addBlock("推荐名额", quotaTable(summary, unit));
  addBlock(`年度目标（${summary.targets?.year ?? ""}年）`, targetTable(summary.targets, unit));

  const widest = Math.max(...cells.map((row) => row.length));
  const chart: ChartPlan = { type: "column", title: "等次分布", source: bandRange, anchor: address(2, widest + 1) };
  return sheetPlan({
    name: STATS_SHEET,
    cells,
    styles: SUMMARY_STYLES,
    columnWidths: [24, ...new Array<number>(widest - 1).fill(9)],
    rowHeights: { 0: 24 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: 1 },
    charts: [chart],
  });
}
