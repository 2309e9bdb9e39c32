/**
 * Turning a failed host call into something the user can act on. Hosts report failures as HostError of a kind
 * (../../hosts/types); the pane decides from the kind alone and never sees a host's own error codes.
 */
import { isHostError } from "../../hosts/types";
import type { MessageKey } from "../../i18n";

export interface HostErrorDescription {
  key: MessageKey;
  detail: string;
  /** the same action may well succeed once the user has done something */
  retryable: boolean;
}

export function describeHostError(error: unknown): HostErrorDescription {
  if (isHostError(error, "cell-edit-mode")) return { key: "error.cellEditMode", detail: "", retryable: true };
  const message = typeof error === "object" && error !== null ? (error as { message?: unknown }).message : undefined;
  const detail = typeof message === "string" && message !== "" ? message : String(error);
  return { key: "error.generic", detail, retryable: false };
}
