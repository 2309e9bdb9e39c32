/**
 * Node only: the worker thread that reads and scores one workbook file at a time for ./isolated-files, so a file that
 * takes too long or too much memory can be stopped without losing the rest of the compile. Receives FileJob
 * messages, answers with the file's summary inputs (plain data).
 */
import { parentPort, workerData } from "node:worker_threads";
import { getScheme } from "../rubric/catalogue";
import type { Scheme } from "../rubric/types";
import { readFoundWorkbook } from "./find-files";
import { resolveOncePerId, scoreSource } from "./pipeline";
import type { FileJobResult } from "./budgeted-workers";
import type { FileJob, FileWorkerData } from "./isolated-files";

const { custom, limits } = workerData as FileWorkerData;
const resolve = resolveOncePerId((id: string): Scheme | undefined => (custom !== null && id === custom.id ? custom : getScheme(id)));

parentPort?.on("message", (job: FileJob) => {
  void scoreSource({ name: job.workbook.name, read: () => readFoundWorkbook(job.workbook, limits) }, resolve).then((inputs) => {
    const result: FileJobResult = { id: job.id, inputs };
    parentPort?.postMessage(result);
  });
});
