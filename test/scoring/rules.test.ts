/**
 * Every rule kind and every validation, one rule at a time: what the rule contributes and which issues
 * (kind@field) its inputs raise. Expected figures are worked out from the rule texts in the comments.
 */
import type { Rule } from "../../src/rubric/types";
import { scoreEntries } from "../../src/scoring/engine";
import type { RuleEntry } from "../../src/scoring/types";
import { award, convert, count, discretionary, entries, fixed, fixedEach, range, rangeEach, singleIndicatorScheme } from "./fixtures";

const R = "已核实"; // a reason, wherever the case is not about reasons

function scoreOne(points: number, rule: Rule, entry: RuleEntry) {
  const result = scoreEntries(singleIndicatorScheme(points, [rule]), entries({ [rule.code]: entry }));
  return {
    contribution: result.rules[0],
    issues: result.issues.map((issue) => `${issue.kind}@${issue.field}`),
    result,
  };
}

type Case = [label: string, points: number, rule: Rule, entry: RuleEntry, deduction: number, issues: string[]];

function runCases(cases: Case[]) {
  test.each(cases)("%s", (_label, points, rule, entry, deduction, issues) => {
    const outcome = scoreOne(points, rule, entry);
    expect(outcome.contribution).toEqual({ code: rule.code, deduction, award: 0 });
    expect(outcome.issues).toEqual(issues);
  });
}

describe("reading values", () => {
  const rule = range("1.1-3", 0.5, 1, "未按规定划分党小组扣0.5-1分");
  runCases([
    ["null is blank", 5, rule, { deduction: null }, 0, []],
    ["absent is blank", 5, rule, {}, 0, []],
    ["empty text is blank", 5, rule, { deduction: "" }, 0, []],
    ["spaces are blank, full-width ones too", 5, rule, { deduction: " \u3000 " }, 0, []],
    ["a tab is content (Excel's TRIM keeps it): not a number", 5, rule, { deduction: "\t", reason: R }, 0, ["not-a-number@deduction"]],
    ["other text is not a number and counts 0", 5, rule, { deduction: "一分", reason: R }, 0, ["not-a-number@deduction"]],
    ["a boolean is not a number", 5, rule, { deduction: true, reason: R }, 0, ["not-a-number@deduction"]],
    ["NaN is not a number", 5, rule, { deduction: Number.NaN, reason: R }, 0, ["not-a-number@deduction"]],
  ]);

  test("a text value is quoted in the message", () => {
    const { result } = scoreOne(5, rule, { deduction: "一分", reason: R });
    expect(result.issues[0].message).toBe("1.1-3「未按规定划分党小组扣0.5-1分」：扣分「一分」不是数字，按 0 计");
  });
});

describe("fixed: 扣1分, entry 0 or 1", () => {
  const rule = fixed("1.1-2", 1, "党员人数不符合规定扣1分");
  runCases([
    ["1 is the amount", 5, rule, { deduction: 1, reason: R }, 1, []],
    ["0 is allowed", 5, rule, { deduction: 0 }, 0, []],
    ["1.5 is not 0 or 1 (and counts as entered)", 5, rule, { deduction: 1.5, reason: R }, 1.5, ["fixed-mismatch@deduction"]],
    ["0.5 is not 0 or 1", 5, rule, { deduction: 0.5, reason: R }, 0.5, ["fixed-mismatch@deduction"]],
    ["negative", 5, rule, { deduction: -1, reason: R }, -1, ["negative@deduction"]],
    ["no reason for a deduction", 5, rule, { deduction: 1 }, 1, ["reason-missing@reason"]],
    ["a blank reason is no reason", 5, rule, { deduction: 1, reason: "   " }, 1, ["reason-missing@reason"]],
    ["no reason needed for 0", 5, rule, { deduction: 0, reason: null }, 0, []],
  ]);

  test("the message names the rule and the allowed amounts", () => {
    const { result } = scoreOne(5, rule, { deduction: 1.5, reason: R });
    expect(result.issues[0]).toEqual({
      severity: "error",
      kind: "fixed-mismatch",
      code: "1.1-2",
      field: "deduction",
      cell: null,
      message: "1.1-2「党员人数不符合规定扣1分」：扣分 1.5 应为 0 或 1",
    });
  });

  test("a missing reason is asked for as 扣分理由", () => {
    const { result } = scoreOne(5, rule, { deduction: 1 });
    expect(result.issues[0].message).toBe("1.1-2「党员人数不符合规定扣1分」：扣分 1 须填写扣分理由");
  });
});

describe("range: 扣0.5-1分, entry 0 or within [0.5, 1]", () => {
  const rule = range("1.1-3", 0.5, 1, "未按规定划分党小组扣0.5-1分");
  runCases([
    ["0.3 is below the range", 5, rule, { deduction: 0.3, reason: R }, 0.3, ["range-outside@deduction"]],
    ["0.5 is the bottom", 5, rule, { deduction: 0.5, reason: R }, 0.5, []],
    ["1 is the top", 5, rule, { deduction: 1, reason: R }, 1, []],
    ["1.5 is above the range", 5, rule, { deduction: 1.5, reason: R }, 1.5, ["range-outside@deduction"]],
    ["0.7 is inside but off the 0.5 step", 5, rule, { deduction: 0.7, reason: R }, 0.7, ["off-step@deduction"]],
    ["0 is allowed", 5, rule, { deduction: 0 }, 0, []],
    ["0.7 is fine with a 0.1 step", 5, { ...rule, step: 0.1 }, { deduction: 0.7, reason: R }, 0.7, []],
    ["0.75 is off a 0.1 step", 5, { ...rule, step: 0.1 }, { deduction: 0.75, reason: R }, 0.75, ["off-step@deduction"]],
  ]);

  test("the message is the one the design shows", () => {
    const { result } = scoreOne(5, rule, { deduction: 0.3, reason: R });
    expect(result.issues[0].message).toBe("1.1-3「未按规定划分党小组扣0.5-1分」：扣分 0.3 应为 0 或 0.5–1 之间");
  });

  test("off-step says which step", () => {
    const { result } = scoreOne(5, rule, { deduction: 0.7, reason: R });
    expect(result.issues[0].message).toBe("1.1-3「未按规定划分党小组扣0.5-1分」：扣分 0.7 应为 0.5 的整数倍");
  });

  test("a range wider than the cap is held to the cap", () => {
    // range 1–4 with its own cap 2 in a 3-point indicator: 2.5 fits the range but not the cap
    const wide = range("1.2-1", 1, 4, "扣1-4分", { cap: 2 });
    const { issues, result } = scoreOne(3, wide, { deduction: 2.5, reason: R });
    expect(issues).toEqual(["above-bound@deduction"]);
    expect(result.issues[0].message).toBe("1.2-1「扣1-4分」：扣分 2.5 超过上限 2 分");
  });
});

describe("fixed-each: 每人次扣1分 in a 3-point indicator, deduction = min(3, count × 1)", () => {
  const rule = fixedEach("3.3-1", 1, "人次");
  runCases([
    ["2 × 1 = 2", 3, rule, { quantity: 2, deduction: 2, reason: R }, 2, []],
    ["2 occurrences but 1 deducted", 3, rule, { quantity: 2, deduction: 1, reason: R }, 1, ["fixed-mismatch@deduction"]],
    ["4 × 1 = 4, capped at 3", 3, rule, { quantity: 4, deduction: 3, reason: R }, 3, []],
    ["4 deducted where the cap is 3", 3, rule, { quantity: 4, deduction: 4, reason: R }, 4, ["fixed-mismatch@deduction", "over-points@score"]],
    ["count missing for a deduction", 3, rule, { deduction: 1, reason: R }, 1, ["quantity-missing@quantity"]],
    ["a fractional count", 3, rule, { quantity: 1.5, deduction: 1.5, reason: R }, 1.5, ["quantity-invalid@quantity"]],
    ["a negative count", 3, rule, { quantity: -1, deduction: 0 }, 0, ["quantity-invalid@quantity"]],
    ["a text count", 3, rule, { quantity: "两次", deduction: 2, reason: R }, 2, ["quantity-invalid@quantity"]],
    ["a count with nothing deducted", 3, rule, { quantity: 2 }, 0, ["fixed-mismatch@deduction"]],
    ["0 occurrences, nothing deducted", 3, rule, { quantity: 0 }, 0, []],
    ["both blank", 3, rule, {}, 0, []],
    ["a text deduction with a blank count", 3, rule, { deduction: "两分", reason: R }, 0, ["not-a-number@deduction"]],
  ]);

  test("the message shows the expected figure and the cap", () => {
    const { result } = scoreOne(3, rule, { quantity: 4, deduction: 4, reason: R });
    expect(result.issues[0].message).toBe("3.3-1「每人次扣1分」：扣分 4 应为 3（4 人次 × 1 分，最多扣 3 分）");
    const blank = scoreOne(3, rule, { quantity: 2 }).result;
    expect(blank.issues[0].message).toBe("3.3-1「每人次扣1分」：扣分（空） 应为 2（2 人次 × 1 分）");
  });
});

describe("range-each: 每项扣0.5-1分 in a 5-point indicator, deduction within [min(5, n × 0.5), min(5, n × 1)]", () => {
  const rule = rangeEach("2.1-1", 0.5, 1, "项");
  runCases([
    ["3 occurrences, 3.5 deducted: above 3 × 1", 5, rule, { quantity: 3, deduction: 3.5, reason: R }, 3.5, ["each-outside@deduction"]],
    ["3 occurrences, 1.5 deducted: the bottom", 5, rule, { quantity: 3, deduction: 1.5, reason: R }, 1.5, []],
    ["3 occurrences, 3 deducted: the top", 5, rule, { quantity: 3, deduction: 3, reason: R }, 3, []],
    ["3 occurrences, 2.5 deducted", 5, rule, { quantity: 3, deduction: 2.5, reason: R }, 2.5, []],
    ["3 occurrences, 1 deducted: below 3 × 0.5", 5, rule, { quantity: 3, deduction: 1, reason: R }, 1, ["each-outside@deduction"]],
    ["3 occurrences, 2.3 deducted: off step", 5, rule, { quantity: 3, deduction: 2.3, reason: R }, 2.3, ["off-step@deduction"]],
    ["8 occurrences: [4, min(5, 8)] and 5 fits", 5, rule, { quantity: 8, deduction: 5, reason: R }, 5, []],
    ["8 occurrences: 3.5 is below 4", 5, rule, { quantity: 8, deduction: 3.5, reason: R }, 3.5, ["each-outside@deduction"]],
    ["12 occurrences: [min(5, 6), 5] = exactly 5", 5, rule, { quantity: 12, deduction: 5, reason: R }, 5, []],
    ["count missing for a deduction", 5, rule, { deduction: 1, reason: R }, 1, ["quantity-missing@quantity"]],
    ["a deduction without count or reason", 5, rule, { deduction: 1 }, 1, ["quantity-missing@quantity", "reason-missing@reason"]],
    ["own cap 2: 3 occurrences, 2 deducted", 5, { ...rule, cap: 2 }, { quantity: 3, deduction: 2, reason: R }, 2, []],
  ]);

  test("the message shows the allowed interval", () => {
    const { result } = scoreOne(5, rule, { quantity: 3, deduction: 3.5, reason: R });
    expect(result.issues[0].message).toBe("2.1-1「工作有疏漏的每项扣0.5-1分」：扣分 3.5 应在 1.5–3 之间（3 项 × 0.5–1 分）");
  });

  test("a missing count is asked for", () => {
    const { result } = scoreOne(5, rule, { deduction: 1, reason: R });
    expect(result.issues[0].message).toBe("2.1-1「工作有疏漏的每项扣0.5-1分」：已扣 1 分，须填写次数（项）");
  });
});

describe("discretionary: 酌情扣分, 0 … cap", () => {
  const rule = discretionary("5.5-1");
  runCases([
    ["all 4 points", 4, rule, { deduction: 4, reason: R }, 4, []],
    ["4.5 is above the 4 points", 4, rule, { deduction: 4.5, reason: R }, 4.5, ["above-bound@deduction", "over-points@score"]],
    ["0.3 is off step", 4, rule, { deduction: 0.3, reason: R }, 0.3, ["off-step@deduction"]],
    ["own cap 2: 2.5 is above", 4, { ...rule, cap: 2 }, { deduction: 2.5, reason: R }, 2.5, ["above-bound@deduction"]],
    ["reason required", 4, rule, { deduction: 2 }, 2, ["reason-missing@reason"]],
  ]);
});

describe("award: 加分, 0 … cap", () => {
  const rule = award("6.1-1");
  test.each([
    ["20 of 20", { award: 20, reason: R }, 20, []],
    ["25 is above the cap (counted as entered)", { award: 25, reason: R }, 25, ["above-bound@award", "over-points@score"]],
    ["0.3 is off step", { award: 0.3, reason: R }, 0.3, ["off-step@award"]],
    ["an award needs a 加分说明", { award: 5 }, 5, ["reason-missing@reason"]],
    ["text", { award: "五分", reason: R }, 0, ["not-a-number@award"]],
    ["negative", { award: -1, reason: R }, -1, ["negative@award"]],
  ] as [string, RuleEntry, number, string[]][])("%s", (_label, entry, awarded, issues) => {
    const outcome = scoreOne(20, rule, entry);
    expect(outcome.contribution).toEqual({ code: "6.1-1", deduction: 0, award: awarded });
    expect(outcome.issues).toEqual(issues);
  });

  test("the reason message says 加分说明", () => {
    expect(scoreOne(20, rule, { award: 5 }).result.issues[0].message).toBe("6.1-1「加分」：加分 5 须填写加分说明");
  });
});

describe("count, per-unit: 党员大会 ≥4 次, 每少1次扣1分, 4-point indicator", () => {
  const rule = count("3.1-1", { required: 4, mode: "per-unit", amount: 1 });
  runCases([
    ["4 held: nothing", 4, rule, { quantity: 4 }, 0, []],
    ["5 held: nothing", 4, rule, { quantity: 5 }, 0, []],
    ["2 held: 2 short × 1", 4, rule, { quantity: 2 }, 2, []],
    ["2.5 held: ceil(1.5) = 2 steps", 4, rule, { quantity: 2.5 }, 2, []],
    ["0 held: 4 short × 1", 4, rule, { quantity: 0 }, 4, []],
    ["blank: missing, deducts nothing", 4, rule, {}, 0, ["quantity-missing@quantity"]],
    ["text: invalid, deducts nothing", 4, rule, { quantity: "四次" }, 0, ["quantity-invalid@quantity"]],
    ["negative: invalid, deducts nothing", 4, rule, { quantity: -1 }, 0, ["quantity-invalid@quantity"]],
    ["no reason is needed: the count is the reason", 4, rule, { quantity: 1 }, 3, []],
  ]);

  test("the missing message says what to count and the requirement", () => {
    expect(scoreOne(4, rule, {}).result.issues[0].message).toBe(
      "3.1-1「不少于4次」：须填写全年次数（要求不少于 4 次），未填写时不计扣分",
    );
  });
});

describe("count, per-unit with per and caps", () => {
  // 集中学习培训 ≥32 学时, 每少4学时扣1分, at most 3 of a 5-point indicator
  const hours = count("3.2-1", { required: 32, unit: "学时", per: 4, mode: "per-unit", amount: 1, cap: 3 });
  // 支委会 ≥12 次, 每少1次扣0.5分, capped by the indicator's 4 points
  const meetings = count("3.2-2", { required: 12, mode: "per-unit", amount: 0.5 });
  runCases([
    ["30 h: 2 short → 1 started block of 4", 5, hours, { quantity: 30 }, 1, []],
    ["28 h: 4 short → 1 block", 5, hours, { quantity: 28 }, 1, []],
    ["27 h: 5 short → 2 blocks", 5, hours, { quantity: 27 }, 2, []],
    ["0 h: 8 blocks, capped at 3", 5, hours, { quantity: 0 }, 3, []],
    ["9 meetings: 3 × 0.5", 4, meetings, { quantity: 9 }, 1.5, []],
    ["0 meetings: 6, capped at the 4 points", 4, meetings, { quantity: 0 }, 4, []],
  ]);
});

describe("count, all-or-nothing", () => {
  const lecture = count("3.4-1", { required: 1, mode: "all-or-nothing", amount: 2 });
  // 专职党务工作者 ≥2%
  const share = count("4.1-1", { required: 2, unit: "%", mode: "all-or-nothing", amount: 2 });
  runCases([
    ["0 lectures: the full 2", 2, lecture, { quantity: 0 }, 2, []],
    ["1 lecture: nothing", 2, lecture, { quantity: 1 }, 0, []],
    ["1.5%: short, 2", 4, share, { quantity: 1.5 }, 2, []],
    ["2%: nothing", 4, share, { quantity: 2 }, 0, []],
    ["120% is not a percentage", 4, share, { quantity: 120 }, 0, ["above-bound@quantity"]],
  ]);
});

describe("convert: raw 0–100 → 4 points, deduction = 4 − round2(raw / 100 × 4)", () => {
  const rule = convert("2.3-2", 100, 4);
  runCases([
    ["85 → 3.4, deducts 0.6", 4, rule, { raw: 85 }, 0.6, []],
    ["77 → 3.08, deducts 0.92", 4, rule, { raw: 77 }, 0.92, []],
    ["100 → 4, deducts 0", 4, rule, { raw: 100 }, 0, []],
    ["0 → 0, deducts 4", 4, rule, { raw: 0 }, 4, []],
    ["blank: missing, deducts nothing", 4, rule, {}, 0, ["raw-missing@raw"]],
    ["text: not a number, deducts nothing", 4, rule, { raw: "优" }, 0, ["not-a-number@raw"]],
    ["negative: deducts nothing", 4, rule, { raw: -5 }, 0, ["negative@raw"]],
    ["above 100: deducts nothing", 4, rule, { raw: 120 }, 0, ["above-bound@raw"]],
  ]);

  test("rounding: 87.5 of 100 → 5 points is 4.375 → 4.38, deducts 0.62", () => {
    expect(scoreOne(5, convert("x-1", 100, 5), { raw: 87.5 }).contribution.deduction).toBe(0.62);
  });

  test("rounding: 2 of 3 → 4 points is 2.666… → 2.67, deducts 1.33; the score is 2.67", () => {
    const outcome = scoreOne(4, convert("x-1", 3, 4), { raw: 2 });
    expect(outcome.contribution.deduction).toBe(1.33);
    expect(outcome.result.indicators[0].score).toBe(2.67);
  });

  test("85/100 × 4 leaves exactly 3.4, where floats give 0.6000000000000001 as the deduction", () => {
    const outcome = scoreOne(4, rule, { raw: 85 });
    expect(String(outcome.contribution.deduction)).toBe("0.6");
    expect(String(outcome.result.total)).toBe("3.4");
    expect(String(4 - (85 / 100) * 4)).toBe("0.6000000000000001");
  });
});
