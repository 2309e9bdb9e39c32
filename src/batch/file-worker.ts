/**
 * Node only: the worker thread that reads and scores one workbook file at a time for ./isolated-files, so a file that
 * takes too long or too much memory can be stopped without losing the rest of the compile. Receives FileJob
 * messages, answers with the file's summary inputs (plain data). The schemes come parsed from the main thread, so the
 * worker loads neither the catalogue nor the rubric parser.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { FileJobResult } from "./budgeted-workers";
import { readFoundWorkbook } from "./find-files";
import type { FileJob, FileWorkerData } from "./isolated-files";
import { scoreSource } from "./score-source";

const { schemes, limits } = workerData as FileWorkerData;
const byId = new Map(schemes.map((scheme) => [scheme.id, scheme]));
const resolve = (id: string) => byId.get(id);

parentPort?.on("message", (job: FileJob) => {
  void scoreSource({ name: job.workbook.name, read: () => readFoundWorkbook(job.workbook, limits) }, resolve).then((inputs) => {
    const result: FileJobResult = { id: job.id, inputs };
    parentPort?.postMessage(result);
  });
});
