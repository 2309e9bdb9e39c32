/**
 * Everything heavy the 汇总 view needs — the xlsx host's Node-free streaming reader, the scoring engine over whole
 * workbooks, the summary and its plan, the committee's .docx documents — in one module the view loads with import() on first use, so the task pane
 * starts without it. Files are read one batch slot at a time (the pipeline's bounded concurrency), so a hundred picked
 * files are never all in memory as bytes at once.
 */
import type { CompileOptions, CompileOutcome, ProgressCallback, WorkbookSource } from "../../../batch/compile-core";
import { compileSources } from "../../../batch/compile-core";
import { readWorkbookBytes } from "../../../hosts/xlsx/read-bytes";
import type { WorkbookPlan } from "../../../sheet/types";
import { planSummary } from "../../../summary/plan/plan-summary";
import type { Summary } from "../../../summary/types";
import { WebFileWorkers } from "./web-file-workers";
import { Packer } from "docx";
import type { SummaryDocumentFile } from "../../../documents/document-files";
import { summaryDocument } from "../../../documents/summary-documents";

/** A picked or dropped file: a browser File, or anything else with a name and bytes on demand. */
export interface NamedBlob {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * `spawnWorker`: when given (the pane passes ./spawn-score-worker), each file is read and scored in a Web Worker with
 * the compile's time budget (./web-file-workers); without it (tests in Node), in this thread.
 */
export async function compileBlobs(
  files: readonly NamedBlob[],
  options: CompileOptions,
  onProgress?: ProgressCallback,
  spawnWorker?: () => Worker,
): Promise<CompileOutcome> {
  const workers = spawnWorker && typeof Worker === "function" ? new WebFileWorkers(spawnWorker) : null;
  const sources: WorkbookSource[] = files.map((file) => ({
    name: file.name,
    read: async () => readWorkbookBytes(new Uint8Array(await file.arrayBuffer()), file.name, { ...options.limits, sheets: "scoring" }),
    ...(workers && { inputs: async () => workers.read(file.name, await file.arrayBuffer()) }),
  }));
  try {
    return await compileSources(sources, workers ? { ...options, concurrency: workers.capacity } : options, onProgress);
  } finally {
    workers?.close();
  }
}

/** 结果通报.docx or 公示名单.docx of the summary, made here in the browser, as compile --docx makes them. */
export function documentBlob(summary: Summary, file: SummaryDocumentFile): Promise<Blob> {
  return Packer.toBlob(summaryDocument(summary, file));
}

export function summaryPlan(summary: Summary): WorkbookPlan {
  return planSummary(summary);
}
