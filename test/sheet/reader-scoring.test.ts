import { scoreEntries } from "../../src/scoring/engine";
import type { Entries } from "../../src/scoring/types";
import { readScoringWorkbook } from "../../src/sheet/reader";
import { scoreWorkbook } from "../../src/sheet/score-workbook";
import { filled, fixtureBook, resolveSmall, scored, smallScheme } from "./grid-fixtures";

describe("scoreWorkbook puts a cell on every issue", () => {
  test("engine issues get the address of their input, sorted down the sheet", () => {
    const score = scored(scoreWorkbook(fixtureBook({ ...filled, F9: 0.3, G10: null, E13: null }), resolveSmall));
    const cells = score.result.issues.map((issue) => [issue.kind, issue.cell]);
    // 0.3 in a 1–2 range rule (F9), a deduction without reason (G10), a count left blank (E13)
    expect(cells).toEqual(
      expect.arrayContaining([
        ["range-outside", "F9"],
        ["reason-missing", "G10"],
        ["quantity-missing", "E13"],
      ]),
    );
    const rows = score.result.issues.map((issue) => Number(issue.cell!.slice(1)));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  test("an over-points warning is placed on the indicator's score cell", () => {
    // 1.2: 2 items × 1 = 2, plus 4 missing meetings × 1 = 4: 6 > 5 points
    const score = scored(scoreWorkbook(fixtureBook({ ...filled, F12: 2, E13: 0 }), resolveSmall));
    const over = score.result.issues.find((issue) => issue.kind === "over-points");
    expect(over?.cell).toBe("I11");
    expect(score.result.indicators[1].score).toBe(0);
  });

  test("a veto flag issue names the flag cell", () => {
    const score = scored(scoreWorkbook(fixtureBook({ ...filled, F21: "可能" }), resolveSmall));
    expect(score.result.issues.find((issue) => issue.kind === "veto-invalid")?.cell).toBe("F21");
  });
});

describe("text numbers", () => {
  test("a text number counts 0, as in the sheet's formulas, and is an error proposing the number", () => {
    const score = scored(scoreWorkbook(fixtureBook({ ...filled, F9: "１.5分", E13: " 3 " }), resolveSmall));
    const asBlank = scored(scoreWorkbook(fixtureBook({ ...filled, F9: null, E13: null }), resolveSmall));
    expect(score.result.total).toBe(asBlank.result.total);
    expect(score.result.total).not.toBe(scored(scoreWorkbook(fixtureBook(filled), resolveSmall)).result.total);
    const texts = score.result.issues.filter((issue) => issue.kind === "text-number");
    expect(texts.map((issue) => [issue.severity, issue.cell, issue.code])).toEqual([
      ["error", "F9", "1.1-1"],
      ["error", "E13", "1.2-2"],
    ]);
    expect(texts[0].message).toContain("请直接输入数字 1.5");
    expect(texts[1].message).toContain("请直接输入数字 3");
    expect(score.errors).toBe(2);
  });

  test("an ambiguous one is left as text for the engine to refuse", () => {
    const score = scored(scoreWorkbook(fixtureBook({ ...filled, F10: "约1" }), resolveSmall));
    const issue = score.result.issues.find((item) => item.kind === "not-a-number");
    expect(issue?.cell).toBe("F10");
    expect(issue?.severity).toBe("error");
    // counts 0: 1.1 = 5 − 1.5 = 3.5, total 12
    expect(score.result.total).toBe(12);
  });

  test("reasons stay as typed, even when they look like numbers", () => {
    const outcome = readScoringWorkbook(fixtureBook({ ...filled, G9: "2分" }), resolveSmall);
    expect(outcome.templates[0].entries.rules["1.1-1"].reason).toBe("2分");
  });
});

describe("cached results against recomputed ones", () => {
  const rightCache = { I7: 5, I8: 2.5, I11: 2.5000000000000004, I14: 6, I15: 6, I17: 11, I18: "一般" };

  test("cached values that agree (up to float noise) raise nothing", () => {
    const score = scored(scoreWorkbook(fixtureBook(filled, { cached: rightCache }), resolveSmall));
    expect(score.result.issues).toEqual([]);
  });

  test("a cached total that disagrees is a warning naming the total cell", () => {
    const score = scored(scoreWorkbook(fixtureBook(filled, { cached: { ...rightCache, I17: 12.5 } }), resolveSmall));
    expect(score.result.total).toBe(11);
    const issues = score.result.issues.filter((issue) => issue.kind === "cached-mismatch");
    expect(issues.map((issue) => [issue.severity, issue.cell])).toEqual([["warning", "I17"]]);
    expect(issues[0].message).toContain("12.5");
  });

  test("a score formula typed over with a number is a warning even when the number happens to be right", () => {
    const score = scored(scoreWorkbook(fixtureBook({ ...filled, I8: 2.5 }, { cached: rightCache }), resolveSmall));
    const issues = score.result.issues.filter((issue) => issue.kind === "cached-mismatch");
    expect(issues.map((issue) => issue.cell)).toEqual(["I8"]);
    expect(issues[0].message).toContain("公式");
  });

  test("a wrong cached band is reported", () => {
    const score = scored(scoreWorkbook(fixtureBook(filled, { cached: { ...rightCache, I18: "好" } }), resolveSmall));
    expect(score.result.issues.map((issue) => issue.cell)).toEqual(["I18"]);
  });
});

describe("the reader feeds the engine exactly what the sheet holds", () => {
  test("scoreWorkbook equals scoreEntries on the same entries (issues aside)", () => {
    const entries: Entries = {
      rules: {
        "1.1-1": { deduction: 2, reason: "r", evidence: null },
        "1.1-2": { deduction: null, reason: null },
        "1.2-1": { quantity: 3, deduction: 2.5, reason: "r" },
        "1.2-2": { quantity: 1, reason: null },
        "2.1-1": { award: 10.5, reason: "r" },
      },
      vetoes: { V1: null },
    };
    const inputs = { F9: 2, G9: "r", E12: 3, F12: 2.5, G12: "r", E13: 1, F16: 10.5, G16: "r" };
    const score = scored(scoreWorkbook(fixtureBook(inputs), resolveSmall));
    const expected = scoreEntries(smallScheme, entries);
    expect({ ...score.result, issues: [] }).toEqual({ ...expected, issues: [] });
    const kinds = (issues: { kind: string; code: string }[]) => issues.map((issue) => `${issue.kind} ${issue.code}`).sort();
    expect(kinds(score.result.issues)).toEqual(kinds(expected.issues));
    expect(expected.issues.length).toBeGreaterThan(0);
  });
});
