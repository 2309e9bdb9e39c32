/** Node only: writes the summary workbook (and the compile --json file), creating their folders. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { streamPlanToFile } from "../hosts/xlsx/stream-write";
import { planSummaryStreamed, toCompileJson } from "../summary";
import type { Summary } from "../summary/types";

/** `issuer`: the 制表单位 printed at the foot of 汇总 (compile --issuer); absent, a line to fill in by hand. */
export async function writeSummaryOutputs(summary: Summary, out: string, json?: string, issuer?: string): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  // planned and streamed row by row: a summary of 20 000 branches is written in flat memory (issue 12)
  await streamPlanToFile(planSummaryStreamed(summary, { issuer }), out);
  if (json !== undefined) {
    await mkdir(dirname(json), { recursive: true });
    await writeFile(json, JSON.stringify(toCompileJson(summary), null, 2) + "\n", "utf8");
  }
}
