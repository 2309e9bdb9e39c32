/** The test helpers themselves: do the real programs really recalculate, and does openpyxl really write? */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  convertToPdfAndPng,
  fillWithOpenpyxl,
  insertRowsWithOpenpyxl,
  recalcManyWithLibreOffice,
  recalcWithGnumeric,
  recalcWithLibreOffice,
  runProgram,
} from "../support/spreadsheet-programs";

const workDir = mkdtempSync(join(tmpdir(), "bs-programs-test-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** A1 × A2 in A3, with a deliberately wrong cached result, so only a real recalculation gives the product. */
async function writeStaleWorkbook(name: string, a1: number, a2: number): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("评分");
  sheet.getCell("A1").value = a1;
  sheet.getCell("A2").value = a2;
  sheet.getCell("A3").value = { formula: "A1*A2", result: 999 };
  const path = join(workDir, name);
  await book.xlsx.writeFile(path);
  return path;
}

async function cell(path: string, address: string, sheetName = "评分"): Promise<ExcelJS.CellValue> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book.getWorksheet(sheetName)!.getCell(address).value;
}

test("LibreOffice recalculates formulas whose cached results are wrong, without touching the input", async () => {
  const input = await writeStaleWorkbook("stale.xlsx", 2, 3.5);
  const before = readFileSync(input);
  const output = await recalcWithLibreOffice(input);
  expect(output).not.toBe(input);
  expect(await cell(output, "A3")).toEqual({ formula: "A1*A2", result: 7 });
  expect(readFileSync(input).equals(before)).toBe(true);
});

test("one LibreOffice start recalculates a batch of files", async () => {
  const first = await writeStaleWorkbook("batch-1.xlsx", 4, 5);
  const second = await writeStaleWorkbook("batch-2.xlsx", 6, 7);
  const outputs = await recalcManyWithLibreOffice([first, second], join(workDir, "batch-out"));
  expect(await cell(outputs[0], "A3")).toEqual({ formula: "A1*A2", result: 20 });
  expect(await cell(outputs[1], "A3")).toEqual({ formula: "A1*A2", result: 42 });
});

test("Gnumeric recalculates too", async () => {
  const input = await writeStaleWorkbook("gnumeric.xlsx", 1.5, 4);
  const output = await recalcWithGnumeric(input);
  expect(await cell(output, "A3")).toEqual({ formula: "A1*A2", result: 6 });
});

test("openpyxl fills numbers, text and blanks, and inserts rows", async () => {
  const input = await writeStaleWorkbook("fill.xlsx", 2, 3);
  const filled = join(workDir, "filled.xlsx");
  await fillWithOpenpyxl(input, filled, { A1: 10, B1: "扣分理由", A2: null });
  expect(await cell(filled, "A1")).toBe(10);
  expect(await cell(filled, "B1")).toBe("扣分理由");
  expect(await cell(filled, "A2")).toBeNull();

  const shifted = join(workDir, "shifted.xlsx");
  await insertRowsWithOpenpyxl(filled, shifted, "评分", 1, 2);
  expect(await cell(shifted, "A3")).toBe(10);
  expect(await cell(shifted, "B3")).toBe("扣分理由");
  expect(await cell(shifted, "A1")).toBeNull();
});

test("openpyxl refuses to write over its input", async () => {
  const input = await writeStaleWorkbook("same.xlsx", 1, 1);
  await expect(fillWithOpenpyxl(input, input, { A1: 5 })).rejects.toThrow(/refusing to overwrite/);
});

test("a workbook renders to PDF and a PNG of its first page", async () => {
  const { pdf, png } = await convertToPdfAndPng(await writeStaleWorkbook("render.xlsx", 1, 2), join(workDir, "shots", "render.png"));
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  expect(readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
});

test("a program's Chinese output comes back whole, however the pipe cuts it into chunks (pdftotext of a long summary)", async () => {
  // a byte more than a pipe's 64 KiB chunk before the first character, so at least one is split across two chunks
  const text = `${"a".repeat(65_537)}${"党支部考评".repeat(20_000)}`;
  const { stdout } = await runProgram("cat", [], text);
  expect(stdout.length).toBe(text.length);
  expect(stdout).toBe(text);
});
