/** A one-line progress bar for a terminal; it redraws in place and clears itself when done. */
import { displayWidth, tailWithin } from "./display-width";

export interface ProgressStream {
  write(text: string): unknown;
  columns?: number;
}

const BAR_WIDTH = 24;
const MIN_NAME_WIDTH = 12;

export function progressBar(stream: ProgressStream, label: string): { update(done: number, total: number, file: string): void; finish(): void } {
  let drawn = false;
  return {
    update(done, total, file) {
      const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
      const head = `${label} ${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)} ${done}/${total} `;
      // one cell spare: writing the last column makes some terminals wrap
      const room = Math.max(MIN_NAME_WIDTH, (stream.columns ?? 80) - displayWidth(head) - 1);
      stream.write(`\r\x1b[K${head}${tailWithin(file, room)}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write("\r\x1b[K");
    },
  };
}
