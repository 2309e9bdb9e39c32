/** SheetPlan.hiddenColumns in the .xlsx file: the scoring template's rule parameters stay hidden, in our file and after LibreOffice saves it. */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writePlanToFile } from "../../src/hosts/xlsx/write";
import { planTemplate } from "../../src/sheet/planner";
import { everyKindScheme } from "../sheet/planner-fixture";
import { recalcWithLibreOffice } from "../support/spreadsheet-programs";

const workDir = mkdtempSync(join(tmpdir(), "bs-xlsx-hidden-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function hiddenColumnsOf(path: string, sheetName: string): Promise<number[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.getWorksheet(sheetName);
  if (!sheet) throw new Error(`${path} has no sheet ${sheetName}`);
  const hidden: number[] = [];
  for (let column = 1; column <= 30; column++) if (sheet.getColumn(column).hidden) hidden.push(column - 1);
  return hidden;
}

test("the planned hidden columns are hidden in the file, and LibreOffice keeps them hidden", async () => {
  const plan = planTemplate(everyKindScheme);
  const planned = plan.sheets[0].hiddenColumns ?? [];
  expect(planned.length).toBeGreaterThan(0);
  const path = join(workDir, "template.xlsx");
  await writePlanToFile(plan, path);
  expect(await hiddenColumnsOf(path, plan.activate)).toEqual(planned);
  const resaved = await recalcWithLibreOffice(path);
  expect(await hiddenColumnsOf(resaved, plan.activate)).toEqual(planned);
});
