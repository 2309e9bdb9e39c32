/** The source documents (copies kept in test/rubric/seeds), read by the tests that cross-check the schemes against them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const SEED_FILES: Record<string, string> = {
  "sibi-sikan": "000_8f2e27a80e036c9f.txt",
  "tisheng-nian": "001_d396dc38dcbee272.txt",
  "lianghua-yichuang": "002_473cea6eeca10bbc.txt",
  wuhao: "003_242ef25ee0396700.txt",
  siqiang: "004_7d13ea60a9b16d0f.txt",
};

export function seedText(schemeId: string): string {
  const file = SEED_FILES[schemeId];
  if (!file) throw new Error(`no seed for ${schemeId}`);
  return readFileSync(join(__dirname, "seeds", file), "utf8");
}

/** The seed with its (PDF) line breaks removed, so a sentence broken across lines is found whole. */
export function seedWithoutLineBreaks(schemeId: string): string {
  return seedText(schemeId).replace(/\r?\n/g, "");
}
