/**
 * Excel refuses every batch while the user is typing in a cell (a HostError of kind "cell-edit-mode"). Such a batch is
 * tried again after growing pauses; anything else fails at once.
 */
import { isHostError } from "../../../hosts/types";

/** pauses before the 2nd, 3rd … attempt: about 15 s in all, long enough to finish typing a cell */
export const DEFAULT_RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

export interface RetryOptions {
  delaysMs: readonly number[];
  /** told before each pause: attempt 1 is the first retry */
  onRetry(attempt: number, of: number): void;
  /** resolves after ms; injectable for tests */
  sleep(ms: number): Promise<void>;
  /** stop retrying (the pane was closed) */
  cancelled(): boolean;
}

export async function withCellEditRetry<T>(action: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (!isHostError(error, "cell-edit-mode") || attempt >= options.delaysMs.length || options.cancelled()) throw error;
      options.onRetry(attempt + 1, options.delaysMs.length);
      await options.sleep(options.delaysMs[attempt]);
    }
  }
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
