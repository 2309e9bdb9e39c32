/**
 * Everything heavy the 汇总 view needs — ExcelJS (through the xlsx host's Node-free reader), the scoring engine over whole
 * workbooks, the summary and its plan — in one module the view loads with import() on first use, so the task pane
 * starts without it. Files are read one batch slot at a time (the pipeline's bounded concurrency), so a hundred picked
 * files are never all in memory as bytes at once.
 */
import type { CompileOptions, CompileOutcome, ProgressCallback } from "../../../batch/compile-core";
import { compileSources } from "../../../batch/compile-core";
import { readWorkbookBytes } from "../../../hosts/xlsx/read-bytes";
import type { WorkbookPlan } from "../../../sheet/types";
import { planSummary } from "../../../summary/plan/plan-summary";
import type { Summary } from "../../../summary/types";

/** A picked or dropped file: a browser File, or anything else with a name and bytes on demand. */
export interface NamedBlob {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export function compileBlobs(files: readonly NamedBlob[], options: CompileOptions, onProgress?: ProgressCallback): Promise<CompileOutcome> {
  const sources = files.map((file) => ({
    name: file.name,
    read: async () => readWorkbookBytes(new Uint8Array(await file.arrayBuffer()), file.name, { ...options.limits, sheets: "scoring" }),
  }));
  return compileSources(sources, options, onProgress);
}

export function summaryPlan(summary: Summary): WorkbookPlan {
  return planSummary(summary);
}
