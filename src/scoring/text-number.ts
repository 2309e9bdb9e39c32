/**
 * Numbers typed as text ("２．５", "1.5 分", " 2 "). Text in a numeric input counts 0, in the engine as in the sheet's
 * formulas (which cannot read it), and is an error; for an unambiguous text the message proposes the number to type.
 */

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

/** A percentage typed as text: "96%", "９６％". */
const TRAILING_PERCENT = /[\s\u3000\u00a0]*[%％]$/;

/**
 * The number to propose for a text in a numeric input: the text number, or for "96%" the 96 a percentage quantity
 * takes; null when the text is ambiguous.
 */
export function proposedNumber(text: string): number | null {
  const trimmed = text.replace(SURROUNDING_SPACE, "");
  return parseTextNumber(TRAILING_PERCENT.test(trimmed) ? trimmed.replace(TRAILING_PERCENT, "") : trimmed);
}
