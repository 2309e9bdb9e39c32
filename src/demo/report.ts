/** What the demo prints after compiling: the ranking's top and bottom, the statistics, the problems file by file. */
import stringWidth from "string-width";
import { padEnd as pad } from "../batch/display-width";
import { percentLabel } from "../summary/exact";
import { percentText } from "../ballot/tally";
import type { DifferenceReport } from "../summary/differences";
import type { BallotReport, Summary, SummaryProblem, SummaryRow } from "../summary/types";

function recommendation(row: SummaryRow): string {
  return row.recommended === "pending" ? "待定" : row.recommended === true ? "推荐" : "";
}

function rowLine(row: SummaryRow, withQuota: boolean, nameWidth: number): string {
  const rank = row.rank === null ? "—" : String(row.rank);
  const raters = [row.selfTotal === null ? "" : `自评 ${row.selfTotal}`, row.orgTotal === null ? "" : `考评 ${row.orgTotal}`].filter(Boolean).join(" / ");
  const extra = [withQuota ? recommendation(row) : "", row.notes.join("；")].filter(Boolean).join("  ");
  return `  ${pad(rank, 5)}${pad(row.subject, nameWidth)}${pad(String(row.total), 8)}${pad(row.band, 10)}${pad(raters, 22)}${extra}`;
}

export function rankingText(summary: Summary, top = 10, bottom = 5): string {
  const withQuota = summary.quota !== null;
  const ranked = summary.rows.filter((row) => row.rank !== null);
  const others = summary.rows.filter((row) => row.rank === null && row.counted);
  const pending = summary.rows.filter((row) => !row.counted);
  const nameWidth = Math.max(10, ...summary.rows.map((row) => stringWidth(row.subject))) + 2;
  const line = (row: SummaryRow) => rowLine(row, withQuota, nameWidth);
  const lines = [`  ${pad("排名", 5)}${pad(summary.scheme.subject === "secretary" ? "支部书记" : "支部", nameWidth)}${pad("总分", 8)}${pad("等次", 10)}${pad("自评 / 考评", 22)}${withQuota ? "推荐  " : ""}备注`];
  if (ranked.length <= top + bottom) lines.push(...ranked.map(line));
  else {
    lines.push(...ranked.slice(0, top).map(line));
    lines.push(`  …… 中间 ${ranked.length - top - bottom} 个从略，见汇总表 ……`);
    lines.push(...ranked.slice(-bottom).map(line));
  }
  if (others.length > 0) {
    lines.push("  不参加排名：");
    lines.push(...others.map(line));
  }
  if (pending.length > 0) {
    lines.push("  待核（未计入排名、统计和名额）：");
    lines.push(...pending.map((row) => `  ${pad("—", 5)}${pad(row.subject, nameWidth)}${pad(String(row.total), 8)}${row.notCountedReason ?? ""}`));
  }
  return lines.join("\n") + "\n";
}

export function statsText(summary: Summary): string {
  const { stats, quota } = summary;
  const lines = [
    `  汇总 ${stats.count} 个，平均 ${stats.mean ?? "—"}，最高 ${stats.max ?? "—"}，最低 ${stats.min ?? "—"}，` +
      `达标 ${stats.passed} 个，达标率 ${stats.passRate === null ? "—" : percentLabel(stats.passRate)}`,
    `  等次：${stats.bands.map((band) => `${band.name} ${band.count}`).join("，")}`,
  ];
  for (const org of summary.byOrg) {
    lines.push(`  ${pad(org.org || "（未填所属党组织）", 26)}${org.count} 个，平均 ${org.mean ?? "—"}，达标率 ${org.passRate === null ? "—" : percentLabel(org.passRate)}`);
  }
  if (quota) {
    lines.push(
      `  推荐名额：${quota.base === "participants" ? "参评" : "达标"} ${quota.baseCount} 个 × ${percentLabel(quota.share)} = ${quota.places} 个；推荐 ${quota.recommended} 个，待定 ${quota.pending} 个` +
        (quota.tieTotal === null ? "" : `（${quota.tieTotal} 分并列于名额线）`) +
        (quota.named > 0 ? `；已命名 ${quota.named} 个不参加` : ""),
    );
  }
  if (summary.targets?.passRate) {
    const { target, actual, met } = summary.targets.passRate;
    lines.push(`  ${summary.targets.year} 年达标率目标 ${percentLabel(target)}，实际 ${actual === null ? "—" : percentLabel(actual)}：${met ? "已达到" : "未达到"}`);
  }
  return lines.join("\n") + "\n";
}

/** Problems file by file; each file's warnings are counted, its errors listed (the workbook has them all). */
export function problemsText(problems: readonly SummaryProblem[], perFile = 4): string {
  const byFile = new Map<string, SummaryProblem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(`  ${file}`);
    for (const problem of list.slice(0, perFile)) {
      lines.push(`    ${problem.severity === "error" ? "错误" : "警告"} ${problem.cell ?? "—"}  ${problem.message}`);
    }
    if (list.length > perFile) lines.push(`    …… 另有 ${list.length - perFile} 条，见汇总表「问题清单」`);
  }
  return lines.length === 0 ? "  无\n" : lines.join("\n") + "\n";
}

/** The 测评统计 per subject, why ballots were invalid, and the counting rules applied. */
export function ballotsText(report: BallotReport): string {
  const nameWidth = Math.max(10, ...report.subjects.map((subject) => stringWidth(subject.subject))) + 2;
  const lines = [`  ${pad("测评对象", nameWidth)}${pad("应到/实到", 11)}${pad("有效/无效", 11)}${pad(report.levels.join("/"), 16)}${pad("好的比例", 10)}${pad("满意率", 10)}到会`];
  for (const subject of report.subjects) {
    const why = Object.entries({ 未选: subject.invalidBy.blank, 多选: subject.invalidBy.multiple, 非等次: subject.invalidBy.unknown, 整张空白: subject.invalidBy.blankBallot })
      .filter(([, count]) => count > 0)
      .map(([reason, count]) => `${reason} ${count}`)
      .join("，");
    lines.push(
      `  ${pad(subject.subject, nameWidth)}${pad(`${subject.expected ?? "—"}/${subject.cast}`, 11)}${pad(`${subject.valid}/${subject.invalid}`, 11)}` +
        `${pad(report.levels.map((level) => subject.counts[level]).join("/"), 16)}${pad(percentText(subject.goodRate), 10)}${pad(percentText(subject.satisfactionRate), 10)}` +
        `${subject.quorum === null ? "应到未知" : subject.quorum ? "达到" : "未达到"}${why ? `  无效：${why}` : ""}`,
    );
  }
  lines.push("  计票规则：", ...report.rules.map((rule) => `    ${rule}`));
  return lines.join("\n") + "\n";
}

/** The first lines of 差异明细: branch, indicator, 自评 → 考评 and the evaluators' reasons; 待核 branches with their reason. */
export function differencesText(report: DifferenceReport, shown = 6): string {
  const lines = report.subjects.flatMap((subject) =>
    subject.pending !== null
      ? [`  ${subject.subject}：待核（${subject.pending}），不作比较`]
      : subject.differences.map((item) => {
          const reasons = item.reasons.map((reason) => `${reason.evaluator}：${reason.reason || "未填写理由"}`).join("；");
          return `  ${subject.subject} ${item.code} ${item.title}：自评 ${item.self}，考评 ${item.org}（${item.difference > 0 ? "+" : ""}${item.difference}）${reasons ? `  ${reasons}` : ""}`;
        }),
  );
  if (lines.length === 0) return `  没有相差 ${report.threshold} 分及以上的指标\n`;
  const more = lines.length > shown ? [`  …… 另有 ${lines.length - shown} 项，见汇总表「差异明细」`] : [];
  return [...lines.slice(0, shown), ...more].join("\n") + "\n";
}
