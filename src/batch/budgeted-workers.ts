/**
 * Workers that each take one file at a time, with a time budget per file: a file over it (or whose worker dies, e.g.
 * out of memory) becomes one problem naming it, its worker is stopped and replaced, and the compile goes on. Free of
 * Node and of the DOM: Node's worker threads (./isolated-files) and the task pane's Web Workers plug in through
 * WorkerPort.
 */
import type { SummaryInput } from "../summary/types";

/** A job for a worker: one file. */
export interface FileJobBase {
  id: number;
}

/** A worker's answer: the file's summary inputs (plain data). */
export interface FileJobResult {
  id: number;
  inputs: SummaryInput[];
}

/** One worker as the pool sees it. */
export interface WorkerPort<Job> {
  post(job: Job): void;
  /** `onFailure(outOfMemory)`: the worker died; returns a function that stops listening */
  listen(onResult: (result: FileJobResult) => void, onFailure: (outOfMemory: boolean) => void): () => void;
  terminate(): void;
}

/** The time budget per file unless told otherwise, in the command line's workers and the pane's alike. */
export const DEFAULT_FILE_TIMEOUT_SECONDS = 20;

export interface Budget {
  timeoutSeconds: number;
  /** null where it cannot be enforced (a browser) */
  memoryMb: number | null;
}

function timeoutMessage(file: string, seconds: number): string {
  return `“${file}”处理超时，已跳过：读取和计分超过 ${seconds} 秒（文件内容异常庞大或复杂）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试；确属正常文件时可用 --file-timeout 放宽。`;
}

function memoryMessage(file: string, megabytes: number | null): string {
  const limit = megabytes === null ? "" : `需要超过 ${megabytes} MB 内存`;
  return `“${file}”超出内存，已跳过：读取和计分${limit}（文件内容异常庞大）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试；确属正常文件时可用 --file-memory 放宽。`;
}

function failedMessage(file: string): string {
  return `“${file}”处理时出现内部错误，已跳过；请把该文件反馈给开发者。`;
}

function problemInputs(file: string, message: string): SummaryInput[] {
  return [{ file, problems: [{ cell: null, severity: "error", message }] }];
}

export class BudgetedWorkers<Job extends FileJobBase> {
  private readonly idle: WorkerPort<Job>[] = [];
  private readonly all = new Set<WorkerPort<Job>>();
  private nextId = 0;

  constructor(
    private readonly spawn: () => WorkerPort<Job>,
    private readonly budget: Budget,
  ) {}

  /** The file's summary inputs, or one problem naming it when it went over budget or its worker died. */
  run(file: string, job: Omit<Job, "id">): Promise<SummaryInput[]> {
    const worker = this.idle.pop() ?? this.spawn();
    this.all.add(worker);
    const id = this.nextId++;
    return new Promise((settle) => {
      let stopListening = (): void => undefined;
      const finish = (inputs: SummaryInput[], reusable: boolean): void => {
        clearTimeout(timer);
        stopListening();
        if (reusable) {
          this.idle.push(worker);
        } else {
          this.all.delete(worker);
          worker.terminate();
        }
        settle(inputs);
      };
      const timer = setTimeout(() => finish(problemInputs(file, timeoutMessage(file, this.budget.timeoutSeconds)), false), this.budget.timeoutSeconds * 1000);
      stopListening = worker.listen(
        (result) => {
          if (result.id === id) finish(result.inputs, true);
        },
        (outOfMemory) => finish(problemInputs(file, outOfMemory ? memoryMessage(file, this.budget.memoryMb) : failedMessage(file)), false),
      );
      worker.post({ ...job, id } as Job);
    });
  }

  close(): void {
    for (const worker of this.all) worker.terminate();
    this.all.clear();
    this.idle.length = 0;
  }
}
