/** The tally in the summary: rater weights take the 测评 from the vote, and a missed quorum feeds nothing. */
import type { BallotFile } from "../../src/ballot/read";
import { parseRubric } from "../../src/rubric/parse";
import { scoreEntries } from "../../src/scoring/engine";
import { compiledFiles } from "../../src/summary/compiled-files";
import { compileSummary } from "../../src/summary/summarize";
import { streamedCompileJson, toCompileJson } from "../../src/summary/compile-json";
import { jsonPieces } from "../../src/summary/streamed-json";
import type { SummaryInput } from "../../src/summary/types";

const { scheme } = parseRubric(
  {
    id: "weighted",
    title: "加权考评",
    version: "1",
    weights: { self: 0.5, mass: 0.5 },
    sections: [
      { code: "1", title: "组织建设", points: 60, indicators: [{ code: "1.1", title: "组织", points: 60, rules: [{ kind: "discretionary", text: "酌情扣分" }] }] },
      { code: "2", title: "作用发挥", points: 40, indicators: [{ code: "2.1", title: "作用", points: 40, rules: [{ kind: "discretionary", text: "酌情扣分" }] }] },
    ],
  },
  "test",
);
if (!scheme) throw new Error("scheme");

const SUBJECT = { subject: "第一党支部", org: "机关党委" };

function selfInput(deduction: number): SummaryInput {
  const result = scoreEntries(scheme!, { rules: { "1.1-1": { deduction, reason: deduction > 0 ? "记录不全" : null } }, vetoes: {} });
  return { file: "自评.xlsx", scored: { meta: { ...SUBJECT, period: "2025", rater: "self", evaluator: "", date: "" }, result, status: "final", errors: 0 }, problems: [] };
}

function ballotInput(marks: string[], expected: number | null): SummaryInput {
  const ballot: BallotFile = {
    kind: "count",
    scheme: "weighted",
    choices: ["好", "较好", "一般", "差"],
    period: "2025",
    problems: [],
    ballots: marks.map((mark, index) => ({ file: "计票.xlsx", label: `票号 ${index + 1}：`, expected, rows: [{ ...SUBJECT, value: mark, cell: `B${index + 6}` }] })),
  };
  return { file: "计票.xlsx", ballot, problems: [] };
}

test("a scheme weighting 测评 takes it from the tally: (好 100 × 2 + 较好 80 + 差 40) ÷ 4 = 80, scaled to each section", () => {
  const summary = compileSummary([selfInput(10), ballotInput(["好", "好", "较好", "差"], 6)], scheme);
  const row = summary.rows[0];
  expect(row.massTotal).toBe(80);
  expect(row.raters.find((rater) => rater.rater === "mass")?.sections).toEqual([
    { code: "1", score: 48 },
    { code: "2", score: 32 },
  ]);
  // 自评 90, 测评 80, weights 0.5 / 0.5
  expect(row.total).toBe(85);
  expect(row.notes).toContain("测评取民主测评得分 80（4 张有效票）");
  expect(summary.ballots?.subjects[0]).toMatchObject({ cast: 4, valid: 4, quorum: true, score: 80 });
  // compile --json writes the tally a subject at a time: the same text as the whole object's
  expect(Array.from(jsonPieces(streamedCompileJson(summary))).join("")).toBe(JSON.stringify(toCompileJson(summary), null, 2));
});

test("a missed quorum makes the vote unusable: no 测评 from it, and the row says why", () => {
  const summary = compileSummary([selfInput(0), ballotInput(["好", "好"], 6)], scheme);
  const row = summary.rows[0];
  expect(row.massTotal).toBeNull();
  expect(row.notes).toContain("民主测评未达到到会比例，结果无效");
  expect(summary.problems.some((problem) => problem.message.includes("实到 2 人，不足应到 6 人的 2/3"))).toBe(true);
});

test("ballots of another scheme are listed as a problem and not counted", () => {
  const other = ballotInput(["好"], null);
  other.ballot!.scheme = "wuhao";
  const summary = compileSummary([selfInput(0), other], scheme);
  expect(summary.ballots).toBeNull();
  expect(summary.problems.map((problem) => problem.message).join("\n")).toContain("属于评分方案“wuhao”");
});

test("ballot files count as compiled (CLI list of unused files, the pane's file lines)", () => {
  const summary = compileSummary([selfInput(0), ballotInput(["好"], null)], scheme);
  expect([...compiledFiles(summary)].sort()).toEqual(["自评.xlsx", "计票.xlsx"].sort());
});
