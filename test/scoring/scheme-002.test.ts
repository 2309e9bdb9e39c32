/**
 * The official 002 “两化一创” table, scored with a realistic set of a dozen entries. Every expected figure is
 * worked out by hand below from the table in docs/design/rubrics.md, not by running the engine.
 */
import { getScheme } from "../../src/rubric/catalogue";
import type { Scheme } from "../../src/rubric/types";
import { scoreEntries } from "../../src/scoring/engine";
import type { Entries, RuleEntry } from "../../src/scoring/types";

const scheme002 = (): Scheme => {
  const scheme = getScheme("lianghua-yichuang");
  if (!scheme) throw new Error("built-in scheme lianghua-yichuang is missing");
  return scheme;
};

/**
 * A branch's 考评 sheet:
 *   1.1-3 未按规定划分党小组 (range 0.5–1)         0.5            → 1.1 = 5 − 0.5       = 4.5
 *   1.2-2 主要支委成员配备不齐 (range 1–2)           1              → 1.2 = 3 − 1         = 2
 *                                                                   1.3 untouched       = 2     → section 1 = 8.5
 *   2.1-1 工作有疏漏 (each 0.5–1)                   2 项, 1.5       → 2.1 = 5 − 1.5       = 3.5
 *   2.3-1 工作有疏漏 (each 0.5–1)                   1 项, 0.5       → 2.3 = 4 − 0.5       = 3.5
 *                                                                   2.2 = 4, 2.4 = 2          → section 2 = 13
 *   3.1-1 工作有疏漏 (each 0.5–1)                   3 项, 2         → 3.1 = 10 − 2        = 8
 *   3.2-1 其他工作有疏漏 (each 0.5–1)               1 项, 1         → 3.2 = 10 − 1        = 9
 *   3.3-1 党员受处分 (fixed-each 1 每人次)          1 人次, 1       → 3.3 = 3 − 1         = 2
 *                                                                   3.4 = 2                   → section 3 = 21
 *   4.1-1 工作有缺失 (each 0.5–1)                   2 项, 1.5       → 4.1 = 3 − 1.5       = 1.5
 *   4.4-2 工作有疏漏 (each 0.5–1)                   1 项, 0.5       → 4.4 = 5 − 0.5       = 4.5
 *   4.5-2 未讲党课 (fixed 1)                        1              → 4.5 = 3 − 1         = 2
 *                                                                   4.2 = 2, 4.3 = 2          → section 4 = 12
 *   5.4-1 没固定活动场所 (fixed 2)                   2              → 5.4 = 6 − 2         = 4
 *   5.5-1 酌情扣分 (discretionary)                  1.5            → 5.5 = 4 − 1.5       = 2.5
 *                                                                   5.1 = 5                   → section 5 = 11.5
 *   6.1-1 特色亮点 (award, cap 20)                  12             → 6.1 = 12                → section 6 = 12
 * Total = 8.5 + 13 + 21 + 12 + 11.5 + 12 = 78 → 一般 (70 ≤ 78 < 80), not 达标 (< 80).
 */
const sheet: Record<string, RuleEntry> = {
  "1.1-3": { deduction: 0.5, reason: "第三党小组党员分散，未划分党小组" },
  "1.2-2": { deduction: 1, reason: "缺组织委员" },
  "2.1-1": { quantity: 2, deduction: 1.5, reason: "政治学习两次未传达上级精神" },
  "2.3-1": { quantity: 1, deduction: 0.5, reason: "志愿服务无记录" },
  "3.1-1": { quantity: 3, deduction: 2, reason: "三名发展对象纪实材料不全" },
  "3.2-1": { quantity: 1, deduction: 1, reason: "集中培训缺签到" },
  "3.3-1": { quantity: 1, deduction: 1, reason: "一名党员受党内警告处分" },
  "4.1-1": { quantity: 2, deduction: 1.5, reason: "两个月未召开党小组会" },
  "4.4-2": { quantity: 1, deduction: 0.5, reason: "十月主题党日无记录" },
  "4.5-2": { deduction: 1, reason: "书记全年未讲党课" },
  "5.4-1": { deduction: 2, reason: "借用会议室开展活动" },
  "5.5-1": { deduction: 1.5, reason: "督促检查记录不全" },
  "6.1-1": { award: 12, reason: "获校级先进党支部表彰" },
};
const filled = (overrides: Record<string, RuleEntry> = {}): Entries => ({ rules: { ...sheet, ...overrides }, vetoes: {} });

describe("002 两化一创, a realistic 考评 sheet", () => {
  test("section and indicator scores, total, band and pass, all worked out by hand", () => {
    const result = scoreEntries(scheme002(), filled());
    expect(result.issues).toEqual([]);
    expect(result.sections.map((section) => [section.code, section.points, section.score])).toEqual([
      ["1", 10, 8.5],
      ["2", 15, 13],
      ["3", 25, 21],
      ["4", 15, 12],
      ["5", 15, 11.5],
      ["6", 20, 12],
    ]);
    expect(Object.fromEntries(result.indicators.map((indicator) => [indicator.code, indicator.score]))).toEqual({
      "1.1": 4.5, "1.2": 2, "1.3": 2,
      "2.1": 3.5, "2.2": 4, "2.3": 3.5, "2.4": 2,
      "3.1": 8, "3.2": 9, "3.3": 2, "3.4": 2,
      "4.1": 1.5, "4.2": 2, "4.3": 2, "4.4": 4.5, "4.5": 2,
      "5.1": 5, "5.4": 4, "5.5": 2.5,
      "6.1": 12,
    });
    // 达标 on the basic sections 1–5 (the default pass line, 80% of their 80 points): 8.5 + 13 + 21 + 12 + 11.5 = 66 ≥ 64
    expect(result).toMatchObject({ scheme: "lianghua-yichuang", max: 100, total: 78, band: "一般", pass: true, vetoed: false });
  });

  test("the pass line is on the basic sections: a flawless branch without 特色 passes, and so after a 0.5 deduction", () => {
    const rulesOf = scheme002().sections.flatMap((section) => section.indicators.flatMap((indicator) => indicator.rules));
    const nothing = { rules: Object.fromEntries(rulesOf.map((rule) => [rule.code, rule.kind === "award" ? { award: 0 } : { deduction: 0 }])), vetoes: {} };
    expect(scoreEntries(scheme002(), nothing)).toMatchObject({ total: 80, band: "较好", pass: true });
    const halfPoint = { ...nothing, rules: { ...nothing.rules, "1.1-3": { deduction: 0.5, reason: "党小组划分不合理" } } };
    expect(scoreEntries(scheme002(), halfPoint)).toMatchObject({ total: 79.5, band: "一般", pass: true });
    // 16.5 points off the basic sections (63.5 < 64) fail, however much 特色 adds
    const short = { ...nothing, rules: { ...nothing.rules, "3.2-1": { deduction: 10, reason: "x" }, "3.1-1": { quantity: 3, deduction: 3, reason: "x" }, "4.2-1": { deduction: 2, reason: "x" }, "1.2-1": { deduction: 2, reason: "x" }, "6.1-1": { award: 20, reason: "获省级表彰" } } };
    const result = scoreEntries(scheme002(), short);
    expect(result.sections.slice(0, 5).reduce((sum, section) => sum + section.score, 0)).toBeLessThan(64);
    expect(result.pass).toBe(false);
    expect(result.total).toBeGreaterThanOrEqual(80);
  });

  test("two more points of 特色亮点 reach 80: 较好 and 达标", () => {
    // 78 − 12 + 14 = 80
    const result = scoreEntries(scheme002(), filled({ "6.1-1": { award: 14, reason: "获省级表彰" } }));
    expect(result).toMatchObject({ total: 80, band: "较好", pass: true });
  });

  test("mistakes are reported with the rule's code and wording, and still counted as entered", () => {
    const result = scoreEntries(
      scheme002(),
      filled({
        "1.1-3": { deduction: 0.3, reason: "党小组划分不合理" }, // 0.3 is not 0 or 0.5–1
        "2.1-1": { quantity: 3, deduction: 3.5, reason: "三项疏漏" }, // 3 项 allow 1.5–3
        "1.2-1": { deduction: 1.5, reason: "未成立支委会" }, // fixed 2: must be 0 or 2
      }),
    );
    expect(result.issues.map((issue) => issue.message)).toEqual([
      "1.1-3「未按规定划分党小组扣0.5-1分」：扣分 0.3 应为 0 或 0.5–1 之间",
      "1.2-1「未按规定成立支委会扣2分」：扣分 1.5 应为 0 或 2",
      "2.1-1「工作有疏漏的每项扣0.5-1分」：扣分 3.5 应在 1.5–3 之间（3 项 × 0.5–1 分）",
    ]);
    // as entered: 1.1 = 5 − 0.3 = 4.7; 1.2 = 3 − (1.5 + 1) = 0.5; 2.1 = 5 − 3.5 = 1.5
    // total = 78 + (4.7 − 4.5) + (0.5 − 2) + (1.5 − 3.5) = 78 + 0.2 − 1.5 − 2 = 74.7
    expect(result.total).toBe(74.7);
  });

  test("an empty sheet: every deduction indicator full, 特色亮点 0, total 80", () => {
    // 10 + 15 + 25 + 15 + 15 = 80 from the deduction sections; 6.1 starts from 0
    const result = scoreEntries(scheme002(), { rules: {}, vetoes: {} });
    expect(result).toMatchObject({ total: 80, band: "较好", pass: true });
    expect(result.issues).toEqual([]);
  });
});
