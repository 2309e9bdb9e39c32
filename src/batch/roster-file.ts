/**
 * Node only: a roster file (党支部名单) → rows of text → src/roster's model. .xlsx through the xlsx host (first visible
 * sheet), .csv in UTF-8 (with or without BOM) or GBK, as Excel and WPS save CSV on Chinese Windows.
 */
import { parseString } from "@fast-csv/parse";
import iconv from "iconv-lite";
import { extname } from "node:path";
import { readRegularFile, readWorkbookFile, WorkbookFileError } from "../hosts/xlsx/read";
import { parseRoster, type RosterOutcome } from "../roster/roster";
import { cellText } from "../sheet/read-meta";

/** A roster is small; anything this large is not one. */
const MAX_ROSTER_BYTES = 5 * 1024 * 1024;

/** UTF-8 when the bytes start with its BOM or decode as valid UTF-8; otherwise GBK (GB18030, its superset). */
function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), "gb18030");
  }
}

function csvRows(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text, { headers: false, ignoreEmpty: false, strictColumnHandling: false })
      .on("error", reject)
      .on("data", (row: string[]) => rows.push(row))
      .on("end", () => resolve(rows));
  });
}

async function xlsxRows(path: string): Promise<string[][]> {
  const book = await readWorkbookFile(path, { sheets: "all" });
  const sheet = book.sheets.find((grid) => !grid.name.startsWith("_")) ?? book.sheets[0];
  return (sheet?.values ?? []).map((row) => row.map((value) => cellText(value)));
}

/** Reads and checks a roster; every failure (unreadable, wrong type, bad rows) is a message naming the file. */
export async function readRosterFile(path: string): Promise<RosterOutcome> {
  const type = extname(path).toLowerCase();
  try {
    if (type === ".xlsx") return parseRoster(await xlsxRows(path), path);
    if (type === ".csv") return parseRoster(await csvRows(decodeCsv(await readRegularFile(path, MAX_ROSTER_BYTES))), path);
  } catch (error) {
    const detail = error instanceof WorkbookFileError ? error.message : `名单“${path}”无法读取：${(error as Error).message}`;
    return { ok: false, errors: [detail] };
  }
  return { ok: false, errors: [`名单“${path}”应为 .xlsx 或 .csv 文件`] };
}
