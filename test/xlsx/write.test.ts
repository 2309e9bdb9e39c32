/** writePlanToFile: what ExcelJS, LibreOffice and Gnumeric find in the file a plan produces. */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { writePlanToBuffer, writePlanToFile, xlsxSkippedFeatures } from "../../src/hosts/xlsx/write";
import { entryData, readZipDirectory } from "../../src/hosts/xlsx/zip-directory";
import type { Grid, SheetPlan, WorkbookPlan } from "../../src/sheet/types";
import { fillWithOpenpyxl, recalcWithGnumeric, recalcWithLibreOffice } from "../support/spreadsheet-programs";
import { META_SHEET, samplePlan, SCORING_SHEET, TEXT_LOOKING_LIKE_FORMULAS } from "./sample-plan";

const workDir = mkdtempSync(join(tmpdir(), "bs-xlsx-write-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function writeSample(name: string): Promise<string> {
  const path = join(workDir, name);
  await writePlanToFile(samplePlan(), path);
  return path;
}

async function openWithExcelJS(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

/** One XML part of the package, unpacked with Node's zlib (no second zip library). */
async function partOf(path: string, part: string): Promise<string> {
  const bytes = readFileSync(path);
  const entry = readZipDirectory(bytes).find((candidate) => candidate.name === part);
  if (!entry) throw new Error(`${path} has no ${part}`);
  const data = entryData(bytes, entry);
  return (entry.method === 8 ? inflateRawSync(data) : data).toString("utf8");
}

/** Reads the cell's format record straight from the XML (ExcelJS does not parse LibreOffice's "true"/"false"). */
async function isUnlockedInFile(path: string, address: string): Promise<boolean> {
  const sheetXml = await partOf(path, "xl/worksheets/sheet1.xml");
  const styleIndex = Number(new RegExp(`<c r="${address}"[^>]*? s="(\\d+)"`).exec(sheetXml)?.[1] ?? 0);
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(await partOf(path, "xl/styles.xml"))![1];
  const formats = cellXfs.split(/<xf\b/).slice(1);
  return /<protection[^>]*locked="(0|false)"/.test(formats[styleIndex]);
}

/** Cell by A1 address from a grid read back by our reader. */
function at(grid: Grid, address: string): unknown {
  const match = /^([A-Z])(\d+)$/.exec(address)!;
  return grid.values[Number(match[2]) - 1]?.[match[1].charCodeAt(0) - 65] ?? null;
}

function sheetOf(grids: Grid[], name: string): Grid {
  const grid = grids.find((sheet) => sheet.name === name);
  if (!grid) throw new Error(`no sheet ${name} in ${grids.map((sheet) => sheet.name).join(", ")}`);
  return grid;
}

type WithValidation = ExcelJS.Cell & { dataValidation?: ExcelJS.DataValidation };

describe("the file ExcelJS reopens", () => {
  let book: ExcelJS.Workbook;
  let scoring: ExcelJS.Worksheet;
  let path: string;

  beforeAll(async () => {
    path = await writeSample("sample.xlsx");
    book = await openWithExcelJS(path);
    scoring = book.getWorksheet(SCORING_SHEET)!;
  });

  test("has the planned sheets in order, _meta hidden, the scoring sheet active", async () => {
    expect(book.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      [SCORING_SHEET, "visible"],
      [META_SHEET, "hidden"],
    ]);
    const workbookXml = await partOf(path, "xl/workbook.xml");
    expect(workbookXml).toMatch(/activeTab="0"/);
    expect(workbookXml).toMatch(/fullCalcOnLoad="1"/);
  });

  test("keeps values, and formulas without cached results", () => {
    expect(scoring.getCell("A1").value).toBe("测试评分表");
    expect(scoring.getCell("C3").value).toBe(5);
    expect(scoring.getCell("E3").formula).toBe("MAX(0,C3-D3)");
    expect(scoring.getCell("E3").result).toBeUndefined();
    expect(scoring.getCell("E5").formula).toBe('IF(D5="是","不得参评","")');
  });

  test("keeps text that begins with = + - @ as text", () => {
    for (const [address, text] of Object.entries(TEXT_LOOKING_LIKE_FORMULAS)) {
      expect(scoring.getCell(address).type).toBe(ExcelJS.ValueType.String);
      expect(scoring.getCell(address).value).toBe(text);
    }
  });

  test("applies styles, widths, heights, merges and frozen panes", () => {
    expect(scoring.getCell("D3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    expect(scoring.getCell("A1").font).toMatchObject({ bold: true, size: 16 });
    expect(scoring.getCell("E3").numFmt).toBe("0.0#");
    expect(scoring.getCell("B2").border?.left).toMatchObject({ style: "thin" });
    expect(scoring.getColumn(2).width).toBe(30);
    expect(scoring.getRow(1).height).toBe(28);
    expect(scoring.model.merges).toContain("A1:F1");
    expect(scoring.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
  });

  test("carries each kind of data validation with prompt and error", () => {
    const deduction = (scoring.getCell("D4") as WithValidation).dataValidation;
    expect(deduction).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 5],
      showInputMessage: true,
      promptTitle: "扣分",
      showErrorMessage: true,
      errorTitle: "扣分无效",
    });
    expect((scoring.getCell("D5") as WithValidation).dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect((scoring.getCell("F3") as WithValidation).dataValidation).toMatchObject({ type: "whole", formulae: [0, 99] });
    expect((scoring.getCell("B8") as WithValidation).dataValidation).toMatchObject({ type: "custom", formulae: ["LEN(B8)<=20"] });
    expect((scoring.getCell("E3") as WithValidation).dataValidation).toBeUndefined();
  });

  test("has the conditional format as an expression rule", () => {
    // present at runtime, missing from ExcelJS's typings
    const [format] = (scoring as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    expect(format.ref).toBe("E3:E4");
    expect(format.rules[0]).toMatchObject({ type: "expression", formulae: ["E3<C3"] });
  });

  test("is protected without a password, inputs unlocked, everything else locked", () => {
    const protection = (scoring as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection.sheet).toBe(true);
    expect(protection.hashValue).toBeUndefined();
    for (const input of ["D3", "D4", "D5", "F3", "B8"]) expect(scoring.getCell(input).protection).toMatchObject({ locked: false });
    for (const fixed of ["A3", "C3", "E3", "E6"]) expect(scoring.getCell(fixed).protection?.locked).not.toBe(false);
    expect((book.getWorksheet(META_SHEET) as unknown as { sheetProtection?: unknown }).sheetProtection).toBeFalsy();
  });

  test("prints on A4 landscape, one page wide, header rows repeated", () => {
    expect(scoring.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:2",
    });
  });

  test("fills name cells with the sheet's final name", () => {
    expect(book.getWorksheet(META_SHEET)!.getCell("B3").value).toBe(SCORING_SHEET);
  });
});

describe("real spreadsheet programs", () => {
  test("LibreOffice computes the totals, and keeps validation, protection and the hidden sheet", async () => {
    const recalculated = await recalcWithLibreOffice(await writeSample("for-libreoffice.xlsx"));
    const scoring = sheetOf((await readWorkbookFile(recalculated)).sheets, SCORING_SHEET);
    // 分值 5 and 3, nothing deducted yet
    expect([at(scoring, "E3"), at(scoring, "E4"), at(scoring, "C6"), at(scoring, "E6")]).toEqual([5, 3, 8, 8]);
    expect(at(scoring, "B4")).toBe(TEXT_LOOKING_LIKE_FORMULAS.B4);
    expect(scoring.formulas[3][1]).toBeNull();

    const book = await openWithExcelJS(recalculated);
    const sheet = book.getWorksheet(SCORING_SHEET)!;
    expect(book.getWorksheet(META_SHEET)!.state).toBe("hidden");
    expect((sheet.getCell("D3") as WithValidation).dataValidation).toMatchObject({ type: "decimal", formulae: [0, 5] });
    expect((sheet.getCell("D5") as WithValidation).dataValidation).toMatchObject({ type: "list" });
    // LibreOffice writes sheet="true", which ExcelJS does not parse: look at the XML itself
    expect(await partOf(recalculated, "xl/worksheets/sheet1.xml")).toMatch(/<sheetProtection [^>]*sheet="(1|true)"/);
    expect(await isUnlockedInFile(recalculated, "D3")).toBe(true);
    expect(await isUnlockedInFile(recalculated, "E3")).toBe(false);
  });

  test("inputs written by another program flow through the formulas", async () => {
    const filled = join(workDir, "filled.xlsx");
    await fillWithOpenpyxl(await writeSample("to-fill.xlsx"), filled, { D3: 1.5, D5: "是" }, SCORING_SHEET);
    const scoring = sheetOf((await readWorkbookFile(await recalcWithLibreOffice(filled))).sheets, SCORING_SHEET);
    // 5 − 1.5 = 3.5; 3.5 + 3 = 6.5; the veto answered 是
    expect([at(scoring, "E3"), at(scoring, "E6"), at(scoring, "E5")]).toEqual([3.5, 6.5, "不得参评"]);
  });

  test("Gnumeric computes the same totals", async () => {
    const scoring = sheetOf((await readWorkbookFile(await recalcWithGnumeric(await writeSample("for-gnumeric.xlsx")))).sheets, SCORING_SHEET);
    expect([at(scoring, "E3"), at(scoring, "E4"), at(scoring, "E6")]).toEqual([5, 3, 8]);
  });
});

describe("plans the host must adjust or refuse", () => {
  const blankSheet = (name: string, visibility: SheetPlan["visibility"] = "visible"): SheetPlan => ({
    name,
    visibility,
    cells: [[{ value: name }]],
    styles: {},
    columnWidths: [],
    rowHeights: {},
    merges: [],
    validations: [],
    conditionalFormats: [],
    unlocked: [],
    protect: false,
  });

  test("sheet names Excel forbids or repeats are made valid and unique, and name cells follow", async () => {
    const plan: WorkbookPlan = {
      sheets: [blankSheet("评分:2024/自评"), blankSheet("评分:2024/自评"), blankSheet("_meta", "hidden")],
      activate: "评分:2024/自评",
      nameCells: [{ sheet: "_meta", address: "B1", refersTo: "评分:2024/自评" }],
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writePlanToBuffer(plan)) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["评分_2024_自评", "评分_2024_自评 (2)", "_meta"]);
    expect(book.getWorksheet("_meta")!.getCell("B1").value).toBe("评分_2024_自评");
  });

  test("charts are reported as skipped, in Chinese", () => {
    const withChart: WorkbookPlan = {
      sheets: [{ ...blankSheet("汇总"), charts: [{ type: "column", title: "得分", source: "A1:B3", anchor: "D2" }] }],
      activate: "汇总",
    };
    expect(xlsxSkippedFeatures(withChart)).toEqual([expect.stringContaining("图表")]);
    expect(xlsxSkippedFeatures(samplePlan())).toEqual([]);
  });

  test("an unknown style id is an error naming the sheet", async () => {
    const plan: WorkbookPlan = { sheets: [{ ...blankSheet("表"), cells: [[{ value: 1, style: "missing" }]] }], activate: "表" };
    await expect(writePlanToBuffer(plan)).rejects.toThrow(/表.*missing/);
  });
});
