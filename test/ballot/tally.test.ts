import { ballotRulesOf } from "../../src/ballot/rules";
import { readMark } from "../../src/ballot/marks";
import { percentText, tallyBallots, type CastBallot } from "../../src/ballot/tally";
import { getScheme } from "../../src/rubric/catalogue";
import { parseRubric } from "../../src/rubric/parse";

const defaults = ballotRulesOf({}).rules;

describe("ballot rules", () => {
  test("defaults are 好/较好/一般/差, 2/3 quorum, 100/80/60/40, all marked as defaults", () => {
    const { rules, defaulted } = ballotRulesOf({});
    expect(rules.levels).toEqual(["好", "较好", "一般", "差"]);
    expect(rules.goodLevels).toEqual(["好"]);
    expect(rules.satisfiedLevels).toEqual(["好", "较好"]);
    expect(rules.quorum).toEqual({ numerator: 2, denominator: 3 });
    expect(rules.weights).toEqual({ 好: 100, 较好: 80, 一般: 60, 差: 40 });
    expect(defaulted.sort()).toEqual(["blankBallotInvalid", "goodLevels", "levels", "quorum", "satisfiedLevels", "weights"]);
  });

  test("五好 names 1.3-2 as the rule the 好 rate scores", () => {
    expect(ballotRulesOf(getScheme("wuhao")!).rules.rateRule).toBe("1.3-2");
  });

  test("a rubric file may set its own levels; wrong ones are named", () => {
    const base = { id: "x", title: "t", version: "1", sections: [{ code: "1", title: "s", points: 100, indicators: [{ code: "1.1", title: "i", points: 100, rules: [{ kind: "discretionary", text: "酌情扣分" }] }] }] };
    const good = parseRubric({ ...base, ballot: { levels: ["优秀", "称职", "基本称职", "不称职"], quorum: { numerator: 1, denominator: 2 } } }, "f");
    expect(good.errors).toEqual([]);
    const rules = ballotRulesOf(good.scheme!).rules;
    expect(rules.satisfiedLevels).toEqual(["优秀", "称职"]);
    expect(rules.weights).toEqual({ 优秀: 100, 称职: 80, 基本称职: 60, 不称职: 40 });
    const bad = parseRubric({ ...base, ballot: { levels: ["好", "差"], goodLevels: ["优"], rateRule: "1.1-1" } }, "f");
    expect(bad.errors.join("\n")).toContain("「优」不在等次 好、差 之中");
    expect(bad.errors.join("\n")).toContain("1.1-1 应为以 % 计的数量要求");
  });
});

describe("marks", () => {
  test.each([
    ["好", { kind: "level", level: "好" }],
    [" 较好 ", { kind: "level", level: "较好" }],
    ["", { kind: "blank" }],
    [null, { kind: "blank" }],
    ["好、较好", { kind: "multiple", levels: ["好", "较好"] }],
    ["好 / 差", { kind: "multiple", levels: ["好", "差"] }],
    ["好，好", { kind: "level", level: "好" }],
    ["优", { kind: "unknown", text: "优" }],
    [1, { kind: "unknown", text: "1" }],
  ])("%p", (value, expected) => {
    expect(readMark(value as string | number | null, defaults.levels)).toEqual(expected);
  });
});

describe("tally", () => {
  const ballot = (file: string, marks: (string | null)[], expected?: number): CastBallot => ({
    file,
    expected,
    rows: marks.map((value, index) => ({ subject: `支部${index + 1}`, org: "党委", value, cell: `C${index + 5}` })),
  });

  test("counts, invalid rows and whole blank ballots, rates, quorum", () => {
    const ballots = [
      ballot("1.xlsx", ["好", "较好"], 6),
      ballot("2.xlsx", ["好", "好、差"]),
      ballot("3.xlsx", ["一般", ""]),
      ballot("4.xlsx", [null, null]),
      ballot("5.xlsx", ["差", "优"]),
    ];
    const { subjects, problems } = tallyBallots(ballots, defaults);
    expect(subjects[0]).toMatchObject({ subject: "支部1", expected: 6, cast: 5, valid: 4, invalid: 1, counts: { 好: 2, 较好: 0, 一般: 1, 差: 1 } });
    expect(subjects[0].goodRate).toBe(0.5);
    expect(subjects[0].satisfactionRate).toBe(0.5);
    expect(subjects[0].score).toBe(75); // (200 + 60 + 40) / 4
    expect(subjects[0].quorum).toBe(true); // 5 × 3 ≥ 6 × 2
    expect(subjects[1]).toMatchObject({ cast: 5, valid: 1, invalid: 4, invalidBy: { blank: 1, multiple: 1, unknown: 1, blankBallot: 1 } });
    expect(problems.map((problem) => `${problem.file} ${problem.cell}`)).toEqual(["2.xlsx C6", "3.xlsx C6", "4.xlsx C5", "5.xlsx C6"]);
    expect(problems[0].message).toContain("多个等次（好、差）");
  });

  test("rates are exact and rounded half away from zero: 2/3 = 0.6667, shown 66.67%", () => {
    const { subjects } = tallyBallots([ballot("a", ["好"], 10), ballot("b", ["好"]), ballot("c", ["较好"])], defaults);
    expect(subjects[0].goodRate).toBe(0.6667);
    expect(percentText(subjects[0].goodRate)).toBe("66.67%");
    expect(subjects[0].satisfactionRate).toBe(1);
    expect(subjects[0].quorum).toBe(false); // 3 of 10
  });

  test("no 应到, no quorum decision; no valid ballot, no rate", () => {
    const { subjects } = tallyBallots([ballot("a", ["x"])], defaults);
    expect(subjects[0]).toMatchObject({ quorum: null, goodRate: null, score: null, valid: 0, invalid: 1 });
  });
});
