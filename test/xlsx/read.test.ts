/** readWorkbookFile / readWorkbookBuffer: the grid of a good file, and a clear refusal for each kind of bad one. */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookBuffer, readWorkbookFile, WorkbookFileError, type WorkbookFileErrorKind } from "../../src/hosts/xlsx/read";
import { writePlanToBuffer, writePlanToFile } from "../../src/hosts/xlsx/write";
import { META_SHEET, samplePlan, SCORING_SHEET, TEXT_LOOKING_LIKE_FORMULAS } from "./sample-plan";
import { buildZip, MINIMAL_XLSX_PARTS, type ZipSpec } from "./zip-builder";

/** The same bytes without Buffer's methods, as the task pane has them. */
const plain = (bytes: Buffer) => new Uint8Array(bytes);

const workDir = mkdtempSync(join(tmpdir(), "bs-xlsx-read-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const MiB = 1024 * 1024;

function writeBytes(name: string, bytes: Buffer | string): string {
  const path = join(workDir, name);
  writeFileSync(path, bytes);
  return path;
}

async function expectRefusal(promise: Promise<unknown>, kind: WorkbookFileErrorKind, file: string, detail?: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WorkbookFileError);
  const refusal = error as WorkbookFileError;
  expect(refusal.kind).toBe(kind);
  expect(refusal.message).toContain(file);
  if (detail) expect(refusal.message).toMatch(detail);
}

describe("a good workbook", () => {
  test("every sheet, hidden ones too, in tab order, with formulas and text kept apart", async () => {
    const grid = await readWorkbookBuffer(await writePlanToBuffer(samplePlan()), "sample.xlsx");
    expect(grid.sheets.map((sheet) => sheet.name)).toEqual([SCORING_SHEET, META_SHEET]);
    const [scoring, meta] = grid.sheets;
    expect(scoring.values[0][0]).toBe("测试评分表");
    expect(scoring.values[2][2]).toBe(5);
    // E3: a formula never calculated has no cached value
    expect(scoring.formulas[2][4]).toBe("=MAX(0,C3-D3)");
    expect(scoring.values[2][4]).toBeNull();
    expect(scoring.values[3][1]).toBe(TEXT_LOOKING_LIKE_FORMULAS.B4);
    expect(scoring.formulas[3][1]).toBeNull();
    expect(scoring.values.length).toBe(scoring.formulas.length);
    expect(meta.values[2]).toEqual(["sheet", SCORING_SHEET]);
  });

  test("cached results, rich text, dates, booleans, errors, hyperlinks and shared formulas become plain values", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("值");
    sheet.getCell("A1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    sheet.getCell("B1").value = { richText: [{ text: "扣分", font: { bold: true } }, { text: "理由" }] };
    sheet.getCell("C1").value = new Date(Date.UTC(2024, 11, 31));
    sheet.getCell("D1").value = true;
    sheet.getCell("E1").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    sheet.getCell("F1").value = { text: "佐证材料", hyperlink: "https://example.org/a" };
    sheet.getCell("A2").value = 2;
    sheet.getCell("B2").value = { formula: "A2*10", result: 20 } as ExcelJS.CellFormulaValue;
    sheet.getCell("A3").value = 3;
    sheet.getCell("B3").value = { sharedFormula: "B2", result: 30 } as ExcelJS.CellSharedFormulaValue;
    sheet.getCell("C4").value = new Date(Date.UTC(2024, 0, 2, 8, 30));
    const grid = await readWorkbookBuffer(Buffer.from(await book.xlsx.writeBuffer()), "values.xlsx");
    const [values] = grid.sheets;
    expect(values.values[0]).toEqual(["#DIV/0!", "扣分理由", "2024-12-31", true, "#N/A", "佐证材料"]);
    expect(values.formulas[0][0]).toBe("=1/0");
    expect(values.values[1][1]).toBe(20);
    expect(values.values[2][1]).toBe(30);
    expect(values.formulas[2][1]).toBe("=A3*10");
    expect(values.values[3][2]).toBe("2024-01-02T08:30:00.000Z");
  });

  test("reading leaves the file's bytes and modification time alone", async () => {
    const path = join(workDir, "untouched.xlsx");
    await writePlanToFile(samplePlan(), path);
    const bytes = readFileSync(path);
    const modified = statSync(path).mtimeMs;
    await readWorkbookFile(path);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(modified);
  });
});

describe("files refused before ExcelJS sees them", () => {
  let goodBytes: Buffer;
  beforeAll(async () => {
    goodBytes = await writePlanToBuffer(samplePlan());
  });

  test("random bytes", async () => {
    const path = writeBytes("random.xlsx", Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256)));
    await expectRefusal(readWorkbookFile(path), "not-xlsx", path);
  });

  test("a CSV file renamed .xlsx", async () => {
    const path = writeBytes("renamed-csv.xlsx", "编号,扣分,扣分理由\n1.1,1,支部设置不符合规定\n");
    await expectRefusal(readWorkbookFile(path), "not-xlsx", path, /CSV/);
  });

  test("an empty file", async () => {
    const path = writeBytes("empty.xlsx", Buffer.alloc(0));
    await expectRefusal(readWorkbookFile(path), "not-xlsx", path, /空/);
  });

  test("an old .xls (OLE compound file without encryption streams)", async () => {
    const cfb = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504), Buffer.from("Workbook", "utf16le"), Buffer.alloc(1024)]);
    const path = writeBytes("old.xls", cfb);
    await expectRefusal(readWorkbookFile(path), "not-xlsx", path, /\.xls/);
  });

  test("an encrypted workbook (OLE compound file holding EncryptionInfo)", async () => {
    const cfb = Buffer.concat([
      Buffer.from("d0cf11e0a1b11ae1", "hex"),
      Buffer.alloc(504),
      Buffer.from("EncryptionInfo", "utf16le"),
      Buffer.alloc(50),
      Buffer.from("EncryptedPackage", "utf16le"),
      Buffer.alloc(1024),
    ]);
    const path = writeBytes("locked.xlsx", cfb);
    await expectRefusal(readWorkbookFile(path), "encrypted", path, /密码/);
  });

  test("a truncated workbook", async () => {
    const path = writeBytes("truncated.xlsx", goodBytes.subarray(0, Math.floor(goodBytes.length / 2)));
    await expectRefusal(readWorkbookFile(path), "corrupt", path);
  });

  test("a workbook whose compressed data is damaged", async () => {
    const sheet = "<worksheet>" + "<row><c><v>1</v></c></row>".repeat(2000) + "</worksheet>";
    const bytes = buildZip([...MINIMAL_XLSX_PARTS, { name: "xl/worksheets/sheet1.xml", data: sheet }]);
    const damaged = Buffer.from(bytes);
    const middle = damaged.indexOf(Buffer.from("xl/worksheets/sheet1.xml")) + 40;
    for (let at = middle; at < middle + 64; at++) damaged[at] ^= 0xa5;
    await expectRefusal(readWorkbookBuffer(damaged, "damaged.xlsx"), "corrupt", "damaged.xlsx");
  });

  test("a zip that is not a workbook (a Word document)", async () => {
    const docx = buildZip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "word/document.xml", data: "<document/>" }]);
    await expectRefusal(readWorkbookBuffer(docx, "report.xlsx"), "not-xlsx", "report.xlsx", /Word/);
  });

  test("a file over the size limit, refused before it is read", async () => {
    const path = writeBytes("big.xlsx", goodBytes);
    await expectRefusal(readWorkbookFile(path, { maxBytes: goodBytes.length - 1 }), "too-large", path);
    await expect(readWorkbookFile(path, { maxBytes: goodBytes.length })).resolves.toBeDefined();
  });

  test("a zip bomb declaring a huge unpacked size", async () => {
    const bomb = buildZip([...MINIMAL_XLSX_PARTS, { name: "xl/worksheets/sheet1.xml", data: "<worksheet/>", declaredSize: 0xf0000000 }]);
    await expectRefusal(readWorkbookBuffer(bomb, "huge-declared.xlsx"), "too-large", "huge-declared.xlsx", /压缩炸弹/);
  });

  test("a zip bomb of highly compressible data", async () => {
    const bomb = buildZip([...MINIMAL_XLSX_PARTS, { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(8 * MiB, 0x30) }]);
    await expectRefusal(readWorkbookBuffer(bomb, "zeros.xlsx"), "too-large", "zeros.xlsx", /压缩比/);
  });

  test("a zip whose entry unpacks to more than it declares", async () => {
    const liar = buildZip([...MINIMAL_XLSX_PARTS, { name: "xl/worksheets/sheet1.xml", data: "<worksheet>" + "x".repeat(5000) + "</worksheet>", declaredSize: 100 }]);
    await expectRefusal(readWorkbookBuffer(liar, "liar.xlsx"), "too-large", "liar.xlsx", /声明/);
  });

  test("the unpacked-size limit can be lowered", async () => {
    await expectRefusal(readWorkbookBuffer(goodBytes, "sample.xlsx", { maxUncompressed: 1000 }), "too-large", "sample.xlsx");
  });

  test("a missing file and a folder are unreadable, named in the message", async () => {
    const missing = join(workDir, "no-such-file.xlsx");
    await expectRefusal(readWorkbookFile(missing), "unreadable", missing, /不存在/);
    const folder = join(workDir, "a-folder.xlsx");
    mkdirSync(folder);
    await expectRefusal(readWorkbookFile(folder), "unreadable", folder, /文件夹/);
  });

  test("a refused file is left untouched too", async () => {
    const path = writeBytes("refused.xlsx", goodBytes.subarray(0, 1000));
    const modified = statSync(path).mtimeMs;
    await expect(readWorkbookFile(path)).rejects.toBeInstanceOf(WorkbookFileError);
    expect(readFileSync(path).equals(goodBytes.subarray(0, 1000))).toBe(true);
    expect(statSync(path).mtimeMs).toBe(modified);
  });
});

describe("the file reader (Node's zlib) and the bytes reader (fflate, as in the task pane) unpack alike", () => {
  const sheet = "<worksheet><sheetData>" + '<row><c t="inlineStr"><is><t>支部</t></is></c><c><v>1</v></c></row>'.repeat(3000) + "</sheetData></worksheet>";
  const part = (spec: Partial<ZipSpec> = {}): ZipSpec => ({ name: "xl/worksheets/sheet1.xml", data: sheet, ...spec });
  const damaged = (bytes: Buffer): Buffer => {
    const copy = Buffer.from(bytes);
    const middle = copy.indexOf(Buffer.from("xl/worksheets/sheet1.xml")) + 200;
    for (let at = middle; at < middle + 64; at++) copy[at] ^= 0x5a;
    return copy;
  };
  const cases: Record<string, () => Promise<Buffer>> = {
    good: () => writePlanToBuffer(samplePlan()),
    "damaged data": async () => damaged(buildZip([...MINIMAL_XLSX_PARTS, part()])),
    "more than declared": async () => buildZip([...MINIMAL_XLSX_PARTS, part({ declaredSize: 5000 })]),
    "less than declared": async () => buildZip([...MINIMAL_XLSX_PARTS, part({ declaredSize: Buffer.byteLength(sheet) + 100 })]),
    "declared empty": async () => buildZip([...MINIMAL_XLSX_PARTS, part({ declaredSize: 0 })]),
  };

  const outcome = (promise: Promise<unknown>) =>
    promise.then(
      (book) => ({ book }),
      (error: unknown) => ({ kind: (error as WorkbookFileError).kind, message: (error as Error).message }),
    );

  test.each(Object.keys(cases))("%s", async (name) => {
    const bytes = await cases[name]();
    const path = writeBytes(`inflaters-${name.replace(/ /g, "-")}.xlsx`, bytes);
    const fromFile = await outcome(readWorkbookFile(path));
    expect(fromFile).toEqual(await outcome(readWorkbookBuffer(plain(bytes), path)));
    expect("book" in fromFile).toBe(name === "good");
  });
});
