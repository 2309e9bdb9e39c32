/**
 * The 汇总 view's Web Worker: reads and scores one picked file at a time off the pane's thread, so the pane stays
 * responsive and a file that takes too long can be stopped (./web-file-workers). Webpack bundles this file as its
 * own chunk.
 */
import type { FileJobResult } from "../../../batch/budgeted-workers";
import { resolveOncePerId, scoreSource } from "../../../batch/score-source";
import { readWorkbookBytes } from "../../../hosts/xlsx/read-bytes";
import { getScheme } from "../../../rubric/catalogue";
import type { WebFileJob } from "./web-file-workers";

// each scheme copied once per worker, not once per file (as the command line's workers do)
const resolve = resolveOncePerId(getScheme);

addEventListener("message", (event: MessageEvent<WebFileJob>) => {
  const { id, name, bytes } = event.data;
  void scoreSource({ name, read: () => readWorkbookBytes(new Uint8Array(bytes), name, { sheets: "scoring" }) }, resolve).then((inputs) => {
    const result: FileJobResult = { id, inputs };
    postMessage(result);
  });
});
