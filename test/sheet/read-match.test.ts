/** The one meta↔sheet matching rule, as the whole-workbook reader (CLI, compile) and the live pane apply it. */
import { readScoringWorkbook } from "../../src/sheet/reader";
import { findTemplate, metaCandidates, readTemplate } from "../../src/taskpane/views/scoring/template-reading";
import { filled, fixtureBook, gridOf, metaGrid, fixtureMetaRows, resolveSmall, scoringCells } from "./grid-fixtures";

const book = fixtureBook(filled);
const [scoringSheet, meta] = book.sheets;
/** 3 of the fixture scheme's 11 codes: less than half */
const draft = gridOf("草稿", { A1: "1.1", A2: "1.2", A3: "V1" });

describe("the whole-workbook reader", () => {
  test("the sheet key names the sheet without regard to case, as Excel compares names", () => {
    const upper = { sheets: [{ ...scoringSheet, name: "ABC" }, metaGrid(fixtureMetaRows({}, "abc"))] };
    const outcome = readScoringWorkbook(upper, resolveSmall);
    expect(outcome.templates.map((template) => [template.sheet, template.issues])).toEqual([["ABC", []]]);
  });

  test("a sheet carrying fewer than half of the scheme's codes is not taken for a renamed scoring sheet", () => {
    const outcome = readScoringWorkbook({ sheets: [draft, meta] }, resolveSmall);
    expect(outcome.templates).toEqual([]);
    expect(outcome.failures.map((failure) => failure.reason)).toEqual(["no-sheet"]);
  });

  test("of two sheets carrying the codes, the one carrying more", () => {
    const partial = gridOf("副本", { A1: "1", A2: "1.1", A3: "1.1-1", A4: "1.1-2", A5: "1.2", A6: "1.2-1" });
    const renamed = { ...scoringSheet, name: "2024年评分" };
    const outcome = readScoringWorkbook({ sheets: [partial, renamed, meta] }, resolveSmall);
    expect(outcome.templates.map((template) => template.sheet)).toEqual(["2024年评分"]);
  });

  test("without a sheet key and no sheet carrying the codes: not read, and the message says so", () => {
    const outcome = readScoringWorkbook({ sheets: [draft, metaGrid(fixtureMetaRows({ sheet: null }))] }, resolveSmall);
    expect(outcome.failures.map((failure) => [failure.reason, failure.message])).toEqual([
      ["no-sheet", "「_meta」没有记录评分表工作表，也找不到带有本方案编号的工作表"],
    ]);
  });
});

describe("the live pane, which reads only the active sheet and the metas", () => {
  test("a renamed scoring sheet is its orphaned meta's template, with the reader's warning", () => {
    const renamed = { ...scoringSheet, name: "2024年评分" };
    const candidates = metaCandidates(renamed.name, [meta], ["2024年评分", "_meta"]);
    expect(candidates.orphaned).toHaveLength(1);
    const reading = findTemplate(renamed, candidates, resolveSmall);
    if (reading.kind !== "template") throw new Error(`expected a template, got ${reading.kind}`);
    expect(reading.template.sheet).toBe("2024年评分");
    expect(reading.template.score.result.issues.map((issue) => issue.code)).toEqual(["meta:sheet"]);
  });

  test("an ordinary sheet with a few of the codes is not a template", () => {
    const candidates = metaCandidates(draft.name, [meta], ["草稿", "_meta"]);
    expect(findTemplate(draft, candidates, resolveSmall)).toEqual({ kind: "not-template" });
  });

  test("the named sheet is matched without regard to case; 定稿 comes from the reader", () => {
    const finalMeta = metaGrid([...fixtureMetaRows({}, "abc"), ["status", "final"]]);
    const sheet = gridOf("ABC", { ...scoringCells(), ...filled });
    const candidates = metaCandidates("ABC", [finalMeta], ["ABC", "_meta"]);
    expect(candidates.named).toHaveLength(1);
    const reading = readTemplate(sheet, finalMeta, resolveSmall);
    if (reading.kind !== "template") throw new Error(`expected a template, got ${reading.kind}`);
    expect(reading.template.view.finalized).toBe(true);
  });
});
