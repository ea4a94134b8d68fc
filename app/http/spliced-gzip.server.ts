// A kept page compressed once, although every answer carries a nonce of its own (issue 11's
// nonce-based CSP). The page is cut at each occurrence of the nonce it was rendered with; each static
// part is compressed once, as raw deflate ending in a sync flush (byte-aligned, not final), so that
// parts can follow one another in one deflate stream. Per answer, the fresh nonce goes between them
// as a stored (uncompressed) block, a final empty block closes the stream, and the gzip trailer's
// CRC-32 is combined from the parts' CRCs and the nonce's (zlib's crc32_combine): nothing of the
// page itself is compressed, copied into a string or checksummed again per answer (RFC 1951, 1952).
// A part may refer back to the text before it (the preset dictionary, as pigz does between its
// blocks), but never into a nonce: the dictionary holds 0xFF bytes in the nonce's places, a byte that
// UTF-8 text never contains, so no match can cover one. The fresh nonce has the same length as the
// kept one, so every distance lands where the compressor meant it to.
import { constants, crc32, deflateRawSync } from "node:zlib";

/** RFC 1952: magic, deflate, no flags, no time, no extra flags, unknown OS. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** A final fixed-Huffman block holding only its end code: what zlib's Z_FINISH writes after a flush. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** Deflate's window: how far back a match may reach. */
const WINDOW = 32 * 1024;

/** A page cut where a per-answer value goes: `parts[0] value parts[1] value … parts[n]`. */
export class SplicedPage {
  /** The static parts, as UTF-8. */
  readonly parts: Buffer[];
  /** Each part as raw deflate ending in a sync flush (empty for an empty part). */
  private readonly deflated: Buffer[];
  private readonly crcs: number[];
  /** x^(8·length) mod P of each part: moves a CRC past the part (crc32_combine's operator). */
  private readonly shifts: number[];
  /** The page's length without the values; the gzipped length without the values' stored blocks. */
  private readonly staticBytes: number;
  private readonly deflatedBytes: number;
  /** The length every value must have (the placeholder's, in UTF-8). */
  private readonly slotBytes: number;

  /**
   * `placeholder` is cut out of `text` wherever it occurs (null: nowhere, a page without a nonce);
   * every value spliced in later has its length.
   */
  constructor(text: string, placeholder: string | null) {
    this.parts = (placeholder ? text.split(placeholder) : [text]).map((part) => Buffer.from(part));
    this.slotBytes = placeholder ? Buffer.byteLength(placeholder) : 0;
    // What the decompressor will have seen before each part, the values masked out.
    const mask = Buffer.alloc(this.slotBytes, 0xff);
    let before = Buffer.alloc(0);
    this.deflated = this.parts.map((part, i) => {
      const deflated =
        part.length === 0 ? part
        : deflateRawSync(part, { finishFlush: constants.Z_SYNC_FLUSH, ...(before.length > 0 ? { dictionary: before } : {}) });
      before = Buffer.concat([before, part, ...(i < this.parts.length - 1 ? [mask] : [])]);
      if (before.length > WINDOW) before = before.subarray(before.length - WINDOW);
      return deflated;
    });
    this.crcs = this.parts.map((part) => crc32(part));
    this.shifts = this.parts.map((part) => shiftFor(part.length));
    this.staticBytes = this.parts.reduce((n, part) => n + part.length, 0);
    this.deflatedBytes = this.deflated.reduce((n, part) => n + part.length, 0);
  }

  /** Memory held, for the cache's bound. */
  get bytes(): number {
    return this.staticBytes + this.deflatedBytes;
  }

  /** How many times the value goes in. */
  get slots(): number {
    return this.parts.length - 1;
  }

  /** The page with `value` in every slot (of the placeholder's length). */
  text(value: string): Buffer {
    if (this.parts.length === 1) return this.parts[0]!;
    const fill = Buffer.from(value);
    const pieces: Buffer[] = [this.parts[0]!];
    for (let i = 1; i < this.parts.length; i++) pieces.push(fill, this.parts[i]!);
    return Buffer.concat(pieces, this.staticBytes + fill.length * this.slots);
  }

  /** The page with `value` in every slot, as a gzip member (any gunzip reads it). */
  gzip(value: string): Buffer {
    const fill = Buffer.from(value);
    // Another length would move the text after it, and the back-references of the parts after it with it.
    if (this.slots > 0 && fill.length !== this.slotBytes) throw new RangeError("a spliced value has the placeholder's length");
    if (fill.length > 0xffff) throw new RangeError("a spliced value fits one stored block");
    const stored = Buffer.allocUnsafe(5 + fill.length);
    // Stored block (RFC 1951 3.2.4): BFINAL 0, BTYPE 00, padded to the byte (it is: a flush came
    // before), LEN and its one's complement, little-endian, then the bytes.
    stored[0] = 0;
    stored.writeUInt16LE(fill.length, 1);
    stored.writeUInt16LE(~fill.length & 0xffff, 3);
    fill.copy(stored, 5);
    const fillCrc = crc32(fill);
    const fillShift = shiftFor(fill.length);
    let crc = this.crcs[0]!;
    const pieces: Buffer[] = [GZIP_HEADER, this.deflated[0]!];
    for (let i = 1; i < this.parts.length; i++) {
      crc = (multModP(fillShift, crc) ^ fillCrc) >>> 0;
      crc = (multModP(this.shifts[i]!, crc) ^ this.crcs[i]!) >>> 0;
      pieces.push(stored, this.deflated[i]!);
    }
    const trailer = Buffer.allocUnsafe(8);
    trailer.writeUInt32LE(crc, 0);
    trailer.writeUInt32LE((this.staticBytes + fill.length * this.slots) % 2 ** 32, 4);
    pieces.push(FINAL_BLOCK, trailer);
    const length = GZIP_HEADER.length + this.deflatedBytes + stored.length * this.slots + FINAL_BLOCK.length + 8;
    return Buffer.concat(pieces, length);
  }
}

// CRC-32 arithmetic modulo its polynomial, bit-reflected as zlib computes it (zlib's crc32.c):
// the CRC of A followed by B is shift(len(B))·crc(A) XOR crc(B).
const POLY = 0xedb88320;

/** a·b modulo P. */
function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo P, k = 0…31. */
const X2N: number[] = [];
for (let k = 0, p = 1 << 30; k < 32; k++, p = multModP(p, p)) X2N.push(p >>> 0);

/** x^(8·bytes) modulo P. */
function shiftFor(bytes: number): number {
  let p = 0x80000000; // x^0
  for (let n = bytes, k = 3; n > 0; n = Math.floor(n / 2), k++) if (n & 1) p = multModP(X2N[k & 31]!, p);
  return p;
}
