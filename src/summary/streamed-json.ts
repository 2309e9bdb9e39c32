/**
 * JSON text as JSON.stringify(value, null, 2) writes it, made piece by piece: arrays given as StreamedArray have their
 * items made (and turned into text) one at a time, so a `compile --json` of 20 000 branches is never one string nor
 * one object in memory (issue 12). Everything else is JSON.stringify's own text, indented to its depth. Pure.
 */

/** An array whose items are made one at a time, as the text is written. */
export class StreamedArray<T = unknown> {
  constructor(
    readonly length: number,
    readonly at: (index: number) => T,
  ) {}

  static of<S, T>(items: readonly S[], make: (item: S) => T): StreamedArray<T> {
    return new StreamedArray(items.length, (index) => make(items[index]));
  }
}

const GAP = "  ";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof StreamedArray);
}

/** Whether a StreamedArray is somewhere among the object's values (then its text is made here, not by JSON.stringify). */
function holdsStreamed(value: unknown): boolean {
  if (value instanceof StreamedArray) return true;
  return isPlainObject(value) && typeof value.toJSON !== "function" && Object.values(value).some(holdsStreamed);
}

/** JSON.stringify's text of a value nested `depth` levels deep (its lines after the first indented to that depth). */
function nestedText(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, GAP) ?? "null";
  return depth === 0 ? text : text.replaceAll("\n", `\n${GAP.repeat(depth)}`);
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function* valueText(value: unknown, depth: number): Generator<string> {
  if (value instanceof StreamedArray) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    const inner = GAP.repeat(depth + 1);
    yield "[";
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value.at(index);
      yield `${index === 0 ? "" : ","}\n${inner}`;
      yield* omitted(item) ? ["null"] : valueText(item, depth + 1);
    }
    yield `\n${GAP.repeat(depth)}]`;
  } else if (holdsStreamed(value)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => !omitted(item));
    const inner = GAP.repeat(depth + 1);
    yield "{";
    for (const [index, [key, item]] of entries.entries()) {
      yield `${index === 0 ? "" : ","}\n${inner}${JSON.stringify(key)}: `;
      yield* valueText(item, depth + 1);
    }
    yield entries.length === 0 ? "}" : `\n${GAP.repeat(depth)}}`;
  } else {
    yield nestedText(value, depth);
  }
}

/** JSON.stringify(value, null, 2) with its StreamedArrays' items, in pieces of about `size` characters. */
export function* jsonPieces(value: unknown, size = 1 << 16): Generator<string> {
  let piece = "";
  for (const text of valueText(value, 0)) {
    piece += text;
    if (piece.length >= size) {
      yield piece;
      piece = "";
    }
  }
  if (piece !== "") yield piece;
}
