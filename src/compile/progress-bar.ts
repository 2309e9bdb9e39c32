/** A one-line progress bar for a terminal; it redraws in place and clears itself when done. */
export interface ProgressStream {
  write(text: string): unknown;
  columns?: number;
}

const BAR_WIDTH = 24;

export function progressBar(stream: ProgressStream, label: string): { update(done: number, total: number, file: string): void; finish(): void } {
  let drawn = false;
  return {
    update(done, total, file) {
      const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
      const bar = "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
      const room = Math.max(10, (stream.columns ?? 80) - BAR_WIDTH - label.length * 2 - 20);
      // file names are mostly CJK (two cells wide): keep the tail, which carries the distinguishing part
      const shown = [...file].length > room / 2 ? `…${[...file].slice(-Math.floor(room / 2)).join("")}` : file;
      stream.write(`\r\x1b[K${label} ${bar} ${done}/${total} ${shown}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write("\r\x1b[K");
    },
  };
}
