/** text-fit (lines and row heights a text needs), fit-rows (a plan's rows sized from it) and page-fit (print scale). */
import { fitRowHeights } from "../support/fit-rows";
import { fitToWidthScale, printedFontSize } from "../../src/sheet/page-fit";
import { sheetPlan } from "../../src/sheet/sheet-plan";
import { heightNeeded, rowHeightFor, shortenToLines, textWidth, wrappedLines } from "../../src/sheet/text-fit";

const TEN_CJK = "党支部标准化规范化建"; // 10 wide characters

describe("text-fit", () => {
  it("counts wide characters wider than narrow ones, and larger fonts wider still", () => {
    expect(textWidth("abcdefghij")).toBe(10);
    expect(textWidth(TEN_CJK)).toBeGreaterThan(textWidth("abcdefghij") * 1.5);
    expect(textWidth(TEN_CJK, 12)).toBeCloseTo((textWidth(TEN_CJK) * 12) / 10);
  });

  it("wraps into more lines in a narrower column, a larger font or at a line break", () => {
    expect(wrappedLines(TEN_CJK, 40)).toBe(1);
    expect(wrappedLines(TEN_CJK, 10)).toBeGreaterThan(1);
    expect(wrappedLines(TEN_CJK.repeat(2), 20, 14)).toBeGreaterThan(wrappedLines(TEN_CJK.repeat(2), 20, 10));
    expect(wrappedLines(`${TEN_CJK}\n${TEN_CJK}`, 40)).toBe(2);
  });

  // column widths from 0.1 to 40, in tenths
  const widths = [...Array(400).keys()].map((tenth) => (tenth + 1) / 10);

  it("fills a line with whole characters only, as a program wraps: what does not fit starts the next line", () => {
    // the widest column that still holds ten characters but not eleven: almost eleven characters wide
    const holdsTen = widths.filter((width) => wrappedLines(`${TEN_CJK}党`, width) === 2).pop()!;
    expect(wrappedLines(TEN_CJK, holdsTen)).toBe(1);
    // 31 characters: ten a line, then one (by total width they would take three lines)
    expect(wrappedLines(`${TEN_CJK.repeat(3)}党`, holdsTen)).toBe(4);
  });

  it("keeps a number whole: one that does not fit at a line's end starts the next line", () => {
    // the narrowest column that holds ten characters and five digits on one line
    const width = widths.find((candidate) => wrappedLines(`${TEN_CJK}12345`, candidate) === 1)!;
    // seven digits go whole to the second line, which then cannot hold all ten characters after them
    expect(wrappedLines(`${TEN_CJK}1234567${TEN_CJK}`, width)).toBe(3);
    // a number longer than a line is broken inside after all
    expect(wrappedLines("1".repeat(100), 10)).toBeGreaterThan(10);
  });

  it("counts the quotes, dashes and ≥ of Chinese text as wide, as they are drawn", () => {
    expect(textWidth("“数量”")).toBe(textWidth("数量数量"));
    expect(textWidth("≥4次")).toBe(textWidth("次4次"));
    expect(textWidth("0–20")).toBe(textWidth("0次20"));
  });

  it("gives a row the height of its tallest text; text not wrapped takes one line", () => {
    const narrow = { text: TEN_CJK.repeat(3), width: 10, fontSize: 11, wrap: true };
    expect(heightNeeded([narrow, { ...narrow, text: "短" }])).toBe(rowHeightFor(wrappedLines(narrow.text, 10, 11), 11));
    expect(heightNeeded([{ ...narrow, wrap: false }])).toBe(rowHeightFor(1, 11));
  });

  it("shortens a text to the lines given, ending in …, and leaves a short one alone", () => {
    const long = TEN_CJK.repeat(6);
    const short = shortenToLines(long, 16, 2, 11);
    expect(short.endsWith("…")).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(wrappedLines(short, 16, 11)).toBeLessThanOrEqual(2);
    expect(shortenToLines("已命名", 16, 2, 11)).toBe("已命名");
  });
});

describe("fitRowHeights", () => {
  const styles = { wrap: { wrap: true }, plain: {}, big: { fontSize: 16 } };

  it("sizes rows with wrapped text, across merged columns, and keeps taller planned heights", () => {
    const text = TEN_CJK.repeat(4);
    const sheet = fitRowHeights(
      sheetPlan({
        name: "s",
        styles,
        columnWidths: [10, 10, 10],
        cells: [[{ value: text, style: "wrap" }], [{ value: text, style: "wrap" }], [{ value: text, style: "plain" }], [{ value: "短", style: "wrap" }], [{ value: "标题", style: "big" }]],
        merges: ["A2:C2"],
        rowHeights: { 3: 40 },
      }),
    );
    expect(sheet.rowHeights[0]).toBe(rowHeightFor(wrappedLines(text, 10, 11), 11));
    // merged over three columns: fewer lines
    expect(sheet.rowHeights[1]).toBe(rowHeightFor(wrappedLines(text, 30, 11), 11));
    expect(sheet.rowHeights[1]).toBeLessThan(sheet.rowHeights[0]);
    // one line of the default font keeps the default height; a planned taller height stays
    expect(sheet.rowHeights[2]).toBeUndefined();
    expect(sheet.rowHeights[3]).toBe(40);
    expect(sheet.rowHeights[4]).toBe(rowHeightFor(1, 16));
  });
});

describe("page-fit", () => {
  it("prints narrow sheets at full size and wide ones scaled down to the page width", () => {
    expect(fitToWidthScale([10, 10], "landscape")).toBe(1);
    expect(fitToWidthScale([200], "landscape")).toBeLessThan(1);
    expect(fitToWidthScale([100], "portrait")).toBeLessThan(fitToWidthScale([100], "landscape"));
    expect(printedFontSize([400], "landscape")).toBeCloseTo(printedFontSize([200], "landscape") / 2);
  });
});
