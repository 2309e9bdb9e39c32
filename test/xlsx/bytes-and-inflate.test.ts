/**
 * The byte-level reader's Buffer-free helpers, checked against Node's own Buffer and zlib as the oracle, and the
 * reader itself on a plain Uint8Array (what the browser hands it).
 */
import { randomBytes } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import { contains, readU16, readU32, readU64, startsWith, utf16le, utf8 } from "../../src/hosts/xlsx/bytes";
import { inflatedLength, InflateLimitError, inflateRaw, inflateWithFflate } from "../../src/hosts/xlsx/inflate";
import { inflateWithZlib } from "../../src/hosts/xlsx/inflate-node";
import { readWorkbookBuffer } from "../../src/hosts/xlsx/read";
import { readWorkbookBytes } from "../../src/hosts/xlsx/read-bytes";
import { writePlanToBuffer } from "../../src/hosts/xlsx/write";
import { samplePlan } from "./sample-plan";

/** A plain Uint8Array copy: no Buffer methods to fall back on. */
function plain(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

describe("little-endian reads", () => {
  const buffer = Buffer.concat([randomBytes(64), Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x1f, 0x00])]);
  const bytes = plain(buffer);

  test("agree with Buffer's at every offset, high bits included", () => {
    for (let offset = 0; offset + 8 <= bytes.length; offset++) {
      expect(readU16(bytes, offset)).toBe(buffer.readUInt16LE(offset));
      expect(readU32(bytes, offset)).toBe(buffer.readUInt32LE(offset));
      expect(readU64(bytes, offset)).toBe(Number(buffer.readBigUInt64LE(offset)));
    }
  });

  test("refuse offsets outside the bytes", () => {
    expect(() => readU32(bytes, bytes.length - 3)).toThrow(RangeError);
    expect(() => readU16(bytes, -1)).toThrow(RangeError);
  });
});

describe("text and searching", () => {
  test("utf16le and utf8 agree with Buffer's encodings", () => {
    const text = "EncryptionInfo 党支部 扣分理由 😀";
    expect(Buffer.from(utf16le(text)).equals(Buffer.from(text, "utf16le"))).toBe(true);
    expect(utf8(plain(Buffer.from(text, "utf8")))).toBe(text);
  });

  test("contains finds a pattern wherever Buffer.includes does", () => {
    const haystack = Buffer.concat([randomBytes(5000), Buffer.from("EncryptedPackage", "utf16le"), randomBytes(300)]);
    const needle = Buffer.from("EncryptedPackage", "utf16le");
    expect(contains(plain(haystack), plain(needle))).toBe(true);
    expect(contains(plain(haystack.subarray(0, 5000 + needle.length - 1)), plain(needle))).toBe(haystack.subarray(0, 5000 + needle.length - 1).includes(needle));
    expect(startsWith(plain(haystack), plain(haystack.subarray(0, 8)))).toBe(true);
    expect(startsWith(plain(haystack.subarray(0, 3)), plain(haystack.subarray(0, 8)))).toBe(false);
  });
});

describe.each([
  ["fflate (anywhere)", inflateWithFflate],
  ["Node's zlib", inflateWithZlib],
])("raw inflate, parts whole by %s", (_, whole) => {
  // worksheet-like XML of about half a megabyte: unpacked whole (up to 8 MB), as nearly every part is
  const original = Buffer.from(Array.from({ length: 20000 }, (_, i) => `<c r="A${i}"><v>${(i * 37) % 1000}</v></c>`).join(""));
  const packed = plain(deflateRawSync(original));

  test("unpacks what zlib packed", async () => {
    expect(Buffer.from(await inflateRaw(packed, original.length, whole)).equals(original)).toBe(true);
    await expect(inflatedLength(packed, original.length, whole)).resolves.toBe(original.length);
  });

  test("stops with InflateLimitError once the output passes the limit", async () => {
    await expect(inflatedLength(packed, original.length - 1, whole)).rejects.toBeInstanceOf(InflateLimitError);
  });

  test("rejects damaged or incomplete data with an error carrying a numeric code, not a limit error", async () => {
    const damaged = plain(packed);
    damaged.fill(0xff, 10, 60);
    for (const bad of [damaged, packed.subarray(0, packed.length >> 1)]) {
      const error = await inflateRaw(bad, original.length, whole).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).not.toBeInstanceOf(InflateLimitError);
      expect(typeof (error as { code?: unknown } | null)?.code).toBe("number");
    }
  });
});

test("the reader takes a plain Uint8Array and reads it as it reads a Buffer", async () => {
  const buffer = await writePlanToBuffer(samplePlan());
  expect(Buffer.isBuffer(plain(buffer))).toBe(false);
  expect(await readWorkbookBytes(plain(buffer), "sample.xlsx")).toEqual(await readWorkbookBuffer(buffer, "sample.xlsx"));
});

test("without DecompressionStream (an old web view) files are still read: unpacking needs no platform inflater", async () => {
  const buffer = await writePlanToBuffer(samplePlan());
  const expected = await readWorkbookBytes(plain(buffer), "第一党支部.xlsx");
  const saved = globalThis.DecompressionStream;
  Reflect.deleteProperty(globalThis, "DecompressionStream");
  try {
    expect(await readWorkbookBytes(plain(buffer), "第一党支部.xlsx")).toEqual(expected);
  } finally {
    globalThis.DecompressionStream = saved;
  }
});
