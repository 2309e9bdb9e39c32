/** Node only: writes the summary workbook (and the compile --json file), creating their folders. */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { streamPlanToFile } from "../hosts/xlsx/stream-write";
import { planSummaryStreamed, streamedCompileJson } from "../summary";
import { jsonPieces } from "../summary/streamed-json";
import type { Summary } from "../summary/types";

/** JSON.stringify(toCompileJson(summary), null, 2) and a line feed, made a row at a time. */
function* jsonLines(summary: Summary): Generator<string> {
  yield* jsonPieces(streamedCompileJson(summary));
  yield "\n";
}

/** `issuer`: the 制表单位 printed at the foot of 汇总 (compile --issuer); absent, a line to fill in by hand. */
export async function writeSummaryOutputs(summary: Summary, out: string, json?: string, issuer?: string): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  // planned and streamed row by row: a summary of 20 000 branches is written in flat memory (issue 12)
  await streamPlanToFile(planSummaryStreamed(summary, { issuer }), out);
  if (json !== undefined) {
    await mkdir(dirname(json), { recursive: true });
    await pipeline(Readable.from(jsonLines(summary)), createWriteStream(json));
  }
}
