/**
 * Raw deflate (zip method 8) through fflate's streaming inflater: the same code in Node, the browser and a worker,
 * synchronous (no DecompressionStream needed), and the output arrives in chunks, so a part can be parsed as it
 * unpacks and a zip bomb is stopped at its limit instead of being unpacked whole. A part of ordinary size is unpacked
 * in one call by a WholeInflater: fflate's by default, Node's zlib where there is one (./inflate-node, about three
 * times faster).
 */
import { Inflate, inflateSync } from "fflate";
import { concatBytes } from "./bytes";

/** The output passed the limit given; unpacking stopped there. */
export class InflateLimitError extends Error {
  override readonly name = "InflateLimitError";
}

/**
 * Unpacks a whole part of at most `maxOutputLength` bytes in one call. Throws InflateLimitError past the limit, and an
 * error with a numeric `code` for damaged or incomplete data.
 */
export type WholeInflater = (data: Uint8Array, maxOutputLength: number) => Uint8Array;

export const limitError = (maxOutputLength: number) => new InflateLimitError(`unpacked data exceeds ${maxOutputLength} bytes`);

/** fflate's, into a buffer of the declared size. */
export const inflateWithFflate: WholeInflater = (data, maxOutputLength) => {
  // one byte of room beyond the limit: fflate stops silently at the end of the buffer, so a full buffer means more
  const out = inflateSync(data, { out: new Uint8Array(maxOutputLength + 1) });
  if (out.length > maxOutputLength) throw limitError(maxOutputLength);
  return out;
};

/** Parts up to this size are unpacked in one call into a buffer of their declared size (faster than streaming). */
const WHOLE_UP_TO = 8 * 1024 * 1024;

// small input slices bound what one push can produce (deflate cannot exceed about 1032:1)
const SLICE = 16 * 1024;

/**
 * Feeds `data` through the inflater, handing each output chunk to `onChunk`, and returns the unpacked length. Throws
 * InflateLimitError as soon as the output passes `maxOutputLength`, and an error with a numeric `code` on corrupt or
 * incomplete data.
 */
export function inflateChunks(data: Uint8Array, maxOutputLength: number, onChunk: (chunk: Uint8Array) => void, whole = inflateWithFflate): number {
  if (maxOutputLength <= WHOLE_UP_TO) {
    const out = whole(data, maxOutputLength);
    if (out.length > 0) onChunk(out);
    return out.length;
  }
  let length = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    length += chunk.length;
    if (length > maxOutputLength) throw limitError(maxOutputLength);
    if (chunk.length > 0) onChunk(chunk);
    if (final) ended = true;
  });
  for (let at = 0; at < data.length; at += SLICE) {
    const end = Math.min(data.length, at + SLICE);
    inflater.push(data.subarray(at, end), end === data.length);
  }
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  // fflate's own errors carry a numeric code; an unfinished stream gets one too, so callers tell data errors apart
  if (!ended) throw Object.assign(new Error("deflate stream is incomplete"), { code: 0 });
  return length;
}

/** The unpacked size, without keeping the output. */
export async function inflatedLength(data: Uint8Array, maxOutputLength: number, whole = inflateWithFflate): Promise<number> {
  return inflateChunks(data, maxOutputLength, () => undefined, whole);
}

/** The unpacked data; with `maxOutputLength`, throws InflateLimitError as soon as the output passes it. */
export async function inflateRaw(data: Uint8Array, maxOutputLength = Infinity, whole = inflateWithFflate): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  // fflate reuses no output buffers across callbacks, so the chunks can be kept as they are
  const length = inflateChunks(data, maxOutputLength, (chunk) => chunks.push(chunk), whole);
  return chunks.length === 1 ? chunks[0] : concatBytes(chunks, length);
}
