/**
 * `<scheme>` arguments of the command line: a built-in id, or a path ending in .json that holds a custom rubric.
 * Node only (it may read a file); browser code uses ./catalogue.
 */
import { builtInSchemeIds, getScheme } from "./catalogue";
import { loadRubricFile } from "./load";
import type { RubricParseResult } from "./parse";

export function resolveScheme(idOrPath: string): RubricParseResult {
  if (idOrPath.toLowerCase().endsWith(".json")) return loadRubricFile(idOrPath);
  const scheme = getScheme(idOrPath);
  if (scheme) return { scheme, errors: [] };
  return {
    scheme: null,
    errors: [`未知的评分方案「${idOrPath}」。内置方案：${builtInSchemeIds().join("、")}；自定义评分细则请给出 .json 文件路径`],
  };
}
