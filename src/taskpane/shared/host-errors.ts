/**
 * Turning a failed host call into something the user can act on. Excel refuses every batch while a cell is being
 * edited; the office host reports that with the Office error code, which we recognise by shape rather than by class so
 * the pane does not depend on how the host wraps it.
 */
import type { MessageKey } from "../../i18n";

export interface HostErrorDescription {
  key: MessageKey;
  detail: string;
  /** the same action may well succeed once the user has done something */
  retryable: boolean;
}

const CELL_EDIT_MODE = "InvalidOperationInCellEditMode";

function field(error: unknown, name: string): unknown {
  return typeof error === "object" && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

export function describeHostError(error: unknown): HostErrorDescription {
  const code = field(error, "code");
  const name = field(error, "name");
  if (code === CELL_EDIT_MODE || name === CELL_EDIT_MODE || name === "CellEditModeError") {
    return { key: "error.cellEditMode", detail: "", retryable: true };
  }
  const message = field(error, "message");
  const detail = typeof message === "string" && message !== "" ? message : String(error);
  return { key: "error.generic", detail, retryable: false };
}
