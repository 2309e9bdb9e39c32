/**
 * Custom rubric files. `parseRubric` is pure and lives in ./parse (re-exported here as agreed); `loadRubricFile`
 * is the one function of src/rubric that touches the file system — browser code imports ./parse instead.
 */
import { readFileSync, statSync } from "node:fs";
import { parseRubric } from "./parse";
import type { RubricParseResult } from "./parse";

export { parseRubric };
export type { RubricParseResult };

/** A rubric is a few kilobytes; anything far larger is not a rubric file. */
const MAX_RUBRIC_BYTES = 5 * 1024 * 1024;

/** Reads and parses a .json rubric file. File problems are reported in `errors`, never thrown. */
export function loadRubricFile(path: string): RubricParseResult {
  const fail = (message: string): RubricParseResult => ({ scheme: null, errors: [`${path}：${message}`] });
  if (!path.toLowerCase().endsWith(".json")) return fail("评分细则文件应为 .json 文件");
  let text: string;
  try {
    if (statSync(path).size > MAX_RUBRIC_BYTES) return fail("文件过大，不是评分细则文件");
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return fail("文件不存在");
    if (code === "EISDIR") return fail("这是一个文件夹，不是文件");
    if (code === "EACCES" || code === "EPERM") return fail("没有读取权限");
    return fail(`无法读取文件（${(error as Error).message}）`);
  }
  let data: unknown;
  try {
    // a UTF-8 BOM is common in files saved by Windows Notepad
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return fail(`不是有效的 JSON（${(error as Error).message}）`);
  }
  return parseRubric(data, path);
}
