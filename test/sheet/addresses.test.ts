/** The one A1 module every layer uses (planner, reader, hosts, summary, task pane): 0-based rows and columns. */
import { a1, columnLetter, parseA1, rowSpan, splitAreas } from "../../src/sheet/addresses";

describe("parseA1", () => {
  test("reads columns beyond Z and absolute references, in any case", () => {
    expect(parseA1("F12")).toEqual({ row: 11, column: 5 });
    expect(parseA1("$AA$3")).toEqual({ row: 2, column: 26 });
    expect(parseA1("xfd1048576")).toEqual({ row: 1048575, column: 16383 });
  });

  test("refuses ranges, sheet names and row zero", () => {
    expect(parseA1("F12:G13")).toBeNull();
    expect(parseA1("Sheet1!F12")).toBeNull();
    expect(parseA1("F0")).toBeNull();
    expect(parseA1("")).toBeNull();
  });
});

describe("columnLetter and a1", () => {
  test("letters at the 26-letter boundaries", () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
  });

  test("a1 and parseA1 are inverse for every column Excel has", () => {
    for (let column = 0; column < 16384; column += 37) {
      expect(parseA1(a1(column * 3, column))).toEqual({ row: column * 3, column });
    }
  });
});

test("rowSpan gives a single address for one cell, a range otherwise", () => {
  expect(rowSpan(2, 1, 1)).toBe("B3");
  expect(rowSpan(2, 1, 3)).toBe("B3:D3");
});

test("splitAreas reads space- and comma-separated area lists", () => {
  expect(splitAreas("F8:F9 F12")).toEqual(["F8:F9", "F12"]);
  expect(splitAreas("F8:F9, F12,,H1")).toEqual(["F8:F9", "F12", "H1"]);
  expect(splitAreas("")).toEqual([]);
});
