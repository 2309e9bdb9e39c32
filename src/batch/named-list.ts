/** Node only: the `--named` file, one 已命名 subject per line (blank lines and lines starting with # ignored). */
import { readFile } from "node:fs/promises";

export async function readNamedList(path: string): Promise<{ names: string[] } | { error: string }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "文件不存在" : code === "EISDIR" ? "这是文件夹，不是文件" : `无法读取（${code ?? (error as Error).message}）`;
    return { error: `已命名名单“${path}”：${why}` };
  }
  const names = text
    .replace(/^\uFEFF/, "") // Windows Notepad's BOM
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  return { names };
}
