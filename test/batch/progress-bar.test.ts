/** The terminal progress bar: redraws one line in place and leaves nothing behind. */
import stringWidth from "string-width";
import { progressBar } from "../../src/batch/progress-bar";

// cli-progress draws only on a terminal: to the start of the line (CSI 1G), the frame, then clear to its end (CSI 0K)
const LINE_START = "\x1b[1G";
const CLEAR_RIGHT = "\x1b[0K";
const CLEAR_LINE = "\x1b[2K";

// a drawn bar redraws on a timer until finished: finish every bar, also when a test fails
const bars: { finish(): void }[] = [];
afterEach(() => bars.splice(0).forEach((bar) => bar.finish()));

function recorder(columns?: number): { stream: { write(text: string): void; columns?: number; isTTY: boolean }; text: () => string } {
  let written = "";
  return { stream: { write: (text: string) => void (written += text), columns, isTTY: true }, text: () => written };
}

function barOn(stream: ReturnType<typeof recorder>["stream"], label: string): ReturnType<typeof progressBar> {
  const bar = progressBar(stream, label);
  bars.push(bar);
  return bar;
}

const framesOf = (text: string) =>
  text
    .split(LINE_START)
    .slice(1)
    .map((frame) => frame.slice(0, frame.indexOf(CLEAR_RIGHT)))
    .filter(Boolean);

test("each update redraws the same line with the count and the file", () => {
  const { stream, text } = recorder(100);
  const bar = barOn(stream, "读取评分表");
  bar.update(1, 4, "a.xlsx");
  bar.update(2, 4, "b.xlsx");
  const frames = framesOf(text());
  expect(frames).toHaveLength(2);
  expect(frames[1]).toMatch(/^读取评分表 █{12}░{12} 2\/4 b\.xlsx$/);
  expect(text()).not.toContain("\n");
});

test("a long file name keeps its distinguishing end", () => {
  const { stream, text } = recorder(60);
  barOn(stream, "读取").update(1, 1, `${"很长的文件夹名/".repeat(10)}第九党支部-考评.xlsx`);
  const frame = framesOf(text())[0];
  expect(frame).toMatch(/….*第九党支部-考评\.xlsx$/);
  // within the terminal's 60 cells, one spare; a two-cell CJK character may leave one more
  expect(stringWidth(frame)).toBeLessThanOrEqual(59);
  expect(stringWidth(frame)).toBeGreaterThanOrEqual(58);
});

test("finish clears the line, and writes nothing when nothing was drawn", () => {
  const drawn = recorder();
  const bar = barOn(drawn.stream, "读取");
  bar.update(1, 1, "a.xlsx");
  bar.finish();
  expect(drawn.text().endsWith(`${LINE_START}${CLEAR_LINE}`)).toBe(true);
  const idle = recorder();
  barOn(idle.stream, "读取").finish();
  expect(idle.text()).toBe("");
});
