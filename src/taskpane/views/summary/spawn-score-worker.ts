/**
 * Starts one 汇总 Web Worker. Webpack sees `new Worker(new URL(…, import.meta.url))` and bundles ./score-worker as a
 * worker chunk; only the pane's bundle imports this module (Node and jest never do).
 */
export function spawnScoreWorker(): Worker {
  // @ts-expect-error TS1470: the type check treats this file as CommonJS; webpack builds it as an ES module
  return new Worker(new URL("./score-worker.ts", import.meta.url));
}
