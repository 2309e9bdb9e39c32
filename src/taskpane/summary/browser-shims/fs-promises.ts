/**
 * `node:fs/promises` for the browser bundle. The task pane reads picked files as bytes (readWorkbookBuffer); the
 * file-path reader is never called there, and would say so plainly if it were.
 */
export async function open(path: string): Promise<never> {
  throw new Error(`浏览器中不能按路径读取文件：${path}`);
}
