/**
 * Exact decimal arithmetic on plain numbers, so that no 0.1 + 0.2 = 0.30000000000000004 reaches a user.
 *
 * Every operand is read as a fixed-point integer of millionths (6 decimals, far finer than any score or step),
 * the operation is done on integers, and the result is returned as the double nearest to the exact decimal
 * (so `String(add(0.1, 0.2))` is "0.3"). Inputs must be finite; results are exact up to ±9 × 10^9 (the
 * safe-integer range in millionths), far beyond any score. Rounding is half away from zero, like the
 * spreadsheet ROUND function that the templates' formulas use.
 */

/** Decimal places kept by every operation. */
const DECIMALS = 6;
const SCALE = 10 ** DECIMALS;
const BIG_SCALE = BigInt(SCALE);

/** Integer division rounded half away from zero (both arguments safe integers, divisor > 0). */
function divideRounded(dividend: number, divisor: number): number {
  const remainder = dividend % divisor;
  const quotient = (dividend - remainder) / divisor;
  if (2 * Math.abs(remainder) >= divisor) return quotient + Math.sign(dividend);
  return quotient;
}

function bigDivideRounded(dividend: bigint, divisor: bigint): bigint {
  const negative = dividend < 0n !== divisor < 0n;
  const numerator = dividend < 0n ? -dividend : dividend;
  const denominator = divisor < 0n ? -divisor : divisor;
  let quotient = numerator / denominator;
  if (2n * (numerator % denominator) >= denominator) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** The value in millionths, rounded half away from zero. */
function toUnits(value: number): number {
  const units = value * SCALE;
  return units < 0 ? -Math.round(-units) : Math.round(units);
}

function fromUnits(units: number): number {
  // IEEE division is correctly rounded, so this is the double nearest to the decimal units / 10^6;
  // "+ 0" turns -0 into 0
  return units / SCALE + 0;
}

/** The same value with float noise removed (kept to 6 decimals): normalize(0.1 + 0.2) === 0.3. */
export function normalize(value: number): number {
  return fromUnits(toUnits(value));
}

export function add(a: number, b: number): number {
  return fromUnits(toUnits(a) + toUnits(b));
}

export function sub(a: number, b: number): number {
  return fromUnits(toUnits(a) - toUnits(b));
}

export function sum(values: Iterable<number>): number {
  let units = 0;
  for (const value of values) units += toUnits(value);
  return fromUnits(units);
}

export function mul(a: number, b: number): number {
  const product = toUnits(a) * toUnits(b);
  if (Number.isSafeInteger(product)) return fromUnits(divideRounded(product, SCALE));
  return fromUnits(Number(bigDivideRounded(BigInt(toUnits(a)) * BigInt(toUnits(b)), BIG_SCALE)));
}

/** a × b / c rounded half away from zero to `decimals` places, computed exactly (c ≠ 0). */
export function mulDiv(a: number, b: number, c: number, decimals = 2): number {
  const places = 10n ** BigInt(decimals);
  const numerator = BigInt(toUnits(a)) * BigInt(toUnits(b)) * places;
  const denominator = BigInt(toUnits(c)) * BIG_SCALE;
  if (denominator === 0n) throw new RangeError("mulDiv: division by zero");
  return Number(bigDivideRounded(numerator, denominator)) / Number(places);
}

/** a / b rounded half away from zero to `decimals` places, computed exactly (b ≠ 0). */
export function divide(a: number, b: number, decimals = 2): number {
  return mulDiv(a, 1, b, decimals);
}

/** ceil(a / b) as a whole number, exactly (b > 0): the count of started steps of size b in a. */
export function ceilDiv(a: number, b: number): number {
  const dividend = toUnits(a);
  const divisor = toUnits(b);
  if (divisor <= 0) throw new RangeError("ceilDiv: divisor must be positive");
  const remainder = dividend % divisor;
  const truncated = (dividend - remainder) / divisor;
  return remainder > 0 ? truncated + 1 : truncated;
}

/** -1, 0 or 1 as a is below, equal to or above b (at 6 decimals). */
export function compare(a: number, b: number): -1 | 0 | 1 {
  const difference = toUnits(a) - toUnits(b);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

export function min(a: number, b: number): number {
  return compare(a, b) <= 0 ? normalize(a) : normalize(b);
}

export function max(a: number, b: number): number {
  return compare(a, b) >= 0 ? normalize(a) : normalize(b);
}

/** Rounded to `decimals` places (≤ 6), half away from zero: round(2.345) === 2.35, round(-2.345) === -2.35. */
export function round(value: number, decimals: number): number {
  const step = 10 ** (DECIMALS - decimals);
  return divideRounded(toUnits(value), step) / 10 ** decimals + 0;
}

/** Rounded to 2 decimals, half away from zero. */
export function round2(value: number): number {
  return round(value, 2);
}

/**
 * True when value is a whole multiple of step (step > 0), e.g. isMultipleOf(1.5, 0.5). A value with more
 * decimals than are kept (0.5000001) is not a multiple of anything coarser.
 */
export function isMultipleOf(value: number, step: number): boolean {
  const units = toUnits(value);
  if (Math.abs(value * SCALE - units) > 1e-6) return false;
  const stepUnits = toUnits(step);
  return stepUnits > 0 && units % stepUnits === 0;
}
