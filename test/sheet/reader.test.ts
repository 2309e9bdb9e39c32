import { scoreEntries } from "../../src/scoring/engine";
import type { Entries } from "../../src/scoring/types";
import { readScoringWorkbook } from "../../src/sheet/reader";
import { scoreWorkbook } from "../../src/sheet/score-workbook";
import type { ScoredWorkbook, WorkbookScore } from "../../src/sheet/score-workbook";
import type { WorkbookGrid } from "../../src/sheet/types";
import { fixtureBook, fixtureMetaRows, gridOf, insertRows, metaGrid, resolveSmall, scoringCells, smallScheme } from "./grid-fixtures";

/** A filled sheet; the hand-computed result is in the first test. */
const filled = {
  B3: "机电工程学院教工第一党支部",
  B4: "机电工程学院党委",
  B5: 2024,
  G3: "考评",
  G4: "张三",
  G5: "2025-01-10T00:00:00.000Z",
  F9: 1.5,
  G9: "支部设置无上级批复",
  H9: "批复文件缺失",
  F10: 1,
  G10: "正式党员不足3人",
  E12: 2,
  F12: 1.5,
  G12: "两次会议记录不全",
  E13: 3,
  F16: 6,
  G16: "获校级先进党支部表彰",
  F21: "否",
};

function scored(outcome: WorkbookScore): ScoredWorkbook {
  if (!outcome.ok) throw new Error(`expected a scored workbook, got: ${outcome.message}`);
  return outcome;
}

describe("readScoringWorkbook on a filled template", () => {
  const outcome = readScoringWorkbook(fixtureBook(filled), resolveSmall);

  test("reads the subject's meta from the visible header cells", () => {
    expect(outcome.failures).toEqual([]);
    expect(outcome.templates).toHaveLength(1);
    expect(outcome.templates[0].meta).toEqual({
      subject: "机电工程学院教工第一党支部",
      org: "机电工程学院党委",
      period: "2024",
      rater: "org",
      evaluator: "张三",
      date: "2025-01-10",
      scheme: "small",
      schemeVersion: "2024.1",
    });
    expect(outcome.templates[0].sheet).toBe("测试评分表");
    expect(outcome.templates[0].metaSheet).toBe("_meta");
  });

  test("reads only the inputs each rule kind takes", () => {
    const { entries } = outcome.templates[0];
    expect(entries.rules["1.1-1"]).toEqual({ deduction: 1.5, reason: "支部设置无上级批复", evidence: "批复文件缺失" });
    expect(entries.rules["1.2-1"]).toEqual({ quantity: 2, deduction: 1.5, reason: "两次会议记录不全" });
    // the count rule's 扣分 cell is a formula output, not an input
    expect(entries.rules["1.2-2"]).toEqual({ quantity: 3, reason: null });
    expect(entries.rules["2.1-1"]).toEqual({ award: 6, reason: "获校级先进党支部表彰" });
    expect(entries.vetoes).toEqual({ V1: "否" });
  });

  test("scores it: 1.1 = 5−1.5−1 = 2.5; 1.2 = 5−1.5−(4−3)×1 = 2.5; 2.1 = 6; total 11 → 一般, not passing (< 16)", () => {
    const score = scored(scoreWorkbook(fixtureBook(filled), resolveSmall));
    expect(score.result.indicators.map((item) => [item.code, item.score])).toEqual([
      ["1.1", 2.5],
      ["1.2", 2.5],
      ["2.1", 6],
    ]);
    expect(score.result.sections.map((item) => item.score)).toEqual([5, 6]);
    expect(score.result.total).toBe(11);
    expect(score.result.band).toBe("一般");
    expect(score.result.pass).toBe(false);
    expect(score.result.issues).toEqual([]);
    expect(score.templates).toHaveLength(1);
  });
});

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
  test("an unambiguous text number is converted, with a warning naming the cell", () => {
    const score = scored(scoreWorkbook(fixtureBook({ ...filled, F9: "１.5分", E13: " 3 " }), resolveSmall));
    expect(score.result.total).toBe(11);
    const warnings = score.result.issues.filter((issue) => issue.kind === "text-number");
    expect(warnings.map((issue) => [issue.severity, issue.cell, issue.code])).toEqual([
      ["warning", "F9", "1.1-1"],
      ["warning", "E13", "1.2-2"],
    ]);
    expect(warnings[0].message).toContain("F9");
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

describe("rows moved since the template was made", () => {
  function movedBook(atRow: number, count: number): WorkbookGrid {
    const book = fixtureBook(filled);
    return { sheets: [insertRows(book.sheets[0], atRow, count), book.sheets[1]] };
  }

  test("rows inserted above the table: same scores, one warning for the run plus the total and band cells", () => {
    const score = scored(scoreWorkbook(movedBook(7, 2), resolveSmall));
    expect(score.result.total).toBe(11);
    expect(score.meta.subject).toBe("机电工程学院教工第一党支部");
    const moved = score.result.issues.filter((issue) => issue.kind === "row-moved");
    expect(moved.map((issue) => issue.cell)).toEqual(["I9", "I19", "I20"]);
    // the run from section 1 (score cell I7) down to V1 (flag F21), each named with its old and new cell
    expect(moved[0].message).toMatch(/I7.*F21.*I9.*F23/);
    expect(moved[1].message).toMatch(/I17.*I19/);
    expect(score.cells["1.1-1:deduction"]).toBe("F11");
    expect(score.result.issues.every((issue) => issue.severity === "warning")).toBe(true);
  });

  test("a row inserted inside the table moves only the rows below it", () => {
    const score = scored(scoreWorkbook(movedBook(12, 1), resolveSmall));
    expect(score.result.total).toBe(11);
    expect(score.cells["1.1-2:deduction"]).toBe("F10");
    expect(score.cells["1.2-1:deduction"]).toBe("F13");
    const moved = score.result.issues.filter((issue) => issue.kind === "row-moved");
    expect(moved[0].message).toContain("1.2-1");
    expect(moved[0].cell).toBe("F13");
  });

  test("a deleted rule row is reported, never read from the row that slid into its place", () => {
    const book = fixtureBook(filled);
    const sheet = book.sheets[0];
    const withoutRow10 = { ...sheet, values: sheet.values.filter((_, i) => i !== 9), formulas: sheet.formulas.filter((_, i) => i !== 9) };
    const score = scored(scoreWorkbook({ sheets: [withoutRow10, book.sheets[1]] }, resolveSmall));
    const lost = score.result.issues.find((issue) => issue.kind === "meta-invalid" && issue.code === "1.1-2");
    expect(lost?.severity).toBe("error");
    expect(score.cells["1.1-2:deduction"]).toBeUndefined();
    // 1.1-2's 1 point is gone with its row: 1.1 = 5 − 1.5 = 3.5, total 12; the rows below are still found
    expect(score.result.total).toBe(12);
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

describe("templates that cannot be read", () => {
  const failureOf = (book: WorkbookGrid) => {
    const outcome = readScoringWorkbook(book, resolveSmall);
    expect(outcome.templates).toEqual([]);
    return outcome.failures;
  };

  test("no _meta sheet", () => {
    const failures = failureOf({ sheets: [gridOf("Sheet1", { A1: "随便一张表" })] });
    expect(failures).toEqual([expect.objectContaining({ metaSheet: null, reason: "no-meta" })]);
    const score = scoreWorkbook({ sheets: [gridOf("Sheet1", { A1: "x" })] }, resolveSmall);
    expect(score.ok).toBe(false);
    if (!score.ok) expect(score.message).toContain("_meta");
  });

  test("contract other than 1", () => {
    const [failure] = failureOf(fixtureBook(filled, { meta: { contract: "2" } }));
    expect(failure.reason).toBe("contract");
    expect(failure.message).toContain("「2」");
  });

  test("unknown scheme id", () => {
    const [failure] = failureOf(fixtureBook(filled, { meta: { scheme: "nope" } }));
    expect(failure.reason).toBe("unknown-scheme");
    expect(failure.message).toContain("nope");
  });

  test("another scheme version whose rules are all present: scored, with a warning", () => {
    const score = scored(scoreWorkbook(fixtureBook(filled, { meta: { schemeVersion: "2023.1" } }), resolveSmall));
    expect(score.result.total).toBe(11);
    const warning = score.result.issues.find((issue) => issue.code === "meta:schemeVersion");
    expect(warning).toEqual(expect.objectContaining({ severity: "warning", kind: "meta-invalid", cell: null }));
    expect(warning?.message).toContain("2023.1");
    expect(score.meta.schemeVersion).toBe("2023.1");
  });

  test("another scheme version missing a rule's cells: not scored", () => {
    const [failure] = failureOf(fixtureBook(filled, { meta: { schemeVersion: "2023.1", "cell:1.1-2:deduction": null } }));
    expect(failure.reason).toBe("scheme-version");
    expect(failure.message).toContain("1.1-2");
  });

  test("a damaged _meta (a rule's address missing or not an address)", () => {
    const [missing] = failureOf(fixtureBook(filled, { meta: { "cell:V1:flag": null } }));
    expect(missing.reason).toBe("meta-incomplete");
    expect(missing.message).toContain("V1");
    const [garbled] = failureOf(fixtureBook(filled, { meta: { "cell:1.2-1:quantity": "第12行" } }));
    expect(garbled.message).toMatch(/1\.2-1.*_meta!B\d+「第12行」/);
  });

  test("the scoring sheet is gone", () => {
    const failures = failureOf({ sheets: [metaGrid(fixtureMetaRows())] });
    expect(failures[0].reason).toBe("no-sheet");
    expect(failures[0].message).toContain("测试评分表");
  });
});

describe("finding the scoring sheet", () => {
  test("a renamed scoring sheet is found by its codes, with a warning", () => {
    const book = fixtureBook(filled);
    const renamed = { sheets: [gridOf("说明", { A1: "填表说明" }), { ...book.sheets[0], name: "2024年评分" }, book.sheets[1]] };
    const score = scored(scoreWorkbook(renamed, resolveSmall));
    expect(score.sheet).toBe("2024年评分");
    expect(score.result.total).toBe(11);
    expect(score.result.issues.map((issue) => issue.code)).toEqual(["meta:sheet"]);
  });

  test("without a sheet key, the sheet carrying the scheme's codes", () => {
    const book = fixtureBook(filled, { meta: { sheet: null } });
    const score = scored(scoreWorkbook({ sheets: [gridOf("封面", { A1: "封面" }), ...book.sheets] }, resolveSmall));
    expect(score.sheet).toBe("测试评分表");
    expect(score.result.issues).toEqual([]);
  });
});

describe("several templates in one workbook", () => {
  const second = gridOf("测试评分表 (2)", { ...scoringCells(), B3: "第二党支部", G3: "自评", F16: 2, G16: "被媒体报道", E13: 4, F21: "是" });
  const book: WorkbookGrid = {
    sheets: [...fixtureBook(filled).sheets, second, metaGrid(fixtureMetaRows({}, "测试评分表 (2)"), "_meta (2)")],
  };

  test("each _meta sheet is its own template", () => {
    const score = scored(scoreWorkbook(book, resolveSmall));
    expect(score.templates.map((template) => [template.sheet, template.meta.subject, template.meta.rater])).toEqual([
      ["测试评分表", "机电工程学院教工第一党支部", "org"],
      ["测试评分表 (2)", "第二党支部", "self"],
    ]);
    // second: nothing deducted (4 meetings held), award 2: 10 + 2 = 12, vetoed
    expect(score.templates[1].result.total).toBe(12);
    expect(score.templates[1].result.band).toBe("不得参评");
    expect(score.result.total).toBe(11);
  });

  test("an unreadable second template does not hide the first", () => {
    const withBadSecond = { sheets: [...fixtureBook(filled).sheets, second, metaGrid(fixtureMetaRows({ scheme: "other" }, "测试评分表 (2)"), "_meta2")] };
    const score = scored(scoreWorkbook(withBadSecond, resolveSmall));
    expect(score.templates).toHaveLength(1);
    expect(score.failures).toEqual([expect.objectContaining({ metaSheet: "_meta2", reason: "unknown-scheme" })]);
  });
});

describe("the rater cell", () => {
  test.each([
    ["自评", "self"],
    ["self", "self"],
    ["测评", "mass"],
    ["党员群众测评", "mass"],
    ["ORG", "org"],
    ["", ""],
  ])("%j → %j", (text, rater) => {
    const outcome = readScoringWorkbook(fixtureBook({ ...filled, G3: text }), resolveSmall);
    expect(outcome.templates[0].meta.rater).toBe(rater);
    expect(outcome.templates[0].issues).toEqual([]);
  });

  test("an unknown rater is a warning on the rater cell", () => {
    const outcome = readScoringWorkbook(fixtureBook({ ...filled, G3: "领导打分" }), resolveSmall);
    expect(outcome.templates[0].meta.rater).toBe("");
    expect(outcome.templates[0].issues).toEqual([expect.objectContaining({ kind: "meta-invalid", cell: "G3", code: "meta:rater" })]);
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
