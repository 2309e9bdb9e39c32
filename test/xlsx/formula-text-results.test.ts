/**
 * Formula text results stored as shared-string indexes (Gnumeric's `<c t="s"><f>…</f><v>15</v></c>`): the reader
 * returns the text, not the index. One real file saved by ssconvert, and the XML shapes other writers may produce.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { readWorkbookBytes } from "../../src/hosts/xlsx/read-bytes";
import type { WorkbookGrid } from "../../src/sheet/types";
import { buildZip, MINIMAL_XLSX_PARTS } from "./zip-builder";
import { recalcWithGnumeric } from "../support/spreadsheet-programs";

const workDir = mkdtempSync(join(tmpdir(), "bs-xlsx-text-results-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe("a workbook recalculated and saved by Gnumeric", () => {
  let saved: string;
  const SCORES = "评分 <总表>";

  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    const scores = book.addWorksheet(SCORES);
    scores.getCell("A1").value = 85.5;
    scores.getCell("B1").value = { formula: 'IF(A1>=90,"好",IF(A1>=80,"较好","一般"))' } as ExcelJS.CellFormulaValue;
    scores.getCell("C1").value = { formula: "A1*2" } as ExcelJS.CellFormulaValue;
    scores.getCell("D1").value = "扣分理由";
    scores.getCell("E1").value = { formula: 'IF(A2="","",A2*2)' } as ExcelJS.CellFormulaValue;
    scores.getCell("F1").value = { formula: '"材料<1>&"&"缺失"' } as ExcelJS.CellFormulaValue;
    const second = book.addWorksheet("达标");
    second.getCell("A1").value = 79;
    second.getCell("A2").value = { formula: 'IF(A1>=80,"达标","未达标")' } as ExcelJS.CellFormulaValue;
    const written = join(workDir, "ours.xlsx");
    await book.xlsx.writeFile(written);
    saved = await recalcWithGnumeric(written, join(workDir, "gnumeric.xlsx"));
  });

  test("ExcelJS alone reads those text results as indexes (the case this reader handles)", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const result = (address: string): unknown => (book.getWorksheet(SCORES)!.getCell(address).value as ExcelJS.CellFormulaValue).result;
    // index 0 even comes back as no result at all
    expect(result("B1")).not.toBe("较好");
    expect(typeof result("E1")).toBe("number");
  });

  test("text results come back as text, numbers as numbers, formulas kept", async () => {
    const grid = await readWorkbookFile(saved);
    const scores = grid.sheets.find((sheet) => sheet.name === SCORES)!;
    expect(scores.values[0]).toEqual([85.5, "较好", 171, "扣分理由", "", "材料<1>&缺失"]);
    expect(scores.formulas[0][1]).toMatch(/^=IF\(A1>=90,/);
    expect(scores.formulas[0][3]).toBeNull();
    const pass = grid.sheets.find((sheet) => sheet.name === "达标")!;
    expect(pass.values[1][0]).toBe("未达标");
  });
});

/** A workbook of one sheet with the given sheet XML and shared strings. */
function oneSheetWorkbook(sheetXml: string, sharedStrings: string): Promise<WorkbookGrid> {
  const bytes = buildZip([
    MINIMAL_XLSX_PARTS[0],
    {
      name: "xl/workbook.xml",
      data: '<workbook xmlns:r="urn:r"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data:
        '<Relationships><Relationship Id="rId1" Type="urn:x/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="urn:x/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    },
    { name: "xl/worksheets/sheet1.xml", data: sheetXml },
    { name: "xl/sharedStrings.xml", data: sharedStrings },
  ]);
  return readWorkbookBytes(new Uint8Array(bytes), "shapes.xlsx");
}

describe("the sheet XML shapes", () => {
  const strings = "<sst>" + ["零", "一", "二", "三", "四", "五", "六", "七"].map((text) => `<si><t>${text}</t></si>`).join("") + "</sst>";

  test("only formula cells typed s read their index as text, at explicit or implied positions, with or without a namespace prefix", async () => {
    const xml = [
      "<worksheet><sheetData>",
      '<row r="2"><c r="B2" t="s"><f>IF(A2&gt;1,"是","否")</f><v>3</v></c><c r="C2" t="s"><v>4</v></c>',
      '<c t="s"><f>A1&amp;""</f><v>0</v></c><c r="E2" t="str"><f>"x"</f><v>x</v></c></row>',
      '<row><x:c xmlns:x="urn:x" t="s"><x:f t="shared" si="0"/><x:v>7</x:v></x:c><c r="C3" t="s"/></row>',
      "</sheetData></worksheet>",
    ].join("");
    const [sheet] = (await oneSheetWorkbook(xml, strings)).sheets;
    expect(sheet.values[1]).toEqual([null, "三", "四", "零", "x"]);
    expect(sheet.formulas[1]).toEqual([null, '=IF(A2>1,"是","否")', null, '=A1&""', '="x"']);
    expect(sheet.values[2][0]).toBe("七");
  });

  test("what ExcelJS could not parse reads as the cells hold it: inline strings, rows without numbers, whole-sheet conditional formats and hyperlinks", async () => {
    const xml = [
      '<worksheet xmlns:r="urn:r"><sheetData>',
      '<row><c t="inlineStr"><is><t>内联</t></is></c><c t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>',
      "<row><c><v>2</v></c></row>",
      "</sheetData>",
      '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>',
      '<hyperlinks><hyperlink ref="A1:XFD1048576" r:id="rId9"/></hyperlinks>',
      "</worksheet>",
    ].join("");
    const [sheet] = (await oneSheetWorkbook(xml, "<sst/>")).sheets;
    expect(sheet.values).toEqual([
      ["内联", "富文本"],
      [2, null],
    ]);
  });

  test("merges are read after the cells wherever the schema lets them stand, and what follows them is not needed", async () => {
    const cells = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>合并</t></is></c><c r="B1"><v>1</v></c><c r="C1"><v>2</v></c></row></sheetData>';
    // a custom view holds its own pageMargins and extLst, which at the top level would mean the merges are past
    const views = '<customSheetViews><customSheetView guid="{0}"><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/><extLst/></customSheetView></customSheetViews>';
    const merges = '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>';
    const after = '<dataValidations count="1"><dataValidation type="whole" sqref="C1"><formula1>0</formula1></dataValidation></dataValidations><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/>';
    for (const xml of [`<worksheet>${cells}${merges}${after}</worksheet>`, `<worksheet>${cells}<sheetProtection sheet="1"/>${views}${merges}${after}</worksheet>`]) {
      const [sheet] = (await oneSheetWorkbook(xml, "<sst/>")).sheets;
      expect(sheet.values).toEqual([["合并", null, 2]]);
    }
    // no merges: the first part after them ends the reading, and the cells are all there
    const [plain] = (await oneSheetWorkbook(`<worksheet>${cells}${after}</worksheet>`, "<sst/>")).sheets;
    expect(plain.values).toEqual([["合并", 1, 2]]);
  });

  test("shared strings: rich runs joined, phonetic runs left out, empty items keep their index, entities decoded", async () => {
    const sst = [
      "<sst>",
      "<si><t>好</t></si>",
      "<si/>",
      '<si><r><rPr><b/></rPr><t xml:space="preserve">未 </t></r><r><t>达标</t></r><rPh sb="0" eb="1"><t>ミ</t></rPh></si>',
      "<si><t>A&amp;B &lt;1&gt; &#x4E2D;&#25991;</t></si>",
      "<si><t/></si>",
      "</sst>",
    ].join("");
    const cells = [0, 1, 2, 3, 4].map((index, column) => `<c r="${"ABCDE"[column]}1" t="s"><v>${index}</v></c>`).join("");
    const [sheet] = (await oneSheetWorkbook(`<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`, sst)).sheets;
    expect(sheet.values[0]).toEqual(["好", "", "未 达标", "A&B <1> 中文", ""]);
  });
});
