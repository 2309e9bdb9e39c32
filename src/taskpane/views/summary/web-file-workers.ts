/**
 * Web Workers for the 汇总 view: each picked file is read and scored in a worker with the compile's time budget; a
 * file over it is stopped and listed as a problem, and the others go on. A browser gives no per-worker memory limit:
 * the reader's bounds (./read-bytes) keep memory in proportion to the cells present, and a worker that dies anyway is
 * reported for its file.
 */
import { BudgetedWorkers, DEFAULT_FILE_TIMEOUT_SECONDS, type FileJobBase, type FileJobResult, type WorkerPort } from "../../../batch/budgeted-workers";
import type { SummaryInput } from "../../../summary/types";

export interface WebFileJob extends FileJobBase {
  name: string;
  bytes: ArrayBuffer;
}

function webPort(worker: Worker): WorkerPort<WebFileJob> {
  return {
    // copied, not transferred: a file waiting on a worker that dies is posted again to another one, so its bytes
    // must still be here (a transferred buffer would arrive empty)
    post: (job) => worker.postMessage(job),
    listen(onResult, onFailure) {
      const onMessage = (event: MessageEvent<FileJobResult>) => onResult(event.data);
      const onError = (event: Event) => {
        event.preventDefault();
        onFailure(false);
      };
      worker.addEventListener("message", onMessage);
      worker.addEventListener("error", onError);
      return () => {
        worker.removeEventListener("message", onMessage);
        worker.removeEventListener("error", onError);
      };
    },
    terminate: () => worker.terminate(),
  };
}

export class WebFileWorkers {
  private readonly pool: BudgetedWorkers<WebFileJob>;

  /** `spawn`: a new Web Worker running ./score-worker (its URL is webpack's business, see ./spawn-score-worker). */
  constructor(spawn: () => Worker, workers = Math.min(4, Math.max(1, navigator.hardwareConcurrency || 2)), timeoutSeconds = DEFAULT_FILE_TIMEOUT_SECONDS) {
    this.pool = new BudgetedWorkers(() => webPort(spawn()), { timeoutSeconds, memoryMb: null }, { workers });
  }

  /** Files to have in flight so no worker waits for its next one. */
  get capacity(): number {
    return this.pool.capacity;
  }

  read(name: string, bytes: ArrayBuffer): Promise<SummaryInput[]> {
    return this.pool.run(name, { name, bytes });
  }

  close(): void {
    this.pool.close();
  }
}
