/** Plans give widths in characters (as ExcelJS and the xlsx file do); Office.js wants points. */

const DIGIT_PIXELS = 7; // Calibri 11, Excel's default
const PADDING_PIXELS = 5;
const POINTS_PER_PIXEL = 0.75;

export function characterWidthToPoints(characters: number): number {
  return (characters * DIGIT_PIXELS + PADDING_PIXELS) * POINTS_PER_PIXEL;
}

export function pointsToCharacterWidth(points: number): number {
  return Math.round(((points / POINTS_PER_PIXEL - PADDING_PIXELS) / DIGIT_PIXELS) * 100) / 100;
}
