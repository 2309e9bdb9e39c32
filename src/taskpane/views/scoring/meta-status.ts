/**
 * 定稿 in `_meta`: key `status` (`final` once finalised, `draft` after 解除定稿) and `finalizedAt` (ISO time, blank when
 * reopened). An addition to the contract's key list; readers that do not know these keys ignore them.
 */
export const STATUS_KEY = "status";
export const FINALIZED_AT_KEY = "finalizedAt";
export const FINAL_STATUS = "final";
export const DRAFT_STATUS = "draft";

export function finalMetaValues(now: Date): Record<string, string> {
  return { [STATUS_KEY]: FINAL_STATUS, [FINALIZED_AT_KEY]: now.toISOString() };
}

export function draftMetaValues(): Record<string, string> {
  return { [STATUS_KEY]: DRAFT_STATUS, [FINALIZED_AT_KEY]: "" };
}

export function isFinalStatus(status: string | undefined): boolean {
  return (status ?? "").trim().toLowerCase() === FINAL_STATUS;
}
