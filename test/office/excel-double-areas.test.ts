/** The double's RangeAreas (worksheet.getRanges, ExcelApi 1.9) and Range.columnHidden, which the Office host relies on. */
import type { ExcelDouble } from "../support/excel-double";
import { createExcelDouble } from "../support/excel-double";

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

function setup(options?: Parameters<typeof createExcelDouble>[0]): { excel: ExcelDouble; run: Run } {
  const excel = createExcelDouble(options);
  return { excel, run: (excel.Excel as unknown as { run: Run }).run };
}

test("one getRanges action formats every area, each with its own edges, and nothing between them", async () => {
  const { excel, run } = setup();
  await run(async (context) => {
    const areas = context.workbook.worksheets.getItem("Sheet1").getRanges("A1:B2, D4");
    areas.format.font.bold = true;
    areas.format.fill.color = "#ffeb9c";
    areas.format.borders.getItem("EdgeTop").style = "Continuous";
    areas.format.rowHeight = 30;
    await context.sync();
  });
  const state = excel.getSheetState("Sheet1");
  for (const address of ["A1", "B2", "D4"]) expect(state.cell(address).format).toMatchObject({ bold: true, fill: "#FFEB9C" });
  for (const address of ["C3", "D3", "C4"]) expect(state.cell(address).format.bold).toBeUndefined();
  expect(state.cell("A1").format.borders?.top).toBe(true);
  expect(state.cell("A2").format.borders?.top).toBeUndefined();
  expect(state.cell("D4").format.borders?.top).toBe(true);
  expect(state.rowHeights).toEqual({ 0: 30, 1: 30, 3: 30 });
});

test("getRanges needs ExcelApi 1.9 and a valid address of at most 8192 characters", async () => {
  const old = setup({ apiMinor: 8 });
  await expect(old.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRanges("A1").format.font.bold = true;
    await context.sync();
  })).rejects.toMatchObject({ code: "ApiNotFound" });
  const { run } = setup();
  const tooLong = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(",");
  await expect(run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRanges(tooLong).format.font.bold = true;
    await context.sync();
  })).rejects.toMatchObject({ code: "InvalidArgument" });
  await expect(run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRanges("A1,nonsense").format.font.bold = true;
    await context.sync();
  })).rejects.toMatchObject({ code: "InvalidArgument" });
});

test("unlocking through RangeAreas unlocks exactly its cells", async () => {
  const { excel, run } = setup();
  await run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRanges("B2,D2:D3").format.protection.locked = false;
    await context.sync();
  });
  const state = excel.getSheetState("Sheet1");
  expect(["B2", "D2", "D3", "C2"].map((address) => state.cell(address).locked)).toEqual([false, false, false, true]);
});

test("columnHidden hides whole columns, and a protected sheet refuses it unless formatting columns is allowed", async () => {
  const { excel, run } = setup({ sheets: ["Sheet1", "Sheet2"] });
  await run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("J:L").columnHidden = true;
    await context.sync();
  });
  expect(excel.getSheetState("Sheet1").hiddenColumns).toEqual([9, 10, 11]);
  await expect(run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet2");
    sheet.protection.protect({ allowFormatCells: true });
    sheet.getRange("B:B").columnHidden = true;
    await context.sync();
  })).rejects.toMatchObject({ code: "AccessDenied" });
  expect(excel.getSheetState("Sheet2").hiddenColumns).toEqual([]);
});
