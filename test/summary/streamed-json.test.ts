/**
 * jsonPieces: JSON.stringify(value, null, 2)'s text, with StreamedArrays' items made one at a time (compile --json of
 * 20 000 branches). Compared with JSON.stringify of the same value with every StreamedArray made whole.
 */
import { jsonPieces, StreamedArray } from "../../src/summary/streamed-json";

/** The value with its StreamedArrays made whole (as JSON.stringify would see them). */
function whole(value: unknown): unknown {
  if (value instanceof StreamedArray) return Array.from({ length: value.length }, (_, index) => whole(value.at(index)));
  if (typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, whole(item)]));
  }
  return value;
}

const rows = [
  { name: "第一党支部", total: 92.5, notes: [], fields: {}, nested: { deep: [1, [2, { three: "\n\t\"引号\"\u2028" }]] } },
  { name: "=HYPERLINK(\"x\")", total: -0, skipped: undefined, when: new Date(Date.UTC(2026, 0, 10)), nan: NaN, list: [undefined, () => 1] },
  {},
];

test.each([
  ["lists streamed at several depths, with undefined values and empty lists", {
    scheme: "lianghua-yichuang",
    rows: StreamedArray.of(rows, (row) => row),
    empty: StreamedArray.of([], (row) => row),
    gone: undefined,
    differences: { threshold: 1, subjects: StreamedArray.of([1, 2], (n) => ({ n, items: StreamedArray.of([n], (k) => k * 1.5) })) },
    holes: new StreamedArray(3, (index) => (index === 1 ? undefined : index)),
    roster: null,
  }],
  ["a streamed list at the top", StreamedArray.of(rows, (row) => row)],
  ["nothing streamed", { a: [1, { b: "c" }], d: {} }],
])("%s", (_, value) => {
  expect(Array.from(jsonPieces(value)).join("")).toBe(JSON.stringify(whole(value), null, 2));
});

test("long texts come in pieces of about the size asked for, the same text joined", () => {
  const value = { rows: StreamedArray.of(Array.from({ length: 500 }, (_, i) => i), (i) => ({ subject: `第${i}党支部`, total: i / 4 })) };
  const pieces = Array.from(jsonPieces(value, 1000));
  expect(pieces.length).toBeGreaterThan(20);
  expect(pieces.slice(0, -1).every((piece) => piece.length >= 1000 && piece.length < 1200)).toBe(true);
  expect(pieces.join("")).toBe(JSON.stringify(whole(value), null, 2));
});
