/** The double keeps Office.js semantics: load + sync, errors at sync, protection, events, user controls. */
import type { ExcelDouble } from "../support/excel-double";
import { createExcelDouble } from "../support/excel-double";

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

function setup(options?: Parameters<typeof createExcelDouble>[0]): { excel: ExcelDouble; run: Run } {
  const excel = createExcelDouble(options);
  return { excel, run: (excel.Excel as unknown as { run: Run }).run };
}

test("properties throw until loaded and synced; writes show only after sync; the counter counts syncs", async () => {
  const { excel, run } = setup();
  await run(async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
    range.values = [["x", 2]];
    range.load("values");
    expect(() => range.values).toThrow(/not available/);
    await context.sync();
    expect(range.values).toEqual([["x", 2]]);
  });
  expect(excel.syncCount()).toBe(1);
  expect(excel.payloadBytes()).toBeGreaterThan(0);
});

test("a load queued before a write sees the old value: operations apply in order", async () => {
  const { run } = setup();
  await run(async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    const before = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    before.load("values");
    range.values = [[5]];
    range.load("values");
    await context.sync();
    expect(before.values).toEqual([[""]]);
    expect(range.values).toEqual([[5]]);
  });
});

test("errors arise at sync with Office codes", async () => {
  const { run } = setup();
  const codeOf = (batch: (context: Excel.RequestContext) => void) =>
    run(async (context) => {
      batch(context);
      await context.sync();
    }).then(
      () => "no error",
      (error: { code: string }) => error.code,
    );
  expect(await codeOf((c) => c.workbook.worksheets.add("sheet1"))).toBe("ItemAlreadyExists");
  expect(await codeOf((c) => c.workbook.worksheets.getItem("nope").load("name"))).toBe("ItemNotFound");
  expect(await codeOf((c) => (c.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]]))).toBe("InvalidArgument");
  expect(
    await codeOf((c) => {
      const sheet = c.workbook.worksheets.getItem("Sheet1");
      sheet.protection.protect();
      sheet.protection.protect();
    }),
  ).toBe("InvalidOperation");
  // the sheet is protected now, and A1 is locked
  expect(await codeOf((c) => (c.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]]))).toBe("AccessDenied");
});

test("text rules of Excel: formulas from =, numbers from numeric text, an apostrophe keeps text", async () => {
  const { excel, run } = setup();
  await run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1").values = [["=1+1", "1.10", "'1.10", "'=x", "+a"]];
    await context.sync();
  });
  const state = excel.getSheetState("Sheet1");
  expect(state.formulas[0]).toEqual(["=1+1", null, null, null, "=+a"]);
  expect(state.values[0].slice(1, 4)).toEqual([1.1, "1.10", "=x"]);
});

test("ExcelApi gating: data validation below 1.8 fails at sync, isSetSupported follows apiMinor", async () => {
  const { excel, run } = setup({ apiMinor: 7 });
  const requirements = (excel.Office as unknown as typeof Office).context.requirements;
  expect(requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
  expect(requirements.isSetSupported("ExcelApi", "1.8")).toBe(false);
  await expect(
    run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThan" } };
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "ApiNotFound" });
});

test("userEdit respects protection and fires one change event per edit, with the block's address", async () => {
  const { excel, run } = setup();
  const seen: string[] = [];
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("B2:C3").format.protection.locked = false;
    sheet.protection.protect();
    context.workbook.worksheets.onChanged.add(async (event) => {
      seen.push(String(event.address));
    });
    await context.sync();
  });
  expect(excel.userEdit("Sheet1", "B2:C3", [[1, 2], [3, "四"]])).toBe(true);
  expect(excel.userEdit("Sheet1", "A1", "x")).toBe(false);
  await excel.settle();
  expect(seen).toEqual(["B2:C3"]);
  expect(excel.getSheetState("Sheet1").values).toEqual([[null, null, null], [null, 1, 2], [null, 3, "四"]]);
});

test("events can be turned off (ExcelApi 1.8) and handlers removed", async () => {
  const { excel, run } = setup();
  const seen: string[] = [];
  const registration = await run(async (context) => {
    const result = context.workbook.worksheets.onChanged.add(async (event) => {
      seen.push(String(event.address));
    });
    context.runtime.enableEvents = false;
    await context.sync();
    return result;
  });
  excel.userEdit("Sheet1", "A1", 1);
  await excel.settle();
  expect(seen).toEqual([]);
  await run(async (context) => {
    context.runtime.enableEvents = true;
    await context.sync();
  });
  excel.userEdit("Sheet1", "A2", 2);
  await excel.settle();
  expect(seen).toEqual(["A2"]);
  await (excel.Excel as unknown as { run: (ctx: unknown, batch: (c: Excel.RequestContext) => Promise<void>) => Promise<void> }).run(
    registration.context,
    async (context) => {
      registration.remove();
      await context.sync();
    },
  );
  expect(excel.activeHandlerCount()).toBe(0);
});

test("cell-edit mode fails every batch with InvalidOperationInCellEditMode", async () => {
  const { excel, run } = setup();
  excel.enterCellEditMode();
  await expect(
    run(async (context) => {
      context.workbook.worksheets.load("items/name");
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  excel.exitCellEditMode();
  const names = await run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    return worksheets.items.map((sheet) => sheet.name);
  });
  expect(names).toEqual(["Sheet1"]);
});

test("hiding or deleting the last visible sheet is refused", async () => {
  const { run } = setup();
  await expect(
    run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").visibility = "Hidden";
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "InvalidOperation" });
  await expect(
    run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").delete();
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "InvalidOperation" });
});
