/**
 * Node only: each workbook file read and scored in a worker thread with a time budget and a memory budget. A file
 * over either becomes a problem naming it, its worker is stopped and replaced, and the compile goes on. As many
 * workers as cores, so a large compile uses them all; results keep the file order (./pool), so the output is the
 * same whatever the number of workers.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { ReadLimits } from "../hosts/xlsx/file-check";
import type { Scheme } from "../rubric/types";
import type { SummaryInput } from "../summary/types";
import type { FoundWorkbook } from "./find-files";

export interface IsolationOptions {
  /** seconds one file may take (default 20) */
  timeoutSeconds?: number;
  /** megabytes of heap one file may use (default 512) */
  memoryMb?: number;
  /** worker threads (default: the number of cores) */
  workers?: number;
  /** the custom rubric, when one was given (workers resolve built-in schemes themselves) */
  custom?: Scheme | null;
}

export const DEFAULT_FILE_TIMEOUT_SECONDS = 20;
export const DEFAULT_FILE_MEMORY_MB = 512;

export interface FileWorkerData {
  custom: Scheme | null;
  limits: Partial<ReadLimits>;
}

export interface FileJob {
  id: number;
  workbook: FoundWorkbook;
}

export interface FileJobResult {
  id: number;
  inputs: SummaryInput[];
}

/** The compiled worker script: beside this module when running from dist-cli, else (tests on the sources) there. */
function workerScript(): string {
  const beside = join(__dirname, "file-worker.js");
  if (existsSync(beside)) return beside;
  return resolve(__dirname, "..", "..", "dist-cli", "src", basename(__dirname), "file-worker.js");
}

function problemInputs(file: string, message: string): SummaryInput[] {
  return [{ file, problems: [{ cell: null, severity: "error", message }] }];
}

export function timeoutMessage(file: string, seconds: number): string {
  return `“${file}”处理超时，已跳过：读取和计分超过 ${seconds} 秒（文件内容异常庞大或复杂）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试；确属正常文件时可用 --file-timeout 放宽。(file timed out)`;
}

export function memoryMessage(file: string, megabytes: number): string {
  return `“${file}”超出内存，已跳过：读取和计分需要超过 ${megabytes} MB 内存（文件内容异常庞大）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试；确属正常文件时可用 --file-memory 放宽。(file over the memory budget)`;
}

/** Worker threads that each take one file at a time. */
export class IsolatedFileReader {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private nextId = 0;
  readonly workers: number;
  private readonly timeoutSeconds: number;
  private readonly memoryMb: number;
  private readonly data: FileWorkerData;

  constructor(options: IsolationOptions, limits: Partial<ReadLimits> = {}) {
    this.workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
    this.timeoutSeconds = options.timeoutSeconds ?? DEFAULT_FILE_TIMEOUT_SECONDS;
    this.memoryMb = options.memoryMb ?? DEFAULT_FILE_MEMORY_MB;
    this.data = { custom: options.custom ?? null, limits };
  }

  private spawn(): Worker {
    const worker = new Worker(workerScript(), {
      workerData: this.data,
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, this.memoryMb / 8)) },
    });
    this.all.add(worker);
    return worker;
  }

  private stop(worker: Worker): void {
    this.all.delete(worker);
    void worker.terminate();
  }

  /** The file's summary inputs; a file over budget (or whose worker died) gives one problem naming it. */
  read(workbook: FoundWorkbook): Promise<SummaryInput[]> {
    const { name } = workbook;
    const worker = this.idle.pop() ?? this.spawn();
    const job: FileJob = { id: this.nextId++, workbook };
    return new Promise((settle) => {
      const finish = (inputs: SummaryInput[], reusable: boolean) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (reusable) this.idle.push(worker);
        else this.stop(worker);
        settle(inputs);
      };
      const onMessage = (result: FileJobResult) => {
        if (result.id === job.id) finish(result.inputs, true);
      };
      const onError = (error: Error & { code?: string }) => {
        const message =
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? memoryMessage(name, this.memoryMb)
            : `“${name}”处理时出现内部错误，已跳过；请把该文件反馈给开发者。(worker failed)`;
        finish(problemInputs(name, message), false);
      };
      const onExit = () => finish(problemInputs(name, `“${name}”处理时出现内部错误，已跳过；请把该文件反馈给开发者。(worker exited)`), false);
      const timer = setTimeout(() => finish(problemInputs(name, timeoutMessage(name, this.timeoutSeconds)), false), this.timeoutSeconds * 1000);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const workers = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
