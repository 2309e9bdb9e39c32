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

  test("reads every string exactly as the rule it states: trimmed, upper-cased, $? letters{1,3} $? digits without a leading 0", () => {
    // the rule as a regular expression, which parseA1 once was; its hand-written scan must agree on everything
    const byRule = (address: string) => {
      const match = /^\$?([A-Z]{1,3})\$?([1-9][0-9]*)$/.exec(address.trim().toUpperCase());
      if (!match) return null;
      const column = [...match[1]].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
      return { row: Number(match[2]) - 1, column: column - 1 };
    };
    // every string of up to 4 of these characters: letters of both cases, digits, $, spaces (ASCII and full-width),
    // and letters that upper-case to ASCII ones (ß → SS, ı → I)
    const alphabet = ["A", "z", "$", "0", "1", "9", " ", "\u3000", "ß", "ı", ":"];
    let strings = [""];
    const differing: string[] = [];
    for (let length = 0; length <= 4; length++) {
      for (const address of strings) if (JSON.stringify(parseA1(address)) !== JSON.stringify(byRule(address))) differing.push(address);
      strings = strings.flatMap((prefix) => alphabet.map((character) => prefix + character));
    }
    for (const address of ["XFD1048576", "AAAA1", "A01", "$A$1", "A1$", "$$A1", " f12\t", "A99999999999999999999"]) {
      if (JSON.stringify(parseA1(address)) !== JSON.stringify(byRule(address))) differing.push(address);
    }
    expect(differing).toEqual([]);
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
