/** The schemes the planner tests run on: the every-kind fixture plus every built-in scheme of the catalogue. */
import { getScheme } from "../../src/rubric/catalogue";
import type { Scheme } from "../../src/rubric/types";
import { everyKindScheme } from "./planner-fixture";

export const BUILT_IN_IDS = ["sibi-sikan", "tisheng-nian", "lianghua-yichuang", "wuhao", "siqiang"];

export function builtInScheme(id: string): Scheme {
  const scheme = getScheme(id);
  if (!scheme) throw new Error(`built-in scheme ${id} is missing from the catalogue`);
  return scheme;
}

export function schemesUnderTest(): Scheme[] {
  return [everyKindScheme, ...BUILT_IN_IDS.map(builtInScheme)];
}
