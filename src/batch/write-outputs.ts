/** Node only: writes the summary workbook (and the compile --json file), creating their folders. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { writePlanToFile } from "../hosts/xlsx/write";
import { planSummary, toCompileJson } from "../summary";
import type { Summary } from "../summary/types";

export async function writeSummaryOutputs(summary: Summary, out: string, json?: string): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  await writePlanToFile(planSummary(summary), out);
  if (json !== undefined) {
    await mkdir(dirname(json), { recursive: true });
    await writeFile(json, JSON.stringify(toCompileJson(summary), null, 2) + "\n", "utf8");
  }
}
