/** The terminal progress bar: redraws one line in place and leaves nothing behind. */
import { progressBar } from "../../src/compile/progress-bar";

function recorder(columns?: number): { stream: { write(text: string): void; columns?: number }; text: () => string } {
  let written = "";
  return { stream: { write: (text: string) => void (written += text), columns }, text: () => written };
}

test("each update redraws the same line with the count and the file", () => {
  const { stream, text } = recorder(100);
  const bar = progressBar(stream, "读取评分表");
  bar.update(1, 4, "a.xlsx");
  bar.update(2, 4, "b.xlsx");
  const frames = text().split("\r\x1b[K").filter(Boolean);
  expect(frames).toHaveLength(2);
  expect(frames[1]).toMatch(/^读取评分表 █{12}░{12} 2\/4 b\.xlsx$/);
  expect(text()).not.toContain("\n");
});

test("a long file name keeps its distinguishing end", () => {
  const { stream, text } = recorder(60);
  progressBar(stream, "读取").update(1, 1, `${"很长的文件夹名/".repeat(10)}第九党支部-考评.xlsx`);
  expect(text()).toMatch(/….*第九党支部-考评\.xlsx$/);
});

test("finish clears the line, and writes nothing when nothing was drawn", () => {
  const drawn = recorder();
  const bar = progressBar(drawn.stream, "读取");
  bar.update(1, 1, "a.xlsx");
  bar.finish();
  expect(drawn.text().endsWith("\r\x1b[K")).toBe(true);
  const idle = recorder();
  progressBar(idle.stream, "读取").finish();
  expect(idle.text()).toBe("");
});
