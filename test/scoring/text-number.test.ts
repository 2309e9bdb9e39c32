import { parseTextNumber, proposedNumber } from "../../src/scoring/text-number";

describe("parseTextNumber converts unambiguous text numbers", () => {
  test.each([
    ["2", 2],
    ["1.5 ", 1.5],
    ["  0.5", 0.5],
    ["２．５", 2.5],
    ["１.5分", 1.5],
    ["2分", 2],
    ["1.5 分", 1.5],
    ["1.5\u3000分", 1.5],
    ["+1", 1],
    ["＋３", 3],
    ["-1", -1],
    ["\u30002\u3000", 2],
    [".5", 0.5],
    ["10", 10],
  ])("%j → %p", (text, expected) => {
    expect(parseTextNumber(text)).toBe(expected);
  });
});

describe("parseTextNumber refuses ambiguous text", () => {
  test.each([
    "1-2",
    "约2",
    "2,5",
    "1,000",
    "两分",
    "1.2.3",
    "",
    "   ",
    "分",
    "2。5",
    "1e3",
    "2分2",
    "扣2分",
    "0.5-1",
    "++1",
    "是",
  ])("%j stays text", (text) => {
    expect(parseTextNumber(text)).toBeNull();
  });
});

describe("proposedNumber: the number a text in a numeric input probably means", () => {
  test.each([
    ["1.5分", 1.5],
    ["２．５", 2.5],
    ["96%", 96],
    ["９６％", 96],
  ])("%j → %p", (text, expected) => {
    expect(proposedNumber(text)).toBe(expected);
  });
  test.each(["约2", "1-2", "%", "#N/A"])("%j → none", (text) => {
    expect(proposedNumber(text)).toBeNull();
  });
});
