/**
 * `node:zlib` for the browser bundle: only inflateRawSync, which the xlsx host's byte checks use. Like Node's, it
 * stops with code ERR_BUFFER_TOO_LARGE as soon as the output passes `maxOutputLength`, so a zip bomb is caught without
 * unpacking it, and it throws on corrupt data.
 */
import { Inflate } from "pako";
import { Buffer } from "./buffer";

export interface InflateOptions {
  maxOutputLength?: number;
}

class InflateError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export function inflateRawSync(data: Uint8Array, options: InflateOptions = {}): Buffer {
  const limit = options.maxOutputLength ?? Number.MAX_SAFE_INTEGER;
  const chunks: Buffer[] = [];
  let length = 0;
  const inflater = new Inflate({ raw: true });
  inflater.onData = (chunk: Uint8Array) => {
    length += chunk.length;
    if (length > limit) throw new InflateError(`Cannot create a Buffer larger than ${limit} bytes`, "ERR_BUFFER_TOO_LARGE");
    chunks.push(Buffer.from(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.length));
  };
  inflater.push(data, true);
  if (inflater.err) throw new InflateError(inflater.msg || "invalid deflate data", "Z_DATA_ERROR");
  return Buffer.concat(chunks, length);
}
