import { readScoringWorkbook } from "../../src/sheet/reader";
import { scoreWorkbook } from "../../src/sheet/score-workbook";
import type { WorkbookGrid } from "../../src/sheet/types";
import { filled, fixtureBook, fixtureMetaRows, gridOf, metaGrid, resolveSmall, scored, scoringCells } from "./grid-fixtures";

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

describe("grids as the Office host reads them", () => {
  test("a date given as a serial day number reads as a date (45658 is 2025-01-01 in Excel)", () => {
    const outcome = readScoringWorkbook(fixtureBook({ ...filled, G5: 45667 }), resolveSmall);
    expect(outcome.templates[0].meta.date).toBe("2025-01-10");
  });

  test("constants in the formulas array (Office.js reports them there) are not formulas", () => {
    const book = fixtureBook({ ...filled, I8: 2.5 }, { cached: { I7: 5, I11: 2.5, I14: 6, I15: 6, I17: 11, I18: "一般" } });
    book.sheets[0].formulas[7][8] = 2.5 as unknown as string;
    const score = scored(scoreWorkbook(book, resolveSmall));
    expect(score.result.issues.map((issue) => [issue.kind, issue.cell])).toEqual([["cached-mismatch", "I8"]]);
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
    // the fixture scheme's procedure has 自评 and 考评 only: a 测评 sheet is read, with a warning to check it
    const outside = rater === "mass" ? [expect.objectContaining({ kind: "meta-invalid", cell: "G3", severity: "warning" })] : [];
    expect(outcome.templates[0].issues).toEqual(outside);
  });

  test("a rater outside the scheme's procedure is named in the warning with the allowed ones", () => {
    const outcome = readScoringWorkbook(fixtureBook({ ...filled, G3: "测评" }), resolveSmall);
    expect(outcome.templates[0].issues.map((issue) => issue.message)).toEqual([expect.stringContaining("评价方「测评」不在方案「测试」的评定程序中（自评、考评）")]);
  });

  test("an unknown rater is a warning on the rater cell", () => {
    const outcome = readScoringWorkbook(fixtureBook({ ...filled, G3: "领导打分" }), resolveSmall);
    expect(outcome.templates[0].meta.rater).toBe("");
    expect(outcome.templates[0].issues).toEqual([expect.objectContaining({ kind: "meta-invalid", cell: "G3", code: "meta:rater" })]);
  });
});
