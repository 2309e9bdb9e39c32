/**
 * Office.js failures turned into errors a secretary can act on (Chinese first), of the host-neutral kinds in
 * ../types: the Office error codes are known here and nowhere else. Excel refuses every batch while a cell is being
 * edited: that one gets its own class so the task pane can ask the user to finish editing and retry.
 */
import { HostError } from "../types";
import type { HostErrorKind } from "../types";

const MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。",
  AccessDenied: "工作表受保护，无法修改锁定的单元格。请先撤消工作表保护（审阅 → 撤消工作表保护）后重试。",
  ItemAlreadyExists: "已存在同名工作表。",
  ItemNotFound: "找不到指定的工作表或单元格区域，可能已被删除或改名。",
  InvalidArgument: "Excel 拒绝了无效的参数。",
  InvalidOperation: "Excel 无法执行此操作。",
  ApiNotFound: "当前 Excel 版本不支持所需的功能，请升级 Office（需要 ExcelApi 1.7 或更高版本）。",
  RequestPayloadSizeLimitExceeded: "一次提交给 Excel 的数据超过上限（5 MB）。",
  GeneralException: "Excel 内部错误。",
};

/** Office error codes (and this host's own: Unsupported, InvalidPlan) → the kind a view acts on. */
const KINDS = new Map<string, HostErrorKind>([
  ["InvalidOperationInCellEditMode", "cell-edit-mode"],
  ["ItemNotFound", "not-found"],
  ["ItemAlreadyExists", "already-exists"],
  ["AccessDenied", "access-denied"],
  ["ApiNotFound", "api-missing"],
  ["Unsupported", "unsupported"],
  ["InvalidArgument", "invalid"],
  ["InvalidOperation", "invalid"],
  ["InvalidPlan", "invalid"],
  ["RequestPayloadSizeLimitExceeded", "too-large"],
]);

export function hostErrorKind(code: string): HostErrorKind {
  return KINDS.get(code) ?? "other";
}

export class OfficeHostError extends HostError {
  /** the Office error code, e.g. "ItemNotFound"; "Unsupported" when Excel is absent or too old */
  readonly code: string;
  constructor(code: string, message: string) {
    super(hostErrorKind(code), message);
    this.name = "OfficeHostError";
    this.code = code;
  }
}

/** Retry after the user leaves cell-edit mode. */
export class CellEditModeError extends OfficeHostError {
  constructor(message: string) {
    super("InvalidOperationInCellEditMode", message);
    this.name = "CellEditModeError";
  }
}

function codeOf(error: unknown): string {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : "GeneralException";
}

/** action: what we were doing, e.g. "生成评分表". */
export function toHostError(error: unknown, action: string): OfficeHostError {
  if (error instanceof OfficeHostError) return error;
  const code = codeOf(error);
  const original = error instanceof Error ? error.message : String(error);
  const message = `${action}失败：${MESSAGES[code] ?? MESSAGES.GeneralException}（${code}: ${original}）`;
  return code === "InvalidOperationInCellEditMode" ? new CellEditModeError(message) : new OfficeHostError(code, message);
}

export async function officeCall<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toHostError(error, action);
  }
}
