/** The sheet-name rules both hosts apply (an .xlsx from the CLI and a sheet inserted through Office.js). */
import { uniqueSheetName, validSheetName } from "../../src/sheet/sheet-names";

test("forbidden characters become _, quotes at the ends go, History and empty names are refused", () => {
  expect(validSheetName("评分:2024/自评")).toBe("评分_2024_自评");
  expect(validSheetName("'汇总'")).toBe("汇总");
  expect(validSheetName("history")).toBe("Sheet");
  expect(validSheetName("''")).toBe("Sheet");
});

test("names are cut to 31 characters, and the (n) suffix still fits", () => {
  const long = "机电工程学院教工第一党支部两化一创评分表自评考评测评汇总统计问题";
  expect(Array.from(validSheetName(long))).toHaveLength(31);
  const second = uniqueSheetName(long, [validSheetName(long)]);
  expect(Array.from(second)).toHaveLength(31);
  expect(second.endsWith(" (2)")).toBe(true);
});

test("taken names are compared without regard to case", () => {
  expect(uniqueSheetName("Sheet1", ["SHEET1", "sheet1 (2)"])).toBe("Sheet1 (3)");
  expect(uniqueSheetName("两化一创评分表", new Set(["两化一创评分表"]))).toBe("两化一创评分表 (2)");
});
