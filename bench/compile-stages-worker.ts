/**
 * The worker threads of ./compile-stages: each answers a file's path with what its stage of a compile's per-file work
 * produces. Loads only what its stages need, as the command line's own worker does (src/batch/file-worker).
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { scoreSource } from "../src/batch/score-source";
import { readWorkbookFileSync } from "../src/hosts/xlsx/read";
import type { Scheme } from "../src/rubric/types";
import { floorWork } from "./floor";

export const STAGES = ["floor work", "reader", "reader + scoring", "reader + scoring + inputs posted"] as const;
export type Stage = (typeof STAGES)[number];

/** One worker: answers each path with what its stage produces. */
function serve(stage: Stage, schemes: Scheme[]): void {
  const byId = new Map(schemes.map((scheme) => [scheme.id, scheme]));
  const read = (path: string) => readWorkbookFileSync(path, { sheets: "scoring" });
  parentPort?.on("message", ({ id, path }: { id: number; path: string }) => {
    if (stage === "floor work") parentPort?.postMessage({ id, answer: floorWork(path) });
    else if (stage === "reader") parentPort?.postMessage({ id, answer: read(path).sheets.length });
    else {
      void scoreSource({ name: path, read: async () => read(path) }, (schemeId) => byId.get(schemeId)).then((inputs) =>
        parentPort?.postMessage({ id, answer: stage === "reader + scoring" ? inputs.length : inputs }),
      );
    }
  });
}

if (!isMainThread) {
  const data = workerData as { stage: Stage; schemes: Scheme[] };
  serve(data.stage, data.schemes);
}
