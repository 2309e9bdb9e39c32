/** Why a workbook file could not be read; `message` is Chinese, names the file and says what to do. */

export type WorkbookFileErrorKind = "not-xlsx" | "corrupt" | "encrypted" | "too-large" | "unreadable" | "unsupported";

export class WorkbookFileError extends Error {
  override readonly name = "WorkbookFileError";

  constructor(
    readonly kind: WorkbookFileErrorKind,
    message: string,
    /** the file's name as the user gave it */
    readonly file: string,
  ) {
    super(message);
  }
}

/** "20 MiB", "312 KiB": sizes as a user reads them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} B`;
}

const RESAVE_HINT = "请在 Excel 或 WPS 中打开后“另存为” Excel 工作簿 (.xlsx) 再试";

export function notXlsx(file: string, what: string): WorkbookFileError {
  return new WorkbookFileError("not-xlsx", `“${file}”不是 Excel 工作簿 (.xlsx)：${what}。${RESAVE_HINT}。`, file);
}

export function corrupt(file: string, what: string): WorkbookFileError {
  return new WorkbookFileError(
    "corrupt",
    `“${file}”已损坏或不完整：${what}。请重新获取原文件（下载或复制可能中断）。`,
    file,
  );
}

export function encrypted(file: string): WorkbookFileError {
  return new WorkbookFileError(
    "encrypted",
    `“${file}”设有打开密码（文件已加密），无法读取。请在 Excel 或 WPS 中取消“打开密码”后另存，再试。`,
    file,
  );
}

export function tooLarge(file: string, what: string): WorkbookFileError {
  return new WorkbookFileError("too-large", `“${file}”过大：${what}，已拒绝读取。`, file);
}

export function unreadable(file: string, error: unknown): WorkbookFileError {
  const code = (error as { code?: string }).code;
  const reason =
    code === "ENOENT"
      ? "文件不存在"
      : code === "EACCES" || code === "EPERM"
        ? "没有读取权限"
        : code === "EISDIR"
          ? "这是文件夹，不是文件"
          : code === "ELOOP"
            ? "链接循环指向自身"
            : `读取失败${code ? `（${code}）` : ""}`;
  return new WorkbookFileError("unreadable", `无法读取“${file}”：${reason}。`, file);
}

/** A FIFO, device or socket given (or met) where a workbook was expected: refused before it is opened. */
export function notRegularFile(file: string, what: string): WorkbookFileError {
  return new WorkbookFileError("unreadable", `无法读取“${file}”：这不是普通文件，而是${what}，已跳过。`, file);
}

/** A well-packed part whose content we do not read (malformed or hostile XML, an address beyond Excel's sheet). */
export function unsupported(file: string, part: string, what: string): WorkbookFileError {
  return new WorkbookFileError(
    "unsupported",
    `“${file}”含有本工具无法读取的内容（“${part}”：${what}）。${RESAVE_HINT}。`,
    file,
  );
}
