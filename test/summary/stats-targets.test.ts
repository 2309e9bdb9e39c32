/** Statistics (overall and per 所属党组织) and the 两化一创 yearly targets, against numbers worked out by hand. */
import type { Scheme } from "../../src/rubric/types";
import { compileSummary } from "../../src/summary/summarize";
import { yearOf } from "../../src/summary/targets";
import { SCHEME, branches, scored } from "./fixtures";

describe("statistics", () => {
  const summary = compileSummary(
    [
      scored("1.xlsx", { subject: "甲", org: "机关党委", total: 95 }),
      scored("2.xlsx", { subject: "乙", org: "机关党委", total: 88.5 }),
      scored("3.xlsx", { subject: "丙", org: "机关党委", total: 72.25 }),
      scored("4.xlsx", { subject: "丁", org: "机电学院党总支", total: 60 }),
      scored("5.xlsx", { subject: "戊", org: "机电学院党总支", total: 91, vetoReasons: ["发生严重违纪问题"] }),
      scored("6.xlsx", { subject: "己", org: "机电学院党总支", total: 89.75 }),
    ],
    SCHEME,
  );

  it("gives count, exact mean, max, min, pass rate and every band (0 included, plus 不得参评)", () => {
    // Σ = 95 + 88.5 + 72.25 + 60 + 91 + 89.75 = 496.5; 496.5 / 6 = 82.75; passing: 95, 88.5, 89.75 → 3 of 6
    expect(summary.stats).toEqual({
      count: 6,
      mean: 82.75,
      max: 95,
      min: 60,
      passed: 3,
      passRate: 0.5,
      bands: [
        { name: "好", count: 1 },
        { name: "较好", count: 2 },
        { name: "一般", count: 1 },
        { name: "较差", count: 1 },
        { name: "不得参评", count: 1 },
      ],
    });
  });

  it("gives the same per 所属党组织, in Chinese collation order", () => {
    // 机电学院党总支: Σ = 60 + 91 + 89.75 = 240.75, / 3 = 80.25; passing: 89.75 → 1 of 3 = 0.3333
    // 机关党委: Σ = 95 + 88.5 + 72.25 = 255.75, / 3 = 85.25; passing: 95, 88.5 → 2 of 3 = 0.6667
    expect(summary.byOrg.map((o) => [o.org, o.count, o.mean, o.max, o.min, o.passed, o.passRate])).toEqual([
      ["机电学院党总支", 3, 80.25, 91, 60, 1, 0.3333],
      ["机关党委", 3, 85.25, 95, 72.25, 2, 0.6667],
    ]);
    expect(summary.byOrg[0].bands.map((b) => b.count)).toEqual([0, 1, 0, 1, 1]);
    expect(summary.byOrg[1].bands.map((b) => b.count)).toEqual([1, 1, 1, 0, 0]);
  });

  it("rounds the mean half up to 2 decimals without float noise", () => {
    // 80.1 + 80.2 + 80.2 = 240.5; / 3 = 80.1666… → 80.17.   0.1 + 0.2 ≠ 0.3 in floats: 90.1 + 90.2 = 180.3 → 90.15
    expect(compileSummary(branches([80.1, 80.2, 80.2]), SCHEME).stats.mean).toBe(80.17);
    expect(compileSummary(branches([90.1, 90.2]), SCHEME).stats.mean).toBe(90.15);
  });

  it("gives nulls, not zeros, for no subjects", () => {
    const empty = compileSummary([], SCHEME);
    expect([empty.stats.count, empty.stats.mean, empty.stats.max, empty.stats.min, empty.stats.passRate]).toEqual([
      0,
      null,
      null,
      null,
      null,
    ]);
    expect(empty.stats.bands.map((b) => b.count)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe("两化一创 yearly targets", () => {
  const scheme: Scheme = {
    ...SCHEME,
    targets: [
      { year: 2019, passRate: 0.8, modelCounts: { 校级样板党支部: 2 } },
      { year: 2020, passRate: 1, modelShares: { 校级样板党支部: 0.1, 省级样板党支部: 0.05 } },
    ],
  };
  /** 25 subjects, `passing` of them at 85 and the rest at 75. */
  const subjects = (passing: number) => branches(Array.from({ length: 25 }, (_, i) => (i < passing ? 85 : 75)));

  it("reads the year from the period", () => {
    expect(yearOf("2020年度")).toBe(2020);
    expect(yearOf("２０２１年度")).toBe(2021);
    expect(yearOf("2019-2020学年")).toBe(2019);
    expect(yearOf("年度")).toBeNull();
  });

  it("sets 达标率 against its target and 样板 shares as allowed counts (floor)", () => {
    const summary = compileSummary(subjects(21), scheme, { period: "2020年度" });
    // 21 / 25 = 0.84 < 1; 校级 floor(0.1 × 25) = 2, 省级 floor(0.05 × 25) = 1
    expect(summary.targets).toEqual({
      year: 2020,
      subjects: 25,
      passRate: { target: 1, actual: 0.84, passed: 21, met: false },
      models: [
        { name: "校级样板党支部", share: 0.1, allowed: 2 },
        { name: "省级样板党支部", share: 0.05, allowed: 1 },
      ],
    });
  });

  it("meets a target exactly at the line and shows absolute 样板 counts as they are", () => {
    const summary = compileSummary(subjects(20), scheme, { period: "2019年度" });
    // 20 / 25 = 0.8 = the 2019 target
    expect(summary.targets?.passRate).toEqual({ target: 0.8, actual: 0.8, passed: 20, met: true });
    expect(summary.targets?.models).toEqual([{ name: "校级样板党支部", share: null, allowed: 2 }]);
    expect(compileSummary(subjects(19), scheme, { period: "2019年度" }).targets?.passRate?.met).toBe(false);
  });

  it("gives no targets for a year the scheme does not set, or a scheme without targets", () => {
    expect(compileSummary(subjects(20), scheme, { period: "2023年度" }).targets).toBeNull();
    expect(compileSummary(subjects(20), SCHEME, { period: "2020年度" }).targets).toBeNull();
  });
});
