/**
 * Node only: whole parts unpacked by Node's zlib (native code, about three times faster than fflate on worksheet
 * XML), with fflate's contract (./inflate): the declared size as a hard cap, and a numeric `code` on damaged data.
 */
import { inflateRawSync } from "node:zlib";
import { limitError, type WholeInflater } from "./inflate";

export const inflateWithZlib: WholeInflater = (data, maxOutputLength) => {
  try {
    // zlib stops as soon as the output would pass maxOutputLength (it needs at least 1)
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxOutputLength) });
  } catch (error) {
    const { code, errno } = error as { code?: unknown; errno?: unknown };
    if (code === "ERR_BUFFER_TOO_LARGE") throw limitError(maxOutputLength);
    if (typeof errno === "number") throw Object.assign(new Error(`zlib: ${(error as Error).message}`), { code: errno });
    throw error;
  }
};
