/**
 * The worker pool shared by the command line (worker threads) and the 汇总 view (Web Workers), through fake workers
 * that, like real ones, take the files posted to them one after another: an answer is passed on and the worker reused;
 * each worker holds its next file while it works on one; a worker that never answers is stopped at the time budget and
 * replaced, and the file waiting on it goes to another; a worker that dies is reported for its file, naming it.
 */
import { BudgetedWorkers, type FileJobBase, type FileJobResult, type PoolSize, type WorkerPort } from "../../src/batch/budgeted-workers";

interface Job extends FileJobBase {
  name: string;
}

type Behaviour = "answer" | "slow" | "hang" | "out-of-memory" | "crash";

/** Milliseconds a "slow" file takes: under the test budget alone, over it for two in a row. */
const SLOW_MS = 150;
const BUDGET_SECONDS = 0.25;

/** A fake worker that behaves as the job's name says, one job after another. */
class FakeWorker implements WorkerPort<Job> {
  terminated = false;
  readonly received: string[] = [];
  private busyUntil: Promise<void> = Promise.resolve();
  private onResult: ((result: FileJobResult) => void) | null = null;
  private onFailure: ((outOfMemory: boolean) => void) | null = null;

  post(job: Job): void {
    this.received.push(job.name);
    const behaviour = job.name.split(".")[0] as Behaviour;
    this.busyUntil = this.busyUntil.then(
      () =>
        new Promise<void>((done) => {
          if (this.terminated) return; // a stopped worker takes nothing further
          const answer = () => this.onResult?.({ id: job.id, inputs: [{ file: job.name, problems: [] }] });
          if (behaviour === "answer") setImmediate(() => (answer(), done()));
          else if (behaviour === "slow") setTimeout(() => (answer(), done()), SLOW_MS);
          else if (behaviour === "out-of-memory") setImmediate(() => this.onFailure?.(true));
          else if (behaviour === "crash") setImmediate(() => this.onFailure?.(false));
        }),
    );
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

function pool(size: PoolSize = { workers: 1 }): { workers: FakeWorker[]; budgeted: BudgetedWorkers<Job>; run: (name: string) => Promise<string[]> } {
  const workers: FakeWorker[] = [];
  const budgeted = new BudgetedWorkers(
    () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    { timeoutSeconds: BUDGET_SECONDS, memoryMb: 64 },
    size,
  );
  return { workers, budgeted, run: async (name) => (await budgeted.run(name, { name })).flatMap((input) => input.problems.map((problem) => problem.message)) };
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

test("each worker holds its next file: capacity is workers × depth, idle workers are used first", async () => {
  const { workers, budgeted, run } = pool({ workers: 2 });
  expect(budgeted.capacity).toBe(4);
  const answers = await Promise.all(["answer.1.xlsx", "answer.2.xlsx", "answer.3.xlsx", "answer.4.xlsx"].map(run));
  expect(answers).toEqual([[], [], [], []]);
  expect(workers.map((worker) => worker.received)).toEqual([
    ["answer.1.xlsx", "answer.3.xlsx"],
    ["answer.2.xlsx", "answer.4.xlsx"],
  ]);
});

test("a waiting file's time budget starts when its worker starts on it, not when it was posted", async () => {
  // two slow files on one worker take longer than one budget together, but each is within it
  const { workers, run } = pool({ workers: 1 });
  expect(await Promise.all([run("slow.1.xlsx"), run("slow.2.xlsx")])).toEqual([[], []]);
  expect(workers).toHaveLength(1);
});

test("the file waiting on a worker that hangs or dies is not lost: it goes to a fresh worker", async () => {
  const { workers, run } = pool({ workers: 1 });
  const [hung, after] = await Promise.all([run("hang.xlsx"), run("answer.after-hang.xlsx")]);
  expect(hung).toEqual([expect.stringMatching(/^“hang\.xlsx”处理超时/)]);
  expect(after).toEqual([]);
  const [crashed, next] = await Promise.all([run("crash.xlsx"), run("answer.after-crash.xlsx")]);
  expect(crashed).toEqual([expect.stringMatching(/^“crash\.xlsx”处理时出现内部错误/)]);
  expect(next).toEqual([]);
  expect(workers.map((worker) => [worker.terminated, worker.received])).toEqual([
    [true, ["hang.xlsx", "answer.after-hang.xlsx"]],
    [true, ["answer.after-hang.xlsx", "crash.xlsx", "answer.after-crash.xlsx"]],
    [false, ["answer.after-crash.xlsx"]],
  ]);
});

test("start() spawns every worker up front; close() stops them all", () => {
  const { workers, budgeted } = pool({ workers: 3 });
  budgeted.start();
  expect(workers).toHaveLength(3);
  budgeted.close();
  expect(workers.every((worker) => worker.terminated)).toBe(true);
});
