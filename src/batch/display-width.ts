/**
 * Text laid out in terminal cells, so columns line up in a console: widths come from string-width (CJK and full-width
 * characters take two cells). Used by the CLI's tables, the demo report and the progress bar.
 */
import stringWidth from "string-width";

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - stringWidth(text)));
}

/** The end of `text` within `width` cells, marked with … when cut (the end of a path tells files apart). */
export function tailWithin(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  const chars = [...text];
  let kept = "";
  let used = 1; // the ellipsis
  for (let i = chars.length - 1; i >= 0; i--) {
    const cell = stringWidth(chars[i]);
    if (used + cell > width) break;
    kept = chars[i] + kept;
    used += cell;
  }
  return `…${kept}`;
}
