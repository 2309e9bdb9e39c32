/**
 * A one-line progress bar for a terminal (cli-progress): it redraws in place at every update, showing the exact count
 * and the file just read, and clears itself when done. Nothing is written until the first update.
 */
import { Format, SingleBar } from "cli-progress";
import stringWidth from "string-width";
import { tailWithin } from "./display-width";

export interface ProgressStream {
  write(text: string): unknown;
  columns?: number;
  /** cli-progress draws only on a terminal */
  isTTY?: boolean;
}

const BAR_WIDTH = 24;
const MIN_NAME_WIDTH = 12;

export function progressBar(stream: ProgressStream, label: string): { update(done: number, total: number, file: string): void; finish(): void } {
  let bar: SingleBar | null = null;
  const start = (total: number, done: number, file: string) => {
    bar = new SingleBar({
      stream: stream as NodeJS.WritableStream,
      barsize: BAR_WIDTH,
      barCompleteChar: "█",
      barIncompleteChar: "░",
      clearOnComplete: true,
      // leave the terminal's line wrapping alone: cli-progress would switch it off until finish, and a Ctrl-C before
      // then would leave the user's terminal without it (our line fits the width anyway)
      linewrap: true,
      format: (options, params, payload: { file: string }) => {
        const head = `${label} ${Format.BarFormat(params.progress, options)} ${params.value}/${params.total} `;
        // one cell spare: writing the last column makes some terminals wrap
        const room = Math.max(MIN_NAME_WIDTH, params.maxWidth - stringWidth(head) - 1);
        return `${head}${tailWithin(payload.file, room)}`;
      },
    });
    bar.start(total, done, { file });
  };
  return {
    update(done, total, file) {
      if (!bar) return start(total, done, file);
      if (total !== bar.getTotal()) bar.setTotal(total);
      bar.update(done, { file });
      // every update is drawn, not only those cli-progress's frame rate lets through
      bar.render();
    },
    finish() {
      bar?.stop();
      bar = null;
    },
  };
}
