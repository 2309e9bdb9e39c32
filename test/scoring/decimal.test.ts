import {
  add,
  ceilDiv,
  compare,
  divide,
  isMultipleOf,
  max,
  min,
  mul,
  mulDiv,
  normalize,
  round,
  round2,
  sub,
  sum,
} from "../../src/numbers/decimal";

describe("decimal: exact results where doubles drift", () => {
  // each left-hand side drifts in plain floating point (shown in the comment)
  test.each([
    ["add(0.1, 0.2)", () => add(0.1, 0.2), 0.3, "0.30000000000000004"],
    ["sub(4, 3.4)", () => sub(4, 3.4), 0.6, "0.6000000000000001"],
    ["sub(0.3, 0.1)", () => sub(0.3, 0.1), 0.2, "0.19999999999999998"],
    ["mul(3, 1.1)", () => mul(3, 1.1), 3.3, "3.3000000000000003"],
    ["mul(0.1, 0.7)", () => mul(0.1, 0.7), 0.07, "0.06999999999999999"],
    ["sum 0.1 × 10", () => sum(Array(10).fill(0.1)), 1, "0.9999999999999999"],
  ])("%s", (_name, compute, expected, floatResult) => {
    expect(compute()).toBe(expected);
    expect(String(compute())).toBe(String(expected));
    expect(floatResult).not.toBe(String(expected));
  });

  test("the float results quoted above really drift", () => {
    expect(String(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(String(4 - 3.4)).toBe("0.6000000000000001");
    expect(String(3 * 1.1)).toBe("3.3000000000000003");
  });

  test("normalize removes float noise and never gives -0", () => {
    expect(normalize(0.1 + 0.2)).toBe(0.3);
    expect(Object.is(normalize(-0), 0)).toBe(true);
    expect(Object.is(sub(1.5, 1.5), 0)).toBe(true);
  });

  test("sum of an empty list is 0; sum accepts any iterable", () => {
    expect(sum([])).toBe(0);
    expect(sum(new Set([0.5, 1, 0.7]))).toBe(2.2);
  });

  test("mul of large operands stays exact (BigInt path)", () => {
    // 1234.5678 × 98.7654 = 121932.58259412, kept to 6 decimals: 121932.582594
    // (in millionths the operands multiply to about 1.2e17, past the safe-integer range)
    expect(mul(1234.5678, 98.7654)).toBe(121932.582594);
  });
});

describe("decimal: rounding half away from zero", () => {
  test.each([
    [2.345, 2.35],
    [2.344, 2.34],
    [-2.345, -2.35],
    [1.005, 1.01], // a double just below 1.005: decimal rounding still gives 1.01, like Excel's ROUND
    [3.4, 3.4],
    [0.125, 0.13],
    [-0.001, 0],
  ])("round2(%p) = %p", (value, expected) => {
    expect(round2(value)).toBe(expected);
  });

  test("round to other places", () => {
    expect(round(2.5, 0)).toBe(3);
    expect(round(-2.5, 0)).toBe(-3);
    expect(round(0.66666666, 4)).toBe(0.6667);
  });

  test.each([
    // a, b, c, expected a×b/c to 2 places
    [85, 4, 100, 3.4],
    [77, 4, 100, 3.08],
    [1, 4, 3, 1.33],
    [2, 4, 3, 2.67],
    [87.5, 5, 100, 4.38], // 4.375 exactly → 4.38
    [-87.5, 5, 100, -4.38],
  ])("mulDiv(%p, %p, %p) = %p", (a, b, c, expected) => {
    expect(mulDiv(a, b, c)).toBe(expected);
  });

  test("divide rounds to the places asked", () => {
    expect(divide(2, 3)).toBe(0.67);
    expect(divide(2, 3, 4)).toBe(0.6667);
    expect(divide(7, 8, 3)).toBe(0.875);
    expect(() => divide(1, 0)).toThrow(RangeError);
  });
});

describe("decimal: comparisons, steps and ceilings", () => {
  test("compare works on the exact decimals", () => {
    expect(compare(0.1 + 0.2, 0.3)).toBe(0);
    expect(compare(89.5, 90)).toBe(-1);
    expect(compare(90, 89.99)).toBe(1);
  });

  test("min and max return the normalized operand", () => {
    expect(min(0.1 + 0.2, 1)).toBe(0.3);
    expect(max(0.1 + 0.2, 0)).toBe(0.3);
    expect(min(2, -1)).toBe(-1);
  });

  test.each([
    [1.5, 0.5, true],
    [0.3, 0.5, false],
    [0, 0.5, true],
    [-1, 0.5, true],
    [0.3, 0.1, true], // 0.3 is not an integer multiple of 0.1 in doubles, but is in decimals
    [0.7, 0.1, true],
    [0.25, 0.1, false],
    [0.5000001, 0.5, false], // more decimals than kept
    [2, 0, false],
  ])("isMultipleOf(%p, %p) = %p", (value, step, expected) => {
    expect(isMultipleOf(value, step)).toBe(expected);
  });

  test.each([
    [0, 4, 0],
    [1, 4, 1],
    [4, 4, 1],
    [4.5, 4, 2],
    [8, 4, 2],
    [0.3, 0.1, 3], // 0.3 / 0.1 = 2.9999999999999996 in doubles
    [0.7, 0.1, 7],
    [-1, 4, 0],
  ])("ceilDiv(%p, %p) = %p", (a, b, expected) => {
    expect(ceilDiv(a, b)).toBe(expected);
  });

  test("ceilDiv refuses a divisor that is not positive", () => {
    expect(() => ceilDiv(1, 0)).toThrow(RangeError);
  });
});
