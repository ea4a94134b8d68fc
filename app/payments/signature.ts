// Comparing a signature someone sent with the one we computed, in constant time. Both are hex
// strings, compared case-insensitively; anything of another byte length (a forged signature with
// non-ASCII characters, a truncated one) is simply not equal. `timingSafeEqual` throws on
// buffers of different lengths, so the lengths are compared as bytes first, never as characters.
import { timingSafeEqual } from "node:crypto";

export function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given.toLowerCase(), "utf8");
  const b = Buffer.from(expected.toLowerCase(), "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
