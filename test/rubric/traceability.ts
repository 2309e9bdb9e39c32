/**
 * The traceability tables (docs/sources/<scheme>.md): every unit of the source (./source-sentences.ts), in order and
 * in its own words, with the place that scores or handles it. `traceProblems` lists what is wrong with a table; the
 * legend of the 落点 column is docs/sources/README.md.
 */
import type { Scheme } from "../../src/rubric/types";
import { SUBJECT_META_KEYS } from "../../src/sheet/meta-keys";
import { codedItems } from "../../src/sheet/read-match";
import { sourceSentences } from "./source-sentences";

export interface TraceRow {
  number: number;
  text: string;
  places: string[];
  note: string;
}

/** A unit that is not scored, and why. */
export const REASONS = ["背景", "党委职责", "程序", "不可量化"] as const;
/** Places of the compile summary (汇总表) that handle a requirement. */
export const SUMMARY_PLACES = ["排名", "等次", "推荐名额", "已命名", "复查", "申请", "达标率目标", "样板名额", "问题清单"] as const;

const TABLE_HEADER = /^\|\s*#\s*\|\s*原文\s*\|\s*落点\s*\|\s*说明\s*\|$/;

export function parseTraceTable(markdown: string): TraceRow[] {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => TABLE_HEADER.test(line.trim()));
  if (start < 0) throw new Error("no table with the header | # | 原文 | 落点 | 说明 |");
  const rows: TraceRow[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    const cells = line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((cell) => cell.trim());
    const [number, text, places, note] = cells;
    rows.push({
      number: Number(number),
      text: text ?? "",
      places: (places ?? "").split(/[,，]/).map((place) => place.trim()).filter((place) => place !== ""),
      note: note ?? "",
    });
  }
  return rows;
}

function placeProblem(place: string, scheme: Scheme, codes: Set<string>): string | null {
  const [kind, value] = place.includes(":") ? [place.slice(0, place.indexOf(":")), place.slice(place.indexOf(":") + 1)] : [place, ""];
  switch (kind) {
    case "表头": {
      const keys: string[] = [...SUBJECT_META_KEYS, ...(scheme.headerFields ?? []).map((field) => field.key)];
      return keys.includes(value) ? null : `表头字段 ${value} 不在方案中`;
    }
    case "评价方":
      return (scheme.raters as string[]).includes(value) ? null : `评价方 ${value} 不是方案的评价方（${scheme.raters.join("、")}）`;
    case "汇总":
      return (SUMMARY_PLACES as readonly string[]).includes(value) ? null : `汇总表没有“${value}”（可用：${SUMMARY_PLACES.join("、")}）`;
    case "计划":
      return /^issue \d+$/.test(value) ? null : `计划应写作“计划:issue N”`;
    default:
      if ((REASONS as readonly string[]).includes(place)) return null;
      return codes.has(place) ? null : `编号 ${place} 在方案中不存在`;
  }
}

/** Everything wrong with `table` as the traceability table of `scheme` against its source text. */
export function traceProblems(scheme: Scheme, source: string, table: string): string[] {
  const rows = parseTraceTable(table);
  const units = sourceSentences(source);
  const problems: string[] = [];
  for (let index = 0; index < Math.max(rows.length, units.length); index++) {
    const row = rows[index];
    const unit = units[index];
    if (row === undefined) {
      problems.push(`原文第 ${index + 1} 句没有对应行：${unit}`);
      break;
    }
    if (unit === undefined) {
      problems.push(`第 ${row.number} 行在原文中没有对应的句子：${row.text}`);
      break;
    }
    if (row.text !== unit) {
      problems.push(`第 ${index + 1} 行应为原文“${unit}”，而不是“${row.text}”`);
      break; // the rows after a gap are all shifted: one message says where
    }
    if (row.number !== index + 1) problems.push(`第 ${index + 1} 行的序号写成了 ${row.number}`);
  }
  const codes = codedItems(scheme);
  for (const row of rows) {
    if (row.places.length === 0) problems.push(`第 ${row.number} 行没有落点：${row.text}`);
    for (const place of row.places) {
      const problem = placeProblem(place, scheme, codes);
      if (problem) problems.push(`第 ${row.number} 行：${problem}`);
    }
  }
  // the other way round: every indicator and veto answers to some sentence of the source
  const named = new Set(rows.flatMap((row) => row.places));
  for (const indicator of scheme.sections.flatMap((section) => section.indicators)) {
    const traced = named.has(indicator.code) || indicator.rules.some((rule) => named.has(rule.code));
    if (!traced) problems.push(`二级指标 ${indicator.code}「${indicator.title}」没有出现在任何一行`);
  }
  for (const veto of scheme.vetoes) if (!named.has(veto.code)) problems.push(`否决项 ${veto.code} 没有出现在任何一行`);
  return problems;
}
