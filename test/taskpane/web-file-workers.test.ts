/**
 * The 汇总 view's Web Worker pool, through fake workers that receive messages as a browser delivers them (structured
 * clone, transferred buffers detached): a file waiting on a worker that dies reaches the next worker whole.
 */
import { WebFileWorkers } from "../../src/taskpane/views/summary/web-file-workers";

/** A fake Web Worker: the first one dies on its first job; the others answer with the size of the bytes received. */
class FakeWorker extends EventTarget {
  static made = 0;
  readonly dies = FakeWorker.made++ === 0;
  readonly received: number[] = [];

  postMessage(message: { id: number; name: string; bytes: ArrayBuffer }, transfer: Transferable[] = []): void {
    const delivered = structuredClone(message, { transfer });
    this.received.push(delivered.bytes.byteLength);
    setImmediate(() => {
      if (this.dies) this.dispatchEvent(new Event("error"));
      else this.dispatchEvent(new MessageEvent("message", { data: { id: delivered.id, inputs: [{ file: `${delivered.name}:${delivered.bytes.byteLength}`, problems: [] }] } }));
    });
  }

  terminate(): void {}
}

test("a file queued behind one whose worker died is read whole by the next worker", async () => {
  const workers = new WebFileWorkers(() => new FakeWorker() as unknown as Worker, 1);
  const [died, queued] = await Promise.all([workers.read("a.xlsx", new ArrayBuffer(100)), workers.read("b.xlsx", new ArrayBuffer(200))]);
  workers.close();
  expect(died[0].problems[0].message).toMatch(/^“a\.xlsx”处理时出现内部错误/);
  expect(queued).toEqual([{ file: "b.xlsx:200", problems: [] }]);
});
