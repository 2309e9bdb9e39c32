/**
 * Little-endian reads, searches and text decoding over plain Uint8Arrays: what the byte-level reader needs from
 * Node's Buffer, without Buffer, so the same code runs in Node and in the task pane's browser.
 */

function checkRange(bytes: Uint8Array, offset: number, size: number): void {
  if (!Number.isInteger(offset) || offset < 0 || offset + size > bytes.length) {
    throw new RangeError(`offset ${offset} is out of range (${bytes.length} bytes)`);
  }
}

export function readU16(bytes: Uint8Array, offset: number): number {
  checkRange(bytes, offset, 2);
  return bytes[offset] | (bytes[offset + 1] << 8);
}

export function readU32(bytes: Uint8Array, offset: number): number {
  checkRange(bytes, offset, 4);
  return (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16)) + bytes[offset + 3] * 0x1000000;
}

/** A 64-bit field as a Number: sizes beyond 2^53 are absurd anyway, and a Number compares against limits. */
export function readU64(bytes: Uint8Array, offset: number): number {
  return readU32(bytes, offset) + readU32(bytes, offset + 4) * 0x100000000;
}

const UTF8 = new TextDecoder("utf-8");

/** Invalid sequences become U+FFFD, as Buffer's toString("utf8") does. */
export function utf8(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

export function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    bytes[index * 2] = unit & 0xff;
    bytes[index * 2 + 1] = unit >> 8;
  }
  return bytes;
}

export function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let index = 0; index < prefix.length; index++) if (bytes[index] !== prefix[index]) return false;
  return true;
}

export function contains(bytes: Uint8Array, pattern: Uint8Array): boolean {
  if (pattern.length === 0) return true;
  const first = pattern[0];
  const last = bytes.length - pattern.length;
  for (let at = bytes.indexOf(first); at !== -1 && at <= last; at = bytes.indexOf(first, at + 1)) {
    let index = 1;
    while (index < pattern.length && bytes[at + index] === pattern[index]) index++;
    if (index === pattern.length) return true;
  }
  return false;
}

export function concatBytes(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const joined = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}
