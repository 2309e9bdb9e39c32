/**
 * Workers that each take one file at a time, with a time budget per file: a file over it (or whose worker dies, e.g.
 * out of memory) becomes one problem naming it, its worker is stopped and replaced, and the compile goes on. Free of
 * Node and of the DOM: Node's worker threads (./isolated-files) and the task pane's Web Workers plug in through
 * WorkerPort. Our own rather than a pool library (piscina): the same pool must drive Web Workers in the task pane,
 * which piscina cannot, and a file's time budget must start when its worker starts on it, not when it is queued.
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

/** How many workers, and how many files each holds at once: the one it works on and the next ones, waiting. */
export interface PoolSize {
  workers: number;
  /** files posted to one worker at a time (default 2) */
  depth?: number;
}

/**
 * Two files per worker: when one is done the next is already in the worker's queue, so it never waits for the main
 * thread's answer to start (on a compile of small files that wait was a sixth of a worker's time).
 */
const DEFAULT_DEPTH = 2;

interface Pending<Job> {
  file: string;
  job: Job;
  settle: (inputs: SummaryInput[]) => void;
}

/** One worker and the files posted to it, in order: the first is the one it works on, under the time budget. */
interface Slot<Job> {
  port: WorkerPort<Job>;
  queue: Pending<Job>[];
  timer: ReturnType<typeof setTimeout> | undefined;
  stopListening: () => void;
}

export class BudgetedWorkers<Job extends FileJobBase> {
  private readonly slots: Slot<Job>[] = [];
  private readonly workers: number;
  private readonly depth: number;
  private nextId = 0;

  constructor(
    private readonly spawn: () => WorkerPort<Job>,
    private readonly budget: Budget,
    size: PoolSize,
  ) {
    this.workers = Math.max(1, Math.floor(size.workers));
    this.depth = Math.max(1, Math.floor(size.depth ?? DEFAULT_DEPTH));
  }

  /** Files to keep in flight so that every worker always has its next file waiting. */
  get capacity(): number {
    return this.workers * this.depth;
  }

  /** Starts every worker now (they take a moment to load), e.g. while the files are still being listed. */
  start(): void {
    while (this.slots.length < this.workers) this.open();
  }

  /** The file's summary inputs, or one problem naming it when it went over budget or its worker died. */
  run(file: string, job: Omit<Job, "id">): Promise<SummaryInput[]> {
    return new Promise((settle) => this.post({ file, job: { ...job, id: this.nextId++ } as Job, settle }));
  }

  /** To an idle worker, a new one while there is room, else the one with the fewest files. */
  private post(pending: Pending<Job>): void {
    const least = this.slots.reduce<Slot<Job> | undefined>((best, slot) => (best === undefined || slot.queue.length < best.queue.length ? slot : best), undefined);
    const slot = least !== undefined && (least.queue.length === 0 || this.slots.length >= this.workers) ? least : this.open();
    slot.queue.push(pending);
    slot.port.post(pending.job);
    if (slot.queue.length === 1) this.startClock(slot);
  }

  private open(): Slot<Job> {
    const slot: Slot<Job> = { port: this.spawn(), queue: [], timer: undefined, stopListening: () => undefined };
    slot.stopListening = slot.port.listen(
      (result) => this.answered(slot, result),
      (outOfMemory) => this.fail(slot, (file) => (outOfMemory ? memoryMessage(file, this.budget.memoryMb) : failedMessage(file))),
    );
    this.slots.push(slot);
    return slot;
  }

  /** The time budget of the worker's current file starts when it starts on it: when the file before is done. */
  private startClock(slot: Slot<Job>): void {
    slot.timer = setTimeout(() => this.fail(slot, (file) => timeoutMessage(file, this.budget.timeoutSeconds)), this.budget.timeoutSeconds * 1000);
  }

  private answered(slot: Slot<Job>, result: FileJobResult): void {
    const current = slot.queue[0];
    if (current === undefined || current.job.id !== result.id) return;
    clearTimeout(slot.timer);
    slot.queue.shift();
    if (slot.queue.length > 0) this.startClock(slot);
    current.settle(result.inputs);
  }

  /** The current file gets one problem; the worker is stopped and its waiting files go to the others or a new one. */
  private fail(slot: Slot<Job>, message: (file: string) => string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // stopped already (closed, or failed once)
    this.stop(slot);
    this.slots.splice(index, 1);
    const [current, ...waiting] = slot.queue;
    if (current !== undefined) current.settle(problemInputs(current.file, message(current.file)));
    for (const pending of waiting) this.post(pending);
  }

  private stop(slot: Slot<Job>): void {
    clearTimeout(slot.timer);
    slot.stopListening();
    slot.port.terminate();
  }

  close(): void {
    for (const slot of this.slots) this.stop(slot);
    this.slots.length = 0;
  }
}
