/**
 * What applying a scoring template costs: the Office host's sync count and request bytes for rubrics of 10, 100 and
 * 1000 indicators (on the Excel test double), and the time to write each built-in template to .xlsx. Prints figures;
 * asserts nothing. Run: npm run bench:template
 */
import { writePlanToBuffer } from "../src/hosts/xlsx/write";
import { builtInSchemes } from "../src/rubric/catalogue";
import { planTemplate } from "../src/sheet/planner";
import type { WorkbookPlan } from "../src/sheet/types";
import { officeHostFigures } from "./office-host";

const WARM_UP_RUNS = 3;
const MEASURED_RUNS = 15;

export interface XlsxTemplateFigures {
  scheme: string;
  cells: number;
  planMs: number;
  /** median of MEASURED_RUNS */
  writeMs: number;
  bytes: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function countCells(plan: WorkbookPlan): number {
  return plan.sheets.reduce((sum, sheet) => sum + sheet.cells.reduce((rows, row) => rows + row.filter(Boolean).length, 0), 0);
}

async function timeMs(action: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Plans and writes each built-in template to an in-memory .xlsx with ExcelJS. */
export async function measureXlsxTemplates(): Promise<XlsxTemplateFigures[]> {
  const figures: XlsxTemplateFigures[] = [];
  for (const scheme of builtInSchemes()) {
    const planStart = process.hrtime.bigint();
    const plan = planTemplate(scheme);
    const planMs = Number(process.hrtime.bigint() - planStart) / 1e6;
    let bytes = 0;
    for (let run = 0; run < WARM_UP_RUNS; run++) bytes = (await writePlanToBuffer(plan)).length;
    const writes: number[] = [];
    for (let run = 0; run < MEASURED_RUNS; run++) writes.push(await timeMs(() => writePlanToBuffer(plan)));
    figures.push({ scheme: scheme.id, cells: countCells(plan), planMs, writeMs: median(writes), bytes });
  }
  return figures;
}

export function printXlsxTemplates(figures: XlsxTemplateFigures[]): void {
  console.log(`xlsx host (ExcelJS): writePlanToBuffer, median of ${MEASURED_RUNS} runs after ${WARM_UP_RUNS} warm-up runs`);
  console.table(
    figures.map((figure) => ({
      scheme: figure.scheme,
      "planned cells": figure.cells,
      "plan ms (first)": figure.planMs.toFixed(2),
      "write ms": figure.writeMs.toFixed(1),
      "file KiB": (figure.bytes / 1024).toFixed(1),
    })),
  );
}

async function main(): Promise<void> {
  console.log("Office host (Excel test double): applyPlan of a synthetic rubric");
  console.table(await officeHostFigures());
  printXlsxTemplates(await measureXlsxTemplates());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  });
}
