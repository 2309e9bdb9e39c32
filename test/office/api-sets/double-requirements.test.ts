/** The double's requirement sets are the annotations of @types/office-js, not a hand-written list. */
import fs from "node:fs";
import { DOUBLE_DIR, REQUIREMENT_SETS_FILE, doubleRequirementSets, requirementSetsSource } from "../../support/office-api-sets/double-requirements";
import { createExcelDouble } from "../../support/excel-double";
import { REQUIREMENT_SETS } from "../../support/excel-double/requirement-sets";

const derived = doubleRequirementSets();

test("requirement-sets.ts is what the annotations say for the members the double implements", () => {
  const expected = requirementSetsSource(derived);
  if (process.env.UPDATE_API_SETS === "1") fs.writeFileSync(REQUIREMENT_SETS_FILE, expected);
  expect(fs.readFileSync(REQUIREMENT_SETS_FILE, "utf8")).toBe(expected);
  expect(REQUIREMENT_SETS).toEqual(derived);
  expect(DOUBLE_DIR).toMatch(/excel-double$/);
});

test("the annotations give the members the add-in depends on their real levels", () => {
  expect(derived).toMatchObject({
    "WorksheetCollection.onChanged": 9,
    "Worksheet.onChanged": 7,
    "WorksheetCollection.onAdded": 7,
    "Worksheet.getRanges": 9,
    "Runtime.enableEvents": 8,
    "Range.dataValidation": 8,
    "Worksheet.getRangeByIndexes": 7,
    "Range.values": 1,
  });
});

async function attempt(apiMinor: number, batch: (context: Excel.RequestContext) => void): Promise<string | null> {
  const excel = createExcelDouble({ apiMinor });
  const restore = excel.install(globalThis);
  try {
    await Excel.run(async (context) => {
      batch(context);
      await context.sync();
    });
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    restore();
  }
}

test.each([
  ["worksheets.onChanged", 9, (context: Excel.RequestContext) => void context.workbook.worksheets.onChanged.add(async () => undefined)],
  ["worksheet.onChanged", 7, (context: Excel.RequestContext) => void context.workbook.worksheets.getItem("Sheet1").onChanged.add(async () => undefined)],
  ["worksheets.onAdded", 7, (context: Excel.RequestContext) => void context.workbook.worksheets.onAdded.add(async () => undefined)],
  ["runtime.load(enableEvents)", 8, (context: Excel.RequestContext) => void context.runtime.load("enableEvents")],
  ["worksheet.getRanges", 9, (context: Excel.RequestContext) => void context.workbook.worksheets.getItem("Sheet1").getRanges("A1:B2, D4")],
])("%s needs ExcelApi 1.%i: ApiNotFound one level below, fine at it", async (_name, needs, batch) => {
  expect(await attempt(needs - 1, batch)).toBe("ApiNotFound");
  expect(await attempt(needs, batch)).toBeNull();
});
