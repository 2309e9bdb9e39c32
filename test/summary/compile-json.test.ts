/**
 * The compile --json object of contracts.md, end to end on the built-in 四强 scheme: templates scored by the real
 * engine from entries the test makes (total = 100 − the deduction entered), then compiled with quota and ranks.
 */
import { getScheme } from "../../src/rubric/catalogue";
import type { Scheme } from "../../src/rubric/types";
import { scoreEntries } from "../../src/scoring/engine";
import type { Entries } from "../../src/scoring/types";
import { compileSummary } from "../../src/summary/summarize";
import { toCompileJson } from "../../src/summary/compile-json";
import type { SummaryInput } from "../../src/summary/types";

function siqiang(): Scheme {
  const scheme = getScheme("siqiang");
  if (!scheme) throw new Error("built-in scheme siqiang missing");
  return scheme;
}

/**
 * Entries with every count requirement met, a 工作有疏漏 deduction on 1.1-1 (at most its 5 points, the rest on 1.2-1),
 * and the given vetoes answered 是.
 */
function entries(scheme: Scheme, deduction: number, vetoes: string[] = []): Entries {
  const rules: Entries["rules"] = {};
  for (const rule of scheme.sections.flatMap((s) => s.indicators).flatMap((i) => i.rules)) {
    if (rule.kind === "count") rules[rule.code] = { quantity: rule.required };
  }
  const parts = [Math.min(deduction, 5), Math.max(deduction - 5, 0)];
  ["1.1-1", "1.2-1"].forEach((code, i) => {
    if (parts[i] > 0) rules[code] = { quantity: Math.ceil(parts[i]), deduction: parts[i], reason: "工作有疏漏" };
  });
  return { rules, vetoes: Object.fromEntries(vetoes.map((code) => [code, "是"])) };
}

function branch(scheme: Scheme, name: string, deduction: number, vetoes: string[] = []): SummaryInput {
  const result = scoreEntries(scheme, entries(scheme, deduction, vetoes));
  return {
    file: `${name}.xlsx`,
    problems: [],
    scored: { meta: { subject: name, org: "市直机关工委", period: "2024年度", rater: "org", evaluator: "", date: "" }, result, status: "final", errors: 0 },
  };
}

describe("compile --json on 四强", () => {
  const scheme = siqiang();
  // 20 eligible: 100, 99.5, 99.5, 99, 98.5, … — the 2 places end inside the tie at 99.5
  const deductions = [0, 0.5, 0.5, ...Array.from({ length: 17 }, (_, i) => 1 + i * 0.5)];
  const inputs = deductions.map((d, i) => branch(scheme, `第${i + 1}党支部`, d));
  inputs.push(branch(scheme, "否决党支部", 0, ["V3"]));
  inputs.push(branch(scheme, "已命名党支部", 0));
  inputs.push({ file: "坏文件.xlsx", problems: [{ cell: null, severity: "error", message: "文件已损坏" }] });
  const json = toCompileJson(compileSummary(inputs, scheme, { named: ["已命名党支部"] }));

  it("has the contract's top-level fields", () => {
    expect(json).toMatchObject({ scheme: "siqiang", files: 23, compiled: 22 });
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["scheme", "files", "compiled", "rows", "problems", "stats"]));
    // the entries are valid, so the only problem is the broken file
    expect(json.problems).toEqual([{ file: "坏文件.xlsx", cell: null, severity: "error", message: "文件已损坏" }]);
  });

  it("gives each row the contract's fields", () => {
    expect(json.rows).toHaveLength(22);
    for (const row of json.rows) {
      expect(Object.keys(row)).toEqual(
        expect.arrayContaining([
          "file",
          "subject",
          "org",
          "rater",
          "total",
          "band",
          "rank",
          "pass",
          "vetoed",
          "recommended",
          "sections",
          "selfTotal",
          "orgTotal",
          "issues",
        ]),
      );
      expect(row.sections.map((s) => s.code)).toEqual(["1", "2", "3", "4"]);
    }
  });

  it("ranks, recommends and leaves the tie at the line to the committee", () => {
    const first = json.rows[0];
    expect(first).toMatchObject({ subject: "第1党支部", total: 100, rank: 1, recommended: true, rater: "org", orgTotal: 100 });
    expect(first.sections).toEqual([
      { code: "1", score: 25 },
      { code: "2", score: 25 },
      { code: "3", score: 25 },
      { code: "4", score: 25 },
    ]);
    const tied = json.rows.filter((row) => row.total === 99.5);
    expect(tied.map((row) => [row.rank, row.recommended])).toEqual([
      [2, "pending"],
      [2, "pending"],
    ]);
    expect(json.rows.find((row) => row.subject === "第4党支部")).toMatchObject({ total: 99, rank: 3, recommended: false });
    expect(json.rows.find((row) => row.subject === "否决党支部")).toMatchObject({
      rank: null,
      vetoed: true,
      band: "不得参评",
      recommended: false,
      pass: false,
    });
    expect(json.rows.find((row) => row.subject === "已命名党支部")).toMatchObject({ rank: null, named: true, recommended: false });
    expect(json.quota).toMatchObject({ eligible: 20, places: 2, recommended: 1, pending: 2, tieTotal: 99.5 });
  });

  it("gives stats with every band as a key", () => {
    // totals: 100 ×3 (incl. named and vetoed) … the lowest deduction is 1 + 16 × 0.5 = 9 → 91, all 好 but the vetoed one
    expect(json.stats).toMatchObject({ count: 22, max: 100, min: 91, passRate: 0.9545 });
    expect(json.stats.bands).toEqual({ 好: 21, 较好: 0, 一般: 0, 较差: 0, 不得参评: 1 });
    // Σ = 100 × 3 + 99.5 × 2 + Σ(99 − 0.5 i, i = 0…16) = 300 + 199 + 1615 = 2114 → 2114 / 22 = 96.09
    expect(json.stats.mean).toBe(96.09);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
