/**
 * The Node stand-ins bundled into the task pane's 汇总 chunk must behave like Node where the xlsx host relies on them:
 * the same inflated bytes, the same error code when output passes the cap (the zip-bomb guard), an error on corrupt
 * data, and 64-bit little-endian reads for zip64 sizes.
 */
import { randomBytes } from "node:crypto";
import { deflateRawSync, inflateRawSync as nodeInflateRawSync } from "node:zlib";
import { Buffer as BrowserBuffer } from "../../src/taskpane/summary/browser-shims/buffer";
import { inflateRawSync } from "../../src/taskpane/summary/browser-shims/zlib";

function codeOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return "no error";
}

describe("inflateRawSync (browser)", () => {
  // text that compresses well, plus random bytes that do not, across several 16 KB output chunks
  const original = Buffer.concat([Buffer.from("<row><c r=\"A1\" t=\"s\"><v>0</v></c></row>".repeat(3000)), randomBytes(40_000)]);
  const packed = deflateRawSync(original);

  test("gives the bytes Node gives", () => {
    const inflated = inflateRawSync(packed, { maxOutputLength: original.length });
    expect(Buffer.from(inflated).equals(nodeInflateRawSync(packed))).toBe(true);
    expect(inflated.length).toBe(original.length);
  });

  test("stops with Node's ERR_BUFFER_TOO_LARGE once the output passes the cap", () => {
    const cap = original.length - 1;
    expect(codeOf(() => nodeInflateRawSync(packed, { maxOutputLength: cap }))).toBe("ERR_BUFFER_TOO_LARGE");
    expect(codeOf(() => inflateRawSync(packed, { maxOutputLength: cap }))).toBe("ERR_BUFFER_TOO_LARGE");
  });

  test("a highly compressed run is refused without unpacking it all", () => {
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024));
    expect(codeOf(() => inflateRawSync(bomb, { maxOutputLength: 1024 }))).toBe("ERR_BUFFER_TOO_LARGE");
  });

  test("corrupt data throws, as Node's does", () => {
    const corrupt = Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x13, 0x37]);
    expect(codeOf(() => nodeInflateRawSync(corrupt))).not.toBe("no error");
    expect(codeOf(() => inflateRawSync(corrupt))).not.toBe("no error");
  });
});

describe("Buffer (browser)", () => {
  test("readBigUInt64LE reads what Node writes", () => {
    const node = Buffer.alloc(12);
    node.writeBigUInt64LE(2n ** 40n + 12345n, 3);
    const browser = BrowserBuffer.from(node) as unknown as { readBigUInt64LE(offset: number): bigint };
    expect(browser.readBigUInt64LE(3)).toBe(2n ** 40n + 12345n);
    expect(() => browser.readBigUInt64LE(5)).toThrow(/out of range/);
  });
});

test("the shim is the buffer package, not Node's own Buffer", () => {
  expect(BrowserBuffer).not.toBe(Buffer);
});
