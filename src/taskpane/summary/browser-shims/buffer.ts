/**
 * Node's Buffer for the browser bundle: the `buffer` package (already installed through ExcelJS), plus the one method
 * the xlsx host's zip reader needs that buffer 5 lacks (readBigUInt64LE, for zip64 sizes).
 */
// "buffer/" is the npm package even where Node has its own built-in "buffer" (jest)
import { Buffer } from "buffer/";

type WithBigRead = { readBigUInt64LE?: (offset?: number) => bigint };

const prototype = Buffer.prototype as unknown as WithBigRead & Uint8Array;
if (typeof prototype.readBigUInt64LE !== "function") {
  prototype.readBigUInt64LE = function readBigUInt64LE(this: Uint8Array, offset = 0): bigint {
    if (offset < 0 || offset + 8 > this.length) throw new RangeError(`offset ${offset} is out of range`);
    const view = new DataView(this.buffer, this.byteOffset, this.byteLength);
    return view.getBigUint64(offset, true);
  };
}

export { Buffer };
