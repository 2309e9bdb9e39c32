/**
 * The worker pool shared by the command line (worker threads) and the 汇总 view (Web Workers), through fake workers:
 * an answer is passed on and the worker reused; a worker that never answers is stopped at the time budget and
 * replaced; a worker that dies is reported for its file, naming it.
 */
import { BudgetedWorkers, type FileJobBase, type FileJobResult, type WorkerPort } from "../../src/batch/budgeted-workers";

interface Job extends FileJobBase {
  name: string;
}

type Behaviour = "answer" | "hang" | "out-of-memory" | "crash";

/** A fake worker that behaves as the job's name says. */
class FakeWorker implements WorkerPort<Job> {
  terminated = false;
  private onResult: ((result: FileJobResult) => void) | null = null;
  private onFailure: ((outOfMemory: boolean) => void) | null = null;

  post(job: Job): void {
    const behaviour = job.name.split(".")[0] as Behaviour;
    setImmediate(() => {
      if (behaviour === "answer") this.onResult?.({ id: job.id, inputs: [{ file: job.name, problems: [] }] });
      else if (behaviour === "out-of-memory") this.onFailure?.(true);
      else if (behaviour === "crash") this.onFailure?.(false);
    });
  }

  listen(onResult: (result: FileJobResult) => void, onFailure: (outOfMemory: boolean) => void): () => void {
    this.onResult = onResult;
    this.onFailure = onFailure;
    return () => {
      this.onResult = null;
      this.onFailure = null;
    };
  }

  terminate(): void {
    this.terminated = true;
  }
}

function pool(): { workers: FakeWorker[]; run: (name: string) => Promise<string[]> } {
  const workers: FakeWorker[] = [];
  const budgeted = new BudgetedWorkers(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  }, { timeoutSeconds: 0.05, memoryMb: 64 });
  return { workers, run: async (name) => (await budgeted.run(name, { name })).flatMap((input) => input.problems.map((problem) => problem.message)) };
}

test("answers pass through and one worker serves file after file", async () => {
  const { workers, run } = pool();
  expect(await run("answer.1.xlsx")).toEqual([]);
  expect(await run("answer.2.xlsx")).toEqual([]);
  expect(workers).toHaveLength(1);
  expect(workers[0].terminated).toBe(false);
});

test("a file over the time budget is named, its worker stopped and replaced", async () => {
  const { workers, run } = pool();
  expect(await run("hang.xlsx")).toEqual([expect.stringMatching(/^“hang\.xlsx”处理超时，已跳过/)]);
  expect(workers[0].terminated).toBe(true);
  expect(await run("answer.xlsx")).toEqual([]);
  expect(workers).toHaveLength(2);
});

test("a worker out of memory or dead is reported for its file, and the next file gets a fresh worker", async () => {
  const { workers, run } = pool();
  expect(await run("out-of-memory.xlsx")).toEqual([expect.stringMatching(/^“out-of-memory\.xlsx”超出内存，已跳过.*64 MB/)]);
  expect(await run("crash.xlsx")).toEqual([expect.stringMatching(/^“crash\.xlsx”处理时出现内部错误，已跳过/)]);
  expect(workers.map((worker) => worker.terminated)).toEqual([true, true]);
});
