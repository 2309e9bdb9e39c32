/**
 * The built-in schemes. They are declared as plain rubric data (./schemes/*) and go through exactly the parser a
 * custom rubric file goes through, so a built-in can never bypass a check. Pure: safe for the task pane bundle.
 */
import { parseRubric } from "./parse";
import type { RubricFile } from "./schema";
import { lianghuaYichuang } from "./schemes/lianghua-yichuang";
import { sibiSikan } from "./schemes/sibi-sikan";
import { siqiang } from "./schemes/siqiang";
import { tishengNian } from "./schemes/tisheng-nian";
import { wuhao } from "./schemes/wuhao";
import type { Scheme } from "./types";

/** In the order of the source documents (000 … 004). */
const DECLARATIONS: readonly RubricFile[] = [sibiSikan, tishengNian, lianghuaYichuang, wuhao, siqiang];

let parsed: readonly Scheme[] | undefined;
const parsedSchemes = (): readonly Scheme[] => (parsed ??= DECLARATIONS.map(parseBuiltIn));

function parseBuiltIn(declaration: RubricFile): Scheme {
  const { scheme, errors } = parseRubric(declaration, `内置方案 ${declaration.id}`);
  // a built-in that fails its own checks is a programming error, never a user's
  if (!scheme) throw new Error(`内置评分方案有误 (built-in scheme is invalid):\n${errors.join("\n")}`);
  return scheme;
}

/** The five built-in schemes, parsed once. Callers get fresh copies, so they may mutate what they receive. */
export function builtInSchemes(): Scheme[] {
  return parsedSchemes().map((scheme) => structuredClone(scheme));
}

export function getScheme(id: string): Scheme | undefined {
  const scheme = parsedSchemes().find((candidate) => candidate.id === id);
  return scheme && structuredClone(scheme);
}

export function builtInSchemeIds(): string[] {
  return DECLARATIONS.map((declaration) => declaration.id);
}
