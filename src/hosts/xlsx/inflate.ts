/**
 * Raw deflate (zip method 8) through the standard DecompressionStream, present in Node ≥ 20 and in the browsers the
 * task pane runs in, so the byte-level reader needs neither node:zlib nor a bundled inflater.
 */
import { concatBytes } from "./bytes";

/** The output passed the limit given; unpacking stopped there. */
export class InflateLimitError extends Error {
  override readonly name = "InflateLimitError";
}

export function canInflate(): boolean {
  return typeof DecompressionStream === "function";
}

/** Feeds `data` through the inflater and hands each output chunk to `onChunk`; rejects on corrupt data. */
async function pump(data: Uint8Array, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  // a failed write or close fails the readable side too, which is where the error is reported. (The DOM typings
  // want an ArrayBuffer-backed view; file bytes never live in a SharedArrayBuffer.)
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      onChunk(value);
    }
  } catch (error) {
    // stop unpacking at once (a limit passed, or corrupt data), releasing the inflater
    await reader.cancel().catch(() => undefined);
    throw error;
  }
}

/**
 * The unpacked size, without keeping the output. Throws InflateLimitError as soon as it passes `maxOutputLength`, so a
 * zip bomb is caught without unpacking it.
 */
export async function inflatedLength(data: Uint8Array, maxOutputLength: number): Promise<number> {
  let length = 0;
  await pump(data, (chunk) => {
    length += chunk.length;
    if (length > maxOutputLength) throw new InflateLimitError(`unpacked data exceeds ${maxOutputLength} bytes`);
  });
  return length;
}

/** The unpacked data; with `maxOutputLength`, throws InflateLimitError as soon as the output passes it. */
export async function inflateRaw(data: Uint8Array, maxOutputLength = Infinity): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  await pump(data, (chunk) => {
    length += chunk.length;
    if (length > maxOutputLength) throw new InflateLimitError(`unpacked data exceeds ${maxOutputLength} bytes`);
    chunks.push(chunk);
  });
  return chunks.length === 1 ? chunks[0] : concatBytes(chunks, length);
}
