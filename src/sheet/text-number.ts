/**
 * Numbers typed as text ("２．５", "1.5 分", " 2 "): the reader converts the unambiguous ones, and leaves everything
 * else as text so the engine reports it (not-a-number) instead of the reader guessing.
 */
import type { CellValue } from "../scoring/types";

const FULL_WIDTH_DIGIT_OFFSET = "０".charCodeAt(0) - "0".charCodeAt(0);

/** Full-width forms a Chinese input method produces; the ideographic full stop "。" is NOT among them (too easily a typo). */
function toHalfWidth(text: string): string {
  return text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - FULL_WIDTH_DIGIT_OFFSET))
    .replace(/．/g, ".")
    .replace(/＋/g, "+")
    .replace(/[－−]/g, "-");
}

/** Spaces of every width, including the ideographic space U+3000 and no-break space. */
const SURROUNDING_SPACE = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g;
/** A plain decimal: optional sign, digits with at most one point; no thousands separators, no exponent. */
const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** The unit 分 at the end, with optional spaces before it. */
const TRAILING_POINTS_UNIT = /[\s\u3000\u00a0]*分$/;

/**
 * The number a text stands for when it is unambiguous, else null. Accepted: surrounding spaces, full-width digits and
 * point, a leading + or -, a trailing 分. Refused: ranges ("1-2"), approximations ("约2"), commas ("2,5" is 2.5 or
 * 25), Chinese numerals ("两分"), several points ("1.2.3"), an empty text.
 */
export function parseTextNumber(text: string): number | null {
  const normalised = toHalfWidth(text).replace(SURROUNDING_SPACE, "").replace(TRAILING_POINTS_UNIT, "");
  if (!PLAIN_DECIMAL.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** A cell value with unambiguous text numbers converted; `converted` tells the caller to warn about it. */
export function convertTextNumber(value: CellValue): { value: CellValue; converted: boolean } {
  if (typeof value !== "string") return { value, converted: false };
  const number = parseTextNumber(value);
  return number === null ? { value, converted: false } : { value: number, converted: true };
}
