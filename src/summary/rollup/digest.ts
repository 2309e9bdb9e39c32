/** SHA-256 of text (UTF-8), as lowercase hex: the data sheet's integrity check. @noble/hashes is synchronous and Node-free, unlike Web Crypto. */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
