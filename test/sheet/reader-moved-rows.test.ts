import { scoreWorkbook } from "../../src/sheet/score-workbook";
import type { WorkbookGrid } from "../../src/sheet/types";
import { filled, fixtureBook, insertRows, resolveSmall, scored } from "./grid-fixtures";

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
