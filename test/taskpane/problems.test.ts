import { canSelect, countBySeverity, sortProblems } from "../../src/taskpane/views/scoring/problems";
import { issue } from "./fixtures";

describe("sortProblems", () => {
  test("errors first, then top to bottom and left to right, cell-less problems last, ties in input order", () => {
    const input = [
      issue("warning", "W-top", "B2"),
      issue("error", "E-none", null),
      issue("error", "E-row10-colB", "B10"),
      issue("error", "E-row9-colAA", "AA9"),
      issue("warning", "W-none", null),
      issue("error", "E-row10-colB-second", "B10"),
      issue("error", "E-row10-colA", "A10"),
    ];
    expect(sortProblems(input).map((problem) => problem.code)).toEqual([
      "E-row9-colAA",
      "E-row10-colA",
      "E-row10-colB",
      "E-row10-colB-second",
      "E-none",
      "W-top",
      "W-none",
    ]);
    expect(input[0].code).toBe("W-top"); // the input is not reordered in place
  });
});

describe("countBySeverity and canSelect", () => {
  test("counts each severity", () => {
    expect(countBySeverity([issue("error", "a", "A1"), issue("warning", "b", null), issue("error", "c", null)])).toEqual({
      error: 2,
      warning: 1,
    });
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0 });
  });

  test("only a single-cell address can be selected", () => {
    expect(canSelect(issue("error", "a", "F12"))).toBe(true);
    expect(canSelect(issue("error", "a", null))).toBe(false);
    expect(canSelect(issue("error", "a", "F12:F14"))).toBe(false);
  });
});
