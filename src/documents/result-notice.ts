/**
 * 结果通报 (pure): the committee's notice of the results — overall figures, each 所属党组织's figures, then the ranking
 * and bands of its branches — in the official layout. Document number and date are left as placeholders to fill in
 * (the tool does not know them); so is the issuing unit unless compile --issuer names it.
 */
import type { Document } from "docx";
import { percentLabel } from "../summary/exact";
import type { GroupStats, Summary, SummaryRow } from "../summary/types";
import { showNumber } from "../scoring/messages";
import { body, centred, flush, heading, officialDocument, signOff, subheading, table, title } from "./official-layout";

export const ISSUER_PLACEHOLDER = "（发文单位）";
export const DATE_PLACEHOLDER = "　　年　　月　　日";
const CHINESE_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

export function ordinal(index: number): string {
  if (index < 10) return CHINESE_ORDINALS[index];
  const tens = Math.floor((index + 1) / 10);
  const units = (index + 1) % 10;
  return `${tens === 1 ? "" : CHINESE_ORDINALS[tens - 1]}十${units === 0 ? "" : CHINESE_ORDINALS[units - 1]}`;
}

function subjectWord(summary: Summary): string {
  return summary.scheme.subject === "secretary" ? "名党支部书记" : "个党支部";
}

function rate(stats: GroupStats): string {
  return stats.passRate === null ? "—" : percentLabel(stats.passRate);
}

function bandsText(stats: GroupStats): string {
  return stats.bands.filter((band) => band.count > 0).map((band) => `${band.name}${band.count}个`).join("，");
}

function overall(summary: Summary): string {
  const { stats } = summary;
  const parts = [`本次共汇总${stats.count}${subjectWord(summary)}`];
  if (stats.mean !== null) parts.push(`平均分${showNumber(stats.mean)}分，最高${showNumber(stats.max ?? 0)}分，最低${showNumber(stats.min ?? 0)}分`);
  parts.push(`达标${stats.passed}个，达标率${rate(stats)}`);
  const unchecked = summary.rows.filter((row) => !row.counted).length;
  if (unchecked > 0) parts.push(`另有${unchecked}个评分表待核，未计入`);
  const bands = bandsText(stats);
  if (bands) parts.push(`等次分布：${bands}`);
  if (summary.targets?.passRate) {
    const target = summary.targets.passRate;
    parts.push(`${summary.targets.year}年达标率目标${percentLabel(target.target)}，${target.met ? "已达到" : "未达到"}`);
  }
  return `${parts.join("；")}。`;
}

function rowCells(row: SummaryRow): string[] {
  return [row.rank === null ? "—" : String(row.rank), row.subject, showNumber(row.total), row.band, row.pass ? "是" : "否"];
}

/** `issuer`: the issuing unit (compile --issuer); without it a placeholder to fill in by hand. */
export function resultNotice(summary: Summary, issuer: string = ISSUER_PLACEHOLDER): Document {
  const docTitle = `关于${summary.period}${summary.scheme.title}考评结果的通报`;
  const orgs = summary.byOrg;
  const children = [
    centred(`${issuer}文件`),
    centred("（发文字号）"),
    title(docTitle),
    flush("各党总支、直属党支部："),
    body(`根据${summary.scheme.title}的要求，经党支部自评、上级党组织考评，现将${summary.period}考评结果通报如下。`),
    heading("一、总体情况"),
    body(overall(summary)),
    heading("二、各党组织情况"),
    table(
      ["所属党组织", "支部数", "平均分", "达标", "达标率"],
      orgs.map((org) => [org.org || "（未填写）", String(org.count), org.mean === null ? "—" : showNumber(org.mean), String(org.passed), rate(org)]),
      [5, 2, 2, 2, 2],
    ),
    heading("三、考评结果"),
    body(`以下按所属党组织列出各${summary.scheme.subject === "secretary" ? "党支部书记" : "党支部"}的名次（全校统一排名）、总分、等次和是否达标。`),
    ...orgs.flatMap((org, index) => [
      subheading(`（${ordinal(index)}）${org.org || "（未填写所属党组织）"}`),
      table(["名次", summary.scheme.subject === "secretary" ? "支部书记" : "党支部", "总分", "等次", "达标"], summary.rows.filter((row) => row.counted && row.org === org.org).map(rowCells), [2, 7, 2, 2, 2]),
    ]),
    heading("四、有关要求"),
    body(`各党组织要对照考评反馈单，督促党支部逐项整改，整改情况于（日期）前报${issuer}。`),
    ...signOff([issuer, DATE_PLACEHOLDER]),
  ];
  return officialDocument(docTitle, children);
}
