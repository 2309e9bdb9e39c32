/**
 * 公示名单 (pure): the lists the scheme defines — 达标 for every scheme; 推荐 (and 待定 at a tie on the quota line) where
 * the scheme has a quota; 复查保留 for already-named subjects — with the usual 公示 wording and placeholders for the
 * period of the notice, the issuing unit and the date.
 */
import type { Document } from "docx";
import type { Summary, SummaryRow } from "../summary/types";
import { body, flush, heading, officialDocument, signOff, table, title } from "./official-layout";
import { DATE_PLACEHOLDER, ISSUER_PLACEHOLDER, ordinal } from "./result-notice";

const PHONE_PLACEHOLDER = "\u3000".repeat(5);

interface PublicList {
  name: string;
  rows: SummaryRow[];
  note?: string;
}

/** Which lists the scheme's results give: only non-empty ones are printed. */
export function publicLists(summary: Summary): PublicList[] {
  // rows 待核 (blank, with errors, not final) are on no list until checked
  const rows = summary.rows.filter((row) => row.counted);
  const lists: PublicList[] = [];
  if (summary.quota !== null) {
    lists.push({ name: "推荐名单", rows: rows.filter((row) => row.recommended === true) });
    const pending = rows.filter((row) => row.recommended === "pending");
    if (pending.length > 0) lists.push({ name: "待定名单", rows: pending, note: "同分并列跨越推荐名额线，由党委研究确定。" });
  }
  lists.push({ name: "达标名单", rows: rows.filter((row) => row.pass && !row.named) });
  const kept = rows.filter((row) => row.named && row.review === "keep");
  if (kept.length > 0) lists.push({ name: "复查保留名单", rows: kept, note: "已命名，经复查建议保留。" });
  return lists;
}

export function publicListDocument(summary: Summary, issuer: string = ISSUER_PLACEHOLDER): Document {
  const docTitle = `${summary.period}${summary.scheme.title}名单公示`;
  const subjectHead = summary.scheme.subject === "secretary" ? "支部书记" : "党支部";
  const lists = publicLists(summary);
  const children = [
    title(docTitle),
    body(
      `根据${summary.scheme.title}的要求，经党支部自评、上级党组织考评，现将${summary.period}${lists.map((list) => list.name.replace("名单", "")).join("、")}名单予以公示。` +
        `公示时间为${DATE_PLACEHOLDER}至${DATE_PLACEHOLDER}。公示期间，如有异议，请以书面形式向${issuer}反映（联系电话：${PHONE_PLACEHOLDER}）。`,
    ),
    ...lists.flatMap((list, index) => [
      heading(`${ordinal(index)}、${list.name}（${list.rows.length}个）`),
      ...(list.note ? [flush(list.note)] : []),
      list.rows.length === 0 ? body("无。") : table(["序号", subjectHead, "所属党组织"], list.rows.map((row, i) => [String(i + 1), row.subject, row.org]), [1, 5, 4]),
    ]),
    ...signOff([issuer, DATE_PLACEHOLDER]),
  ];
  return officialDocument(docTitle, children);
}
