/**
 * Node only: each workbook file read and scored in a worker thread (./file-worker) with a time budget and a memory
 * budget (./budgeted-workers). As many workers as cores, so a large compile uses them all; results keep the file
 * order (./pool), so the output is the same whatever the number of workers.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { ReadLimits } from "../hosts/xlsx/file-check";
import { builtInSchemes } from "../rubric/catalogue";
import type { Scheme } from "../rubric/types";
import type { SummaryInput } from "../summary/types";
import { BudgetedWorkers, DEFAULT_FILE_TIMEOUT_SECONDS, type FileJobBase, type WorkerPort } from "./budgeted-workers";
import type { FoundWorkbook } from "./find-files";

export interface IsolationOptions {
  /** seconds one file may take (default 20) */
  timeoutSeconds?: number;
  /** megabytes of heap one file may use (default 512) */
  memoryMb?: number;
  /** worker threads (default: the number of cores) */
  workers?: number;
  /** the custom rubric, when one was given */
  custom?: Scheme | null;
}

export { DEFAULT_FILE_TIMEOUT_SECONDS };
export const DEFAULT_FILE_MEMORY_MB = 512;

export interface FileWorkerData {
  /** the built-in schemes, then the custom rubric: of two with one id, the later one is used */
  schemes: Scheme[];
  limits: Partial<ReadLimits>;
}

export interface FileJob extends FileJobBase {
  workbook: FoundWorkbook;
}

/** The compiled worker script: beside this module when running from dist-cli, else (tests on the sources) there. */
function workerScript(): string {
  const beside = join(__dirname, "file-worker.js");
  if (existsSync(beside)) return beside;
  return resolve(__dirname, "..", "..", "dist-cli", "src", basename(__dirname), "file-worker.js");
}

function threadPort(worker: Worker): WorkerPort<FileJob> {
  return {
    post: (job) => worker.postMessage(job),
    listen(onResult, onFailure) {
      const onError = (error: Error & { code?: string }) => onFailure(error.code === "ERR_WORKER_OUT_OF_MEMORY");
      const onExit = () => onFailure(false);
      worker.on("message", onResult);
      worker.on("error", onError);
      worker.on("exit", onExit);
      return () => {
        worker.off("message", onResult);
        worker.off("error", onError);
        worker.off("exit", onExit);
      };
    },
    terminate: () => void worker.terminate(),
  };
}

/** Worker threads that each read and score one file at a time. */
export class IsolatedFileReader {
  private readonly pool: BudgetedWorkers<FileJob>;

  constructor(options: IsolationOptions, limits: Partial<ReadLimits> = {}) {
    const memoryMb = options.memoryMb ?? DEFAULT_FILE_MEMORY_MB;
    const data: FileWorkerData = { schemes: [...builtInSchemes(), ...(options.custom ? [options.custom] : [])], limits };
    const spawn = () =>
      threadPort(
        new Worker(workerScript(), {
          workerData: data,
          resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, memoryMb / 8)) },
        }),
      );
    this.pool = new BudgetedWorkers(spawn, { timeoutSeconds: options.timeoutSeconds ?? DEFAULT_FILE_TIMEOUT_SECONDS, memoryMb }, { workers: options.workers ?? availableParallelism() });
  }

  /** Starts the workers before the first file is ready. */
  start(): void {
    this.pool.start();
  }

  /** Files to have in flight so no worker waits for its next one. */
  get capacity(): number {
    return this.pool.capacity;
  }

  /** The file's summary inputs; a file over budget (or whose worker died) gives one problem naming it. */
  read(workbook: FoundWorkbook): Promise<SummaryInput[]> {
    return this.pool.run(workbook.name, { workbook });
  }

  async close(): Promise<void> {
    this.pool.close();
  }
}

