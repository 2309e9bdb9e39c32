/** Indicator, section and total scores, bands, vetoes and the pass line, on small hand-made schemes. */
import type { Scheme } from "../../src/rubric/types";
import { bandFor } from "../../src/scoring/bands";
import { scoreEntries } from "../../src/scoring/engine";
import type { Entries } from "../../src/scoring/types";
import { VETOED_BAND } from "../../src/scoring/types";
import {
  award,
  convert,
  count,
  discretionary,
  entries,
  fixed,
  indicator,
  range,
  rangeEach,
  scheme,
  section,
  singleIndicatorScheme,
} from "./fixtures";

const R = "已核实";

describe("indicator scores", () => {
  // 1.2 支委会配置 (3): 未按规定成立支委会 fixed 2; 主要支委成员配备不齐 range 1–2; 未按要求换届 fixed 2
  const committee = scheme([
    section("1", [
      indicator("1.2", 3, [fixed("1.2-1", 2, "未按规定成立支委会扣2分"), range("1.2-2", 1, 2), fixed("1.2-3", 2)], "支委会配置"),
    ]),
  ]);

  test("deductions above the points: score 0 and an over-points warning on the indicator", () => {
    // 2 + 2 + 2 = 6 > 3
    const result = scoreEntries(
      committee,
      entries({ "1.2-1": { deduction: 2, reason: R }, "1.2-2": { deduction: 2, reason: R }, "1.2-3": { deduction: 2, reason: R } }),
    );
    expect(result.indicators[0]).toEqual({ code: "1.2", title: "支委会配置", points: 3, deduction: 6, award: 0, score: 0 });
    expect(result.total).toBe(0);
    expect(result.issues).toEqual([
      {
        severity: "warning",
        kind: "over-points",
        code: "1.2",
        field: "score",
        cell: null,
        message: "1.2「支委会配置」：扣分超过分值，按0分计（扣分合计 6，分值 3）",
      },
    ]);
  });

  test("deductions equal to the points: score 0, no warning", () => {
    // 2 + 1 = 3
    const result = scoreEntries(committee, entries({ "1.2-1": { deduction: 2, reason: R }, "1.2-2": { deduction: 1, reason: R } }));
    expect(result.indicators[0].score).toBe(0);
    expect(result.issues).toEqual([]);
  });

  test("a negative deduction cannot lift the score above the points", () => {
    const result = scoreEntries(committee, entries({ "1.2-1": { deduction: -2, reason: R } }));
    expect(result.indicators[0]).toMatchObject({ deduction: -2, score: 3 });
    expect(result.issues.map((issue) => issue.kind)).toEqual(["negative"]);
  });

  test("nothing entered: full points", () => {
    const result = scoreEntries(committee, entries({}));
    expect(result.indicators[0]).toMatchObject({ deduction: 0, score: 3 });
    expect(result.issues).toEqual([]);
  });

  describe("awards: the score is Σ awards within 0 … points", () => {
    // 6.1 党建特色 (20): 被上级党组织表彰, 被媒体宣传报道, each award capped at 20
    const bonus = singleIndicatorScheme(20, [award("6.1-1"), award("6.1-2")]);

    test("5 + 10 = 15", () => {
      const result = scoreEntries(bonus, entries({ "6.1-1": { award: 5, reason: R }, "6.1-2": { award: 10, reason: R } }));
      expect(result.indicators[0]).toMatchObject({ deduction: 0, award: 15, score: 15 });
      expect(result.total).toBe(15);
      expect(result.issues).toEqual([]);
    });

    test("15 + 10 = 25 is capped at 20, with a warning", () => {
      const result = scoreEntries(bonus, entries({ "6.1-1": { award: 15, reason: R }, "6.1-2": { award: 10, reason: R } }));
      expect(result.indicators[0]).toMatchObject({ award: 25, score: 20 });
      expect(result.issues.map((issue) => `${issue.severity}:${issue.kind}:${issue.code}`)).toEqual(["warning:over-points:1.1"]);
      expect(result.issues[0].message).toBe("1.1「指标1.1」：加分合计 25 超过分值 20，按 20 分计");
    });

    test("nothing awarded: 0, not full points", () => {
      expect(scoreEntries(bonus, entries({})).indicators[0].score).toBe(0);
    });

    test("an indicator with awards ignores its deductions in the score", () => {
      const mixed = singleIndicatorScheme(20, [award("6.1-1"), discretionary("6.1-2")]);
      const result = scoreEntries(mixed, entries({ "6.1-1": { award: 8, reason: R }, "6.1-2": { deduction: 3, reason: R } }));
      expect(result.indicators[0]).toMatchObject({ deduction: 3, award: 8, score: 8 });
      expect(result.rules).toEqual([
        { code: "6.1-1", deduction: 0, award: 8 },
        { code: "6.1-2", deduction: 3, award: 0 },
      ]);
    });
  });
});

describe("exact totals: no floating-point artefacts", () => {
  // 1.1 (4): convert 0–100 → 4; 1.2 (10) and 2.1 (3): two discretionary rules each, in steps of 0.1
  const tenths = { step: 0.1 };
  const exact = scheme([
    section("1", [
      indicator("1.1", 4, [convert("1.1-1", 100, 4)]),
      indicator("1.2", 10, [discretionary("1.2-1", tenths), discretionary("1.2-2", tenths)]),
    ]),
    section("2", [indicator("2.1", 3, [discretionary("2.1-1", tenths), discretionary("2.1-2", tenths)])]),
  ]);
  const filled = entries({
    "1.1-1": { raw: 85 },
    "1.2-1": { deduction: 0.1, reason: R },
    "1.2-2": { deduction: 0.2, reason: R },
    "2.1-1": { deduction: 0.7, reason: R },
    "2.1-2": { deduction: 0.6, reason: R },
  });

  test("by hand: 1.1 = 85/100 × 4 = 3.4; 1.2 = 10 − 0.3 = 9.7; 2.1 = 3 − 1.3 = 1.7; sections 13.1 and 1.7; total 14.8", () => {
    const result = scoreEntries(exact, filled);
    expect(result.indicators.map((item) => [item.code, item.deduction, item.score])).toEqual([
      ["1.1", 0.6, 3.4],
      ["1.2", 0.3, 9.7],
      ["2.1", 1.3, 1.7],
    ]);
    expect(result.sections.map((item) => item.score)).toEqual([13.1, 1.7]);
    expect(result.total).toBe(14.8);
    expect(JSON.stringify(result)).not.toMatch(/\d\.\d*(0000|9999)\d/);
  });

  test("the same sums in plain floating point drift (so the test above can fail)", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(3 - (0.7 + 0.6)).not.toBe(1.7);
    expect(3.4 + 9.7 + 1.7).not.toBe(14.8);
  });
});

describe("bands and the pass line (好 ≥90, 较好 ≥80, 一般 ≥70, 较差; pass ≥80)", () => {
  const hundred = singleIndicatorScheme(100, [discretionary("1.1-1")]);
  const scoreWith = (deduction: number) => scoreEntries(hundred, entries({ "1.1-1": { deduction, reason: R } }));

  test.each([
    [0, 100, "好", true],
    [10, 90, "好", true],
    [10.5, 89.5, "较好", true],
    [20, 80, "较好", true],
    [20.5, 79.5, "一般", false],
    [30, 70, "一般", false],
    [30.5, 69.5, "较差", false],
    [100, 0, "较差", false],
  ])("deducting %p leaves %p: %s, pass %p", (deduction, total, band, pass) => {
    const result = scoreWith(deduction);
    expect(result.total).toBe(total);
    expect(result.band).toBe(band);
    expect(result.pass).toBe(pass);
  });

  test("bandFor takes the highest threshold reached, in any order, and '' when none is", () => {
    const bands = [
      { name: "及格", min: 60 },
      { name: "优秀", min: 85 },
    ];
    expect(bandFor(85, bands)).toBe("优秀");
    expect(bandFor(84.99, bands)).toBe("及格");
    expect(bandFor(59.5, bands)).toBe("");
  });

  test("the pass line is configurable", () => {
    const strict: Scheme = { ...hundred, passLine: { minTotal: 90, noVeto: true } };
    expect(scoreEntries(strict, entries({ "1.1-1": { deduction: 10.5, reason: R } })).pass).toBe(false);
    expect(scoreEntries(strict, entries({ "1.1-1": { deduction: 10, reason: R } })).pass).toBe(true);
  });
});

describe("vetoes (不得参评)", () => {
  const vetoes = [
    { code: "V1", text: "党支部班子成员受到党纪政务处分的" },
    { code: "V2", text: "发生重大安全责任事故的" },
  ];
  const vetoable = (noVeto = true) =>
    scheme([section("1", [indicator("1.1", 100, [discretionary("1.1-1")])])], { vetoes, noVeto });

  test("是 overrides a band of 好 and fails the pass line", () => {
    const result = scoreEntries(vetoable(), entries({}, { V1: "否", V2: "是" }));
    expect(result.total).toBe(100);
    expect(result).toMatchObject({ vetoed: true, band: VETOED_BAND, pass: false, vetoReasons: ["发生重大安全责任事故的"] });
    expect(result.issues).toEqual([]);
  });

  test("answers are trimmed of spaces, full-width too, as the sheet trims; every 是 is listed in scheme order", () => {
    const result = scoreEntries(vetoable(), entries({}, { V2: " 是 ", V1: "\u3000是" }));
    expect(result.vetoReasons).toEqual(["党支部班子成员受到党纪政务处分的", "发生重大安全责任事故的"]);
  });

  test("a line break is content, as to the sheet's TRIM: 是 and a line break is not 是 but an error", () => {
    const result = scoreEntries(vetoable(), entries({}, { V1: "是\n" }));
    expect(result.vetoed).toBe(false);
    expect(result.issues.map((issue) => issue.kind)).toEqual(["veto-invalid"]);
  });

  test.each([
    ["否", "否"],
    ["blank", ""],
    ["whitespace", "  "],
    ["full-width whitespace", "\u3000 "],
    ["null", null],
  ])("%s is not vetoed", (_label, answer) => {
    const result = scoreEntries(vetoable(), entries({}, { V1: answer }));
    expect(result).toMatchObject({ vetoed: false, band: "好", pass: true, vetoReasons: [] });
    expect(result.issues).toEqual([]);
  });

  test("an absent answer is not vetoed", () => {
    expect(scoreEntries(vetoable(), entries({})).vetoed).toBe(false);
  });

  test.each([
    ["yes", "yes"],
    ["Y", "Y"],
    ["a boolean", true],
    ["a number", 1],
  ])("%s is veto-invalid and counts as 否", (_label, answer) => {
    const result = scoreEntries(vetoable(), entries({}, { V1: answer }));
    expect(result).toMatchObject({ vetoed: false, band: "好", pass: true });
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: "error", kind: "veto-invalid", code: "V1", field: "flag", cell: null }),
    ]);
  });

  test("the veto-invalid message quotes the veto and the answer", () => {
    const result = scoreEntries(vetoable(), entries({}, { V1: " yes " }));
    expect(result.issues[0].message).toBe("V1「党支部班子成员受到党纪政务处分的」：应填“是”或“否”，「yes」无法识别，按“否”计");
  });

  test("with noVeto off, a vetoed subject still shows 不得参评 but may pass", () => {
    const result = scoreEntries(vetoable(false), entries({}, { V1: "是" }));
    expect(result).toMatchObject({ vetoed: true, band: VETOED_BAND, pass: true });
  });
});

describe("the result as a whole", () => {
  const mixed = scheme([
    section("1", [
      indicator("1.1", 5, [range("1.1-1", 1, 2), count("1.1-2", { required: 4, mode: "per-unit", amount: 1 })]),
      indicator("1.2", 5, [rangeEach("1.2-1", 0.5, 1)]),
    ]),
    section("2", [indicator("2.1", 10, [award("2.1-1")])]),
  ]);

  test("sections, indicators and rules come in scheme order, with the scheme's identity", () => {
    const result = scoreEntries(
      mixed,
      entries({
        "1.1-1": { deduction: 1.5, reason: R },
        "1.1-2": { quantity: 3 },
        "1.2-1": { quantity: 2, deduction: 1.5, reason: R },
        "2.1-1": { award: 6, reason: R },
      }),
    );
    // 1.1 = 5 − (1.5 + 1) = 2.5; 1.2 = 5 − 1.5 = 3.5; section 1 = 6; section 2 = 6; total 12
    expect(result).toMatchObject({ scheme: "test-scheme", schemeVersion: "t1", max: 20, total: 12, band: "较差", pass: false });
    expect(result.sections).toEqual([
      { code: "1", title: "一级指标1", points: 10, score: 6 },
      { code: "2", title: "一级指标2", points: 10, score: 6 },
    ]);
    expect(result.indicators.map((item) => [item.code, item.score])).toEqual([
      ["1.1", 2.5],
      ["1.2", 3.5],
      ["2.1", 6],
    ]);
    expect(result.rules.map((item) => item.code)).toEqual(["1.1-1", "1.1-2", "1.2-1", "2.1-1"]);
    expect(result.issues).toEqual([]);
  });

  test("entries for unknown codes are ignored", () => {
    const result = scoreEntries(mixed, entries({ "9.9-9": { deduction: 3 }, "1.1-2": { quantity: 4 } }, { V9: "是" }));
    expect(result.total).toBe(10);
    expect(result.vetoed).toBe(false);
    expect(result.issues).toEqual([]);
  });

  test("issues come rule by rule in scheme order, vetoes last", () => {
    const withVeto: Scheme = { ...mixed, vetoes: [{ code: "V1", text: "条件一" }] };
    const result = scoreEntries(withVeto, entries({ "1.2-1": { deduction: 1 }, "1.1-1": { deduction: "x" } }, { V1: "?" }));
    expect(result.issues.map((issue) => `${issue.code}:${issue.kind}`)).toEqual([
      "1.1-1:not-a-number",
      "1.1-2:quantity-missing",
      "1.2-1:quantity-missing",
      "1.2-1:reason-missing",
      "V1:veto-invalid",
    ]);
  });

  test("pure: frozen inputs are accepted and the same inputs give the same result", () => {
    const input: Entries = entries({ "1.1-1": { deduction: 1, reason: R }, "1.1-2": { quantity: 2 } }, { V1: "否" });
    deepFreeze(mixed);
    deepFreeze(input);
    const first = scoreEntries(mixed, input);
    expect(scoreEntries(mixed, input)).toEqual(first);
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
