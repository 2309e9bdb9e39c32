/** Terminal cells a text takes: CJK and full-width characters count two, so columns line up in a console. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** The end of `text` within `width` cells, marked with … when cut (the end of a path tells files apart). */
export function tailWithin(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const chars = [...text];
  let kept = "";
  let used = 1; // the ellipsis
  for (let i = chars.length - 1; i >= 0; i--) {
    const cell = displayWidth(chars[i]);
    if (used + cell > width) break;
    kept = chars[i] + kept;
    used += cell;
  }
  return `…${kept}`;
}
