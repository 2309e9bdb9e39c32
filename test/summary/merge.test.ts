/** Merging raters per subject, the final score (precedence and weights), band and pass, and summary problems. */
import { compileSummary } from "../../src/summary/summarize";
import type { SummaryRow } from "../../src/summary/types";
import { SCHEME, issue, scored } from "./fixtures";

function rowOf(rows: SummaryRow[], subject: string): SummaryRow {
  const row = rows.find((r) => r.subject === subject);
  if (!row) throw new Error(`no row for ${subject}: ${rows.map((r) => r.subject).join(", ")}`);
  return row;
}

describe("merging raters per subject", () => {
  const inputs = [
    scored("a-self.xlsx", { subject: "机电学院 教工党支部", org: "机电学院党总支", rater: "self", total: 92, section1: 55 }),
    // full-width space, extra spaces around: the same subject
    scored("a-mass.xlsx", { subject: " 机电学院\u3000教工党支部 ", org: "机电学院党总支 ", rater: "mass", total: 90.5 }),
    scored("a-org.xlsx", { subject: "机电学院  教工党支部", org: "机电学院党总支", rater: "org", total: 86.5, section1: 52.5 }),
    scored("b-self.xlsx", { subject: "财务处党支部", org: "机关党委", rater: "self", total: 84 }),
    scored("c-mass.xlsx", { subject: "后勤党支部", org: "机关党委", rater: "mass", total: 78 }),
  ];
  const summary = compileSummary(inputs, SCHEME);

  it("makes one row per subject, raters side by side", () => {
    expect(summary.rows).toHaveLength(3);
    const row = rowOf(summary.rows, "机电学院 教工党支部");
    expect(row.org).toBe("机电学院党总支");
    expect(row.raters.map((r) => [r.rater, r.total])).toEqual([
      ["self", 92],
      ["mass", 90.5],
      ["org", 86.5],
    ]);
    expect(row.files).toEqual(["a-self.xlsx", "a-mass.xlsx", "a-org.xlsx"]);
    expect(summary.files).toBe(5);
    expect(summary.compiled).toBe(5);
  });

  it("takes 考评 as final where present, with its section scores, and shows 考评 − 自评", () => {
    const row = rowOf(summary.rows, "机电学院 教工党支部");
    expect(row.basis).toBe("org");
    expect(row.total).toBe(86.5);
    expect(row.sections.map((s) => s.score)).toEqual([52.5, 34]);
    expect(row.selfTotal).toBe(92);
    expect(row.massTotal).toBe(90.5);
    expect(row.orgTotal).toBe(86.5);
    expect(row.difference).toBe(-5.5);
    expect(row.band).toBe("较好");
    expect(row.file).toBe("a-org.xlsx");
  });

  it("shows no 考评 − 自评 beside a 自评 that is not counted (blank or with errors), as 差异明细 does not compare it", () => {
    for (const self of [{ status: "blank" as const }, { errors: 2 }]) {
      const rows = compileSummary(
        [
          scored("self.xlsx", { subject: "党支部", rater: "self", total: 100, ...self }),
          scored("org.xlsx", { subject: "党支部", rater: "org", total: 86.5 }),
        ],
        SCHEME,
      ).rows;
      expect([rows[0].counted, rows[0].selfTotal, rows[0].orgTotal, rows[0].difference]).toEqual([true, 100, 86.5, null]);
    }
  });

  it("falls back to 自评, then to 测评", () => {
    const self = rowOf(summary.rows, "财务处党支部");
    expect([self.basis, self.total, self.difference]).toEqual(["self", 84, null]);
    expect(self.notes).toContain("无考评，最终得分取自评");
    const mass = rowOf(summary.rows, "后勤党支部");
    expect([mass.basis, mass.total, mass.band, mass.pass]).toEqual(["mass", 78, "一般", false]);
  });

  it("keeps different 所属党组织 apart even with the same branch name", () => {
    const apart = compileSummary(
      [
        scored("x.xlsx", { subject: "第一党支部", org: "机电学院党总支", total: 90 }),
        scored("y.xlsx", { subject: "第一党支部", org: "信息学院党总支", total: 80 }),
      ],
      SCHEME,
    );
    expect(apart.rows).toHaveLength(2);
  });

  it("matches full-width letters, digits and brackets with their half-width forms", () => {
    const merged = compileSummary(
      [
        scored("x.xlsx", { subject: "机电学院（教工）第１党支部", rater: "self", total: 90 }),
        scored("y.xlsx", { subject: "机电学院(教工)第1党支部", rater: "org", total: 80 }),
      ],
      SCHEME,
    );
    expect(merged.rows).toHaveLength(1);
    expect(merged.rows[0].subject).toBe("机电学院（教工）第１党支部");
  });
});

describe("band and pass of the final", () => {
  it("recomputes the band from the final total: 89.5 is 较好, 90 is 好, 79.5 fails the pass line", () => {
    const summary = compileSummary(
      [
        scored("a.xlsx", { subject: "甲", total: 89.5, band: "好" }),
        scored("b.xlsx", { subject: "乙", total: 90 }),
        scored("c.xlsx", { subject: "丙", total: 79.5 }),
        scored("d.xlsx", { subject: "丁", total: 80 }),
      ],
      SCHEME,
    );
    expect(["甲", "乙", "丙", "丁"].map((s) => [rowOf(summary.rows, s).band, rowOf(summary.rows, s).pass])).toEqual([
      ["较好", true],
      ["好", true],
      ["一般", false],
      ["较好", true],
    ]);
  });

  it("takes the veto from the final rater's workbook", () => {
    const summary = compileSummary(
      [
        scored("self.xlsx", { subject: "甲", rater: "self", total: 95 }),
        scored("org.xlsx", { subject: "甲", rater: "org", total: 93, vetoReasons: ["发生严重违纪问题"] }),
        scored("self2.xlsx", { subject: "乙", rater: "self", total: 95, vetoReasons: ["发生严重违纪问题"] }),
        scored("org2.xlsx", { subject: "乙", rater: "org", total: 93 }),
      ],
      SCHEME,
    );
    const vetoed = rowOf(summary.rows, "甲");
    expect([vetoed.vetoed, vetoed.band, vetoed.pass, vetoed.vetoReasons]).toEqual([true, "不得参评", false, ["发生严重违纪问题"]]);
    expect(vetoed.notes).toContain("不得参评：发生严重违纪问题");
    const clear = rowOf(summary.rows, "乙");
    expect([clear.vetoed, clear.band, clear.pass]).toEqual([false, "好", true]);
  });
});

describe("weighted final score", () => {
  const weighted = { ...SCHEME, weights: { self: 0.2, mass: 0.3, org: 0.5 } };

  it("weights every rater exactly, sections too", () => {
    const summary = compileSummary(
      [
        scored("s.xlsx", { subject: "甲", rater: "self", total: 95, section1: 57 }),
        scored("m.xlsx", { subject: "甲", rater: "mass", total: 88.5, section1: 53 }),
        scored("o.xlsx", { subject: "甲", rater: "org", total: 86.5, section1: 52.5 }),
      ],
      weighted,
    );
    const row = summary.rows[0];
    // 0.2 × 95 + 0.3 × 88.5 + 0.5 × 86.5 = 19 + 26.55 + 43.25 = 88.8
    expect(row.basis).toBe("weighted");
    expect(row.total).toBe(88.8);
    // sections: 0.2 × 57 + 0.3 × 53 + 0.5 × 52.5 = 11.4 + 15.9 + 26.25 = 53.55; 0.2 × 38 + 0.3 × 35.5 + 0.5 × 34 = 35.25
    expect(row.sections.map((s) => s.score)).toEqual([53.55, 35.25]);
    expect(row.band).toBe("较好");
    expect(row.file).toBe("o.xlsx");
  });

  it("renormalises over the raters present and says so, rounding half up to 2 decimals", () => {
    const summary = compileSummary(
      [
        scored("s.xlsx", { subject: "甲", rater: "self", total: 90.25 }),
        scored("o.xlsx", { subject: "甲", rater: "org", total: 85.5 }),
      ],
      { ...SCHEME, weights: { self: 0.3, mass: 0.3, org: 0.4 } },
    );
    // (0.3 × 90.25 + 0.4 × 85.5) / 0.7 = (27.075 + 34.2) / 0.7 = 61.275 / 0.7 = 87.5357… → 87.54
    expect(summary.rows[0].total).toBe(87.54);
    expect(summary.rows[0].notes[0]).toContain("缺少测评");
    expect(summary.problems.some((p) => p.severity === "warning" && p.message.includes("缺少测评"))).toBe(true);
  });
});

describe("summary problems", () => {
  it("lists every file problem and every workbook issue with its file and cell", () => {
    const summary = compileSummary(
      [
        { file: "broken.xlsx", problems: [{ cell: null, severity: "error", message: "不是有效的 .xlsx 文件" }] },
        scored("a.xlsx", { subject: "甲", total: 90, issues: [issue("F12", "扣分超出范围"), issue("G12", "缺少扣分理由", "warning")] }),
      ],
      SCHEME,
    );
    expect(summary.problems).toEqual([
      { file: "broken.xlsx", cell: null, severity: "error", message: "不是有效的 .xlsx 文件" },
      { file: "a.xlsx", cell: "F12", severity: "error", message: "扣分超出范围" },
      { file: "a.xlsx", cell: "G12", severity: "warning", message: "缺少扣分理由" },
    ]);
    expect(summary.rows).toHaveLength(1);
    expect(summary.rows[0].problems).toHaveLength(2);
    expect(summary.files).toBe(2);
    expect(summary.compiled).toBe(1);
  });

  it("uses the first of the same subject and rater twice, naming both files", () => {
    const summary = compileSummary(
      [
        scored("first.xlsx", { subject: "甲", rater: "self", total: 90 }),
        scored("second.xlsx", { subject: " 甲 ", rater: "self", total: 70 }),
      ],
      SCHEME,
    );
    expect(summary.rows).toHaveLength(1);
    expect(summary.rows[0].total).toBe(90);
    expect(summary.rows[0].files).toEqual(["first.xlsx"]);
    const duplicate = summary.problems.filter((p) => p.message.includes("重复"));
    expect(duplicate).toHaveLength(1);
    expect(duplicate[0].file).toBe("second.xlsx");
    expect(duplicate[0].message).toContain("first.xlsx");
    expect(duplicate[0].message).toMatch(/采用 first\.xlsx，second\.xlsx 未汇总/);
    expect(summary.compiled).toBe(1);
  });

  it("lists a workbook of another scheme without compiling it", () => {
    const summary = compileSummary(
      [scored("a.xlsx", { subject: "甲", total: 90 }), scored("other.xlsx", { subject: "乙", total: 95, scheme: "wuhao" })],
      SCHEME,
    );
    expect(summary.rows.map((r) => r.subject)).toEqual(["甲"]);
    const other = summary.problems.filter((p) => p.file === "other.xlsx");
    expect(other).toHaveLength(1);
    expect(other[0].severity).toBe("error");
    expect(other[0].message).toContain("wuhao");
    expect(other[0].message).toContain("未汇总");
  });

  it("keeps blank names apart and treats a blank rater as 自评, with warnings", () => {
    const summary = compileSummary(
      [
        scored("a.xlsx", { subject: "", total: 90 }),
        scored("b.xlsx", { subject: "  ", total: 80 }),
        scored("c.xlsx", { subject: "丙", rater: "", total: 85 }),
      ],
      SCHEME,
    );
    expect(summary.rows).toHaveLength(3);
    expect(rowOf(summary.rows, "丙").basis).toBe("self");
    expect(summary.problems.filter((p) => p.message.includes("未填写支部名称")).map((p) => p.file)).toEqual(["a.xlsx", "b.xlsx"]);
    expect(summary.problems.filter((p) => p.message.includes("未填写评价方")).map((p) => p.file)).toEqual(["c.xlsx"]);
  });

  it("takes the period most templates give unless one is passed", () => {
    const inputs = [
      scored("a.xlsx", { subject: "甲", total: 90, period: "2019年度" }),
      scored("b.xlsx", { subject: "乙", total: 90, period: "2020年度" }),
      scored("c.xlsx", { subject: "丙", total: 90, period: "2020年度" }),
    ];
    expect(compileSummary(inputs, SCHEME).period).toBe("2020年度");
    expect(compileSummary(inputs, SCHEME, { period: "2021年度" }).period).toBe("2021年度");
  });

  it("compiles one year: the year asked for, else the one most templates give; other years are listed, not merged", () => {
    const inputs = [
      scored("a.xlsx", { subject: "甲", total: 90, period: "2019年度" }),
      scored("b.xlsx", { subject: "甲", total: 80, period: "２０２０" }),
      scored("c.xlsx", { subject: "丙", total: 90, period: "2020年度" }),
    ];
    const latest = compileSummary(inputs, SCHEME);
    expect(latest.rows.map((row) => [row.subject, row.total])).toEqual([["丙", 90], ["甲", 80]]);
    expect(latest.otherPeriods).toEqual([{ period: "2019年度", file: "a.xlsx" }]);
    expect(latest.problems.some((p) => p.message.includes("重复"))).toBe(false);
    const earlier = compileSummary(inputs, SCHEME, { selectPeriod: "2019" });
    expect(earlier.rows.map((row) => [row.subject, row.total])).toEqual([["甲", 90]]);
    expect(earlier.otherPeriods.map((other) => other.file)).toEqual(["b.xlsx", "c.xlsx"]);
  });
});
