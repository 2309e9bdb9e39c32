/**
 * Real spreadsheet programs driven from tests: LibreOffice Calc and Gnumeric recalculate our files the way a
 * secretary's program would, openpyxl writes into them the way a department's script would.
 * None of these helpers ever writes to its input file: results go to a new path, returned to the caller.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";

const PYTHON_WITH_OPENPYXL = "/usr/bin/python3"; // Debian's python; a pyenv `python3` on PATH may lack openpyxl
const OPENPYXL_SCRIPT = join(__dirname, "openpyxl-edit.py");
const PROGRAM_TIMEOUT_MS = 120_000;

interface ProgramOutput {
  stdout: string;
  stderr: string;
}

/** Runs a program to completion; rejects with its stderr when it fails, so a test failure says why. */
export function runProgram(command: string, args: string[], stdin?: string): Promise<ProgramOutput> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), PROGRAM_TIMEOUT_MS);
    // decoded as a stream: a CJK character split between two chunks of the pipe would otherwise come out as two U+FFFD
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`${command} could not start: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise({ stdout, stderr });
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`}):\n${stderr}${stdout}`));
    });
    // a program that exits without reading its input must not fail the run with EPIPE
    child.stdin.on("error", () => undefined);
    child.stdin.end(stdin ?? "");
  });
}

/** Folders made here for outputs the caller did not place: removed when a test file ends, so runs leave /tmp clean. */
const madeFolders: string[] = [];
// jest's afterAll, when this module is loaded by a test file (the screenshot scripts load it too, and keep their files)
const afterTestFile = (globalThis as { afterAll?: (hook: () => void) => void }).afterAll;
if (afterTestFile) {
  afterTestFile(() => {
    for (const folder of madeFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
}

function freshDir(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  madeFolders.push(folder);
  return folder;
}

/**
 * OOXMLRecalcMode/ODFRecalcMode 0 = "always recalculate on load". LibreOffice's default keeps the cached results of
 * files it did not write itself, which would hide a wrong formula behind a right-looking cached value.
 */
const ALWAYS_RECALC_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A throwaway LibreOffice profile, so parallel test workers never share (and lock) one. */
function makeRecalcProfile(): string {
  const profile = freshDir("bs-lo-profile-");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), ALWAYS_RECALC_XCU);
  return profile;
}

async function convertWithLibreOffice(paths: string[], target: string, outDir: string): Promise<string[]> {
  const outputs = paths.map((path) => join(outDir, basename(path, extname(path)) + "." + target.split(":")[0]));
  if (new Set(outputs).size !== outputs.length) throw new Error(`LibreOffice: two inputs would share one output name in ${outDir}`);
  for (const [index, path] of paths.entries()) {
    if (resolve(outputs[index]) === resolve(path)) throw new Error(`LibreOffice: refusing to overwrite the input ${path}`);
  }
  mkdirSync(outDir, { recursive: true });
  const profile = makeRecalcProfile();
  try {
    const { stderr, stdout } = await runProgram("soffice", [
      "--headless",
      "--norestore",
      "--nolockcheck",
      `-env:UserInstallation=file://${profile}`,
      "--convert-to",
      target,
      "--outdir",
      outDir,
      ...paths.map((path) => resolve(path)),
    ]);
    const missing = outputs.filter((output) => !existsSync(output));
    if (missing.length > 0) throw new Error(`LibreOffice did not write ${missing.join(", ")}:\n${stderr}${stdout}`);
    return outputs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Opens each file in headless LibreOffice Calc with a full recalculation on load and saves it as .xlsx in outDir
 * (a fresh temporary folder by default), all in one soffice start. Returns the new paths, in input order.
 */
export function recalcManyWithLibreOffice(paths: string[], outDir: string = freshDir("bs-lo-out-")): Promise<string[]> {
  return convertWithLibreOffice(paths, "xlsx:Calc MS Excel 2007 XML", outDir);
}

/** One file: see recalcManyWithLibreOffice. */
export async function recalcWithLibreOffice(path: string, outDir?: string): Promise<string> {
  const [output] = await recalcManyWithLibreOffice([path], outDir);
  return output;
}

/** `ssconvert --recalc`: Gnumeric recalculates every formula and saves a new .xlsx (outPath, or a temp file). */
export async function recalcWithGnumeric(path: string, outPath?: string): Promise<string> {
  const output = outPath ?? join(freshDir("bs-gnumeric-"), basename(path, extname(path)) + ".xlsx");
  if (resolve(output) === resolve(path)) throw new Error(`Gnumeric: refusing to overwrite the input ${path}`);
  await runProgram("ssconvert", ["--recalc", resolve(path), resolve(output)]);
  if (!existsSync(output)) throw new Error(`Gnumeric did not write ${output}`);
  return output;
}

async function editWithOpenpyxl(request: Record<string, unknown>): Promise<void> {
  await runProgram(PYTHON_WITH_OPENPYXL, [OPENPYXL_SCRIPT], JSON.stringify(request));
}

/**
 * Sets cells with openpyxl and saves to outPath (never the input). Numbers stay numbers, strings stay text except
 * those beginning with "=" (formulas, as if typed), null clears. `sheet` defaults to the first sheet.
 * Note openpyxl drops cached formula results, as real scripts do.
 */
/** A value openpyxl writes: booleans as booleans, "#N/A"-like text as an error value, or a number with a number format. */
export type OpenpyxlValue = string | number | boolean | null | { value: number; numberFormat: string };

export function fillWithOpenpyxl(
  inPath: string,
  outPath: string,
  cells: Record<string, OpenpyxlValue>,
  sheet?: string,
): Promise<void> {
  return editWithOpenpyxl({ op: "fill", in: resolve(inPath), out: resolve(outPath), sheet: sheet ?? null, cells });
}

export interface OpenpyxlFill {
  in: string;
  out: string;
  cells: Record<string, string | number | null>;
  sheet?: string;
}

/** fillWithOpenpyxl for many files in one Python start (a test filling a whole roster's workbooks). */
export function fillManyWithOpenpyxl(fills: readonly OpenpyxlFill[]): Promise<void> {
  const requests = fills.map((fill) => ({ op: "fill", in: resolve(fill.in), out: resolve(fill.out), sheet: fill.sheet ?? null, cells: fill.cells }));
  return editWithOpenpyxl({ op: "batch", requests });
}

/** A new one-sheet .xlsx with these rows, written by openpyxl. */
export function newWorkbookWithOpenpyxl(outPath: string, rows: (string | number | null)[][]): Promise<void> {
  return editWithOpenpyxl({ op: "new", out: resolve(outPath), rows });
}

/**
 * Inserts `count` empty rows before 1-based row `atRow` with openpyxl. Like openpyxl itself, this moves cells but
 * does not rewrite formulas, merges or validations: a realistic "someone edited the sheet" case for the reader.
 */
export function insertRowsWithOpenpyxl(inPath: string, outPath: string, sheet: string, atRow: number, count: number): Promise<void> {
  return editWithOpenpyxl({ op: "insertRows", in: resolve(inPath), out: resolve(outPath), sheet, atRow, count });
}

/** Prints many files (workbooks by their own print setup, .docx documents) to PDF in one soffice start; paths in input order. */
export function printManyWithLibreOffice(paths: string[], outDir: string = freshDir("bs-lo-pdf-")): Promise<string[]> {
  return convertWithLibreOffice(paths, "pdf", outDir);
}

/** The text of each page of a PDF (pdftotext -layout, pages split at form feeds). */
export async function pdfPageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await runProgram("pdftotext", ["-layout", pdf, "-"]);
  const pages = stdout.split("\f");
  if (pages[pages.length - 1].trim() === "") pages.pop();
  return pages;
}

/** The first page of a PDF as PNG (pdftoppm), for README screenshots. */
export async function pdfPageToPng(pdf: string, outPng: string, page = 1, dpi = 110): Promise<void> {
  const png = resolve(outPng);
  mkdirSync(dirname(png), { recursive: true });
  await runProgram("pdftoppm", ["-png", "-r", String(dpi), "-singlefile", "-f", String(page), "-l", String(page), pdf, png.replace(/\.png$/i, "")]);
}

function programExists(command: string): boolean {
  return (process.env.PATH ?? "").split(":").some((folder) => folder !== "" && existsSync(join(folder, command)));
}

/**
 * For README screenshots: the workbook printed to PDF by LibreOffice (using the sheet's own print setup), and its
 * first page as PNG at `dpi` (110 by default), rendered by pdftoppm (poppler-utils) or, without it, Ghostscript.
 */
export async function convertToPdfAndPng(
  path: string,
  outPng: string,
  dpi = 110,
): Promise<{ pdf: string; png: string; renderer: "pdftoppm" | "ghostscript" }> {
  const [pdf] = await convertWithLibreOffice([path], "pdf", freshDir("bs-render-"));
  const png = resolve(outPng);
  mkdirSync(dirname(png), { recursive: true });
  if (programExists("pdftoppm")) {
    await runProgram("pdftoppm", ["-png", "-r", String(dpi), "-singlefile", "-f", "1", "-l", "1", pdf, png.replace(/\.png$/i, "")]);
    return { pdf, png, renderer: "pdftoppm" };
  }
  if (programExists("gs")) {
    await runProgram("gs", ["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=png16m", `-r${dpi}`, "-dFirstPage=1", "-dLastPage=1", "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4", `-sOutputFile=${png}`, pdf]);
    return { pdf, png, renderer: "ghostscript" };
  }
  throw new Error("convertToPdfAndPng needs pdftoppm (poppler-utils) or gs (ghostscript) to render the PDF");
}
