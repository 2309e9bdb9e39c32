/**
 * How much room a text needs in a sheet: lines when wrapped in a column of a given width, and the row height those
 * lines take. The one home of this estimate: templates, 反馈单, ballots and the summary sheets size their rows with it.
 * Pure; string-width says which characters are wide (CJK, full-width).
 */
import stringWidth from "string-width";

/** The template's body font: the size the constants below were measured at. */
export const REFERENCE_FONT_SIZE = 10;

// a wrapped line of 10 pt CJK text: about 13.5 pt in Excel (等线), 14.5 pt in LibreOffice (Noto Sans CJK); the taller
// one, so no program cuts off the last line
const LINE_HEIGHT = 14.5;
const PADDING = 4;

/**
 * Display width in column-width units of 10 pt text: a CJK or full-width character takes about 1.8 (Excel with
 * DengXian ≈ 1.9, LibreOffice ≈ 1.6); erring wide leaves a little space rather than hiding wrapped lines.
 */
const WIDE_CHARACTER = 1.8;

/**
 * The share of a line's width text is taken to fill: LibreOffice's glyphs run a few per cent wider than the widths
 * above in some columns (digits among CJK text), and at 1.0 it printed the last word of a few 评分标准 cut off. From
 * 0.97 down every built-in template prints with no word cut off (test/print/templates.test.ts looks for the ink of
 * every word); 0.96 leaves a little room.
 */
const LINE_FILL = 0.96;

/**
 * Punctuation and signs of East Asian Ambiguous width that our texts use: among Chinese text they are drawn full-width
 * (“数量”, ≥4次, 0–20). string-width 4 counts them narrow; its versions that can count them wide are ES modules only,
 * which this CommonJS build cannot load.
 */
const AMBIGUOUS = /[–—“”‘’…·×÷±°§≥≤]/;

/** string-width says which characters are wide; remembered per character, as string-width is slow on one character. */
const charWidths = new Map<string, number>();

function charWidth(char: string): number {
  let width = charWidths.get(char);
  if (width === undefined) {
    width = stringWidth(char) === 2 || AMBIGUOUS.test(char) ? WIDE_CHARACTER : 1;
    charWidths.set(char, width);
  }
  return width;
}

/** Width of `value` in column-width units at `fontSize` points (one line, no wrapping). */
export function textWidth(value: string, fontSize: number = REFERENCE_FONT_SIZE): number {
  let width = 0;
  for (const char of value) width += charWidth(char);
  return (width * fontSize) / REFERENCE_FONT_SIZE;
}

/**
 * The widths (10 pt units) of the pieces a line breaks between: each wide character alone (CJK text breaks between any
 * two), a space alone, and each run of other characters whole (programs do not break inside a word or a number such as
 * 1.3.1 or 0.5–1).
 */
function pieceWidths(paragraph: string): number[] {
  const widths: number[] = [];
  let word = 0;
  for (const char of paragraph) {
    const width = charWidth(char);
    if (width === 1 && char !== " ") {
      word += width;
      continue;
    }
    if (word > 0) widths.push(word);
    word = 0;
    widths.push(width);
  }
  if (word > 0) widths.push(word);
  return widths;
}

/** Lines one paragraph takes in lines `usable` units wide (10 pt units), filled piece by piece as a program wraps. */
function paragraphLines(paragraph: string, usable: number): number {
  let lines = 1;
  let used = 0;
  for (const width of pieceWidths(paragraph)) {
    if (used > 0 && used + width > usable) {
      lines += 1;
      used = 0;
    }
    // a word longer than a whole line is broken inside after all
    const extra = Math.max(0, Math.ceil(width / usable) - 1);
    lines += extra;
    used += width - extra * usable;
  }
  return lines;
}

/**
 * Lines a wrapped text needs in a column of `width` characters at `fontSize` points. `unit` is the pixel width of the
 * workbook base font's character that column widths count (Calibri 11: 7). Lines are filled piece by piece, as a
 * spreadsheet program wraps, so a line holds only whole characters and words: total width over line width (the
 * estimate before) let a line hold part of a character, and LibreOffice printed the last line of some long 考核内容
 * and 佐证材料 cut off.
 */
export function wrappedLines(value: string, width: number, fontSize: number = REFERENCE_FONT_SIZE, unit = 7): number {
  const usable = Math.max(1, width * (REFERENCE_FONT_SIZE / fontSize) * (unit / 7) * LINE_FILL - 1);
  return value.split("\n").reduce((lines, paragraph) => lines + paragraphLines(paragraph, usable), 0);
}

/** The height of a row showing `lines` lines at `fontSize` points, with `padding` points above and below the text. */
export function rowHeightFor(lines: number, fontSize: number = REFERENCE_FONT_SIZE, padding = PADDING): number {
  return Math.round((Math.max(1, lines) * LINE_HEIGHT * (fontSize / REFERENCE_FONT_SIZE) + padding) * 2) / 2;
}

/** One cell's text as it sits in its column. */
export interface FittedText {
  text: string;
  /** the column's (or merged columns') width in characters */
  width: number;
  fontSize: number;
  /** false: one line, cut at the cell's edge */
  wrap: boolean;
}

/** The height a row needs for the tallest of its cells' texts. */
export function heightNeeded(cells: readonly FittedText[]): number {
  const heights = cells.filter((cell) => cell.text !== "").map((cell) => rowHeightFor(cell.wrap ? wrappedLines(cell.text, cell.width, cell.fontSize) : 1, cell.fontSize));
  return Math.max(rowHeightFor(1, cells[0]?.fontSize ?? REFERENCE_FONT_SIZE), ...heights);
}

/** `value` cut to at most `lines` wrapped lines in a column of `width`, ending in … when cut. */
export function shortenToLines(value: string, width: number, lines: number, fontSize: number = REFERENCE_FONT_SIZE): string {
  if (wrappedLines(value, width, fontSize) <= lines) return value;
  const chars = [...value.replace(/\n/g, " ")];
  // the longest prefix (plus …) that fits: one pass from the front, as the texts are short
  let kept = "";
  for (const char of chars) {
    if (wrappedLines(`${kept}${char}…`, width, fontSize) > lines) break;
    kept += char;
  }
  return `${kept}…`;
}
