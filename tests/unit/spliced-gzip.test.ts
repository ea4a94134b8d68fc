// A page gzipped once with a per-answer value spliced in must be a gzip member any reader takes
// (Node's zlib, which checks the CRC-32 and the length, and the system's gzip), holding exactly the
// page with that value in every place.
import { execFileSync } from "node:child_process";
import { crc32, gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptsGzip } from "~/http/document-encoding.server";
import { SplicedPage } from "~/http/spliced-gzip.server";

const NONCE = "kEpT+nOnCe/0123456789A==";

/** A page like a rendered one: Vietnamese text, the nonce in the head, the body and the scripts at the end. */
function pageText(cards: number): string {
  const card = (i: number) => `<li><a href="/san-pham/nuoc-mam-${i}">Nước mắm Phú Quốc 40 độ đạm số ${i}</a> 150.000 ₫ ★★★★</li>`;
  return (
    `<!DOCTYPE html><html lang="vi"><head><script nonce="${NONCE}">globalThis.x=1;</script></head><body><ul>` +
    Array.from({ length: cards }, (_, i) => card(i)).join("") +
    `</ul><script nonce="${NONCE}">a()</script><script nonce="${NONCE}" type="module">b()</script></body></html>`
  );
}

/** A fresh value of the kept nonce's length, as every nonce is (16 random bytes in base64). */
const fresh = (i: number) => `fReSh${String(i).padStart(3, "0")}nonce/abcdefgh==`;

describe("a page kept gzipped around its nonce's places", () => {
  it("decompresses, with Node's zlib and with gzip, to the page with the new value everywhere", () => {
    for (const cards of [0, 24, 2000]) {
      // 2,000 cards: ~250 kB, several deflate blocks per part.
      const text = pageText(cards);
      const page = new SplicedPage(text, NONCE);
      expect(page.slots).toBe(3);
      for (const value of [fresh(1), fresh(2)]) {
        const expected = text.replaceAll(NONCE, value);
        const gz = page.gzip(value);
        expect(gunzipSync(gz).toString()).toBe(expected);
        expect(execFileSync("gzip", ["-dc"], { input: gz }).toString()).toBe(expected);
        expect(gz.readUInt32LE(gz.length - 8)).toBe(crc32(expected));
        expect(page.text(value).toString()).toBe(expected);
        if (cards > 0) expect(gz.length).toBeLessThan(Buffer.byteLength(expected) / 3);
      }
    }
  });

  it("gives two answers different values, each whole", () => {
    const text = pageText(24);
    const page = new SplicedPage(text, NONCE);
    const [a, b] = [page.gzip(fresh(1)), page.gzip(fresh(2))];
    expect(a.equals(b)).toBe(false);
    expect(gunzipSync(a).toString()).toBe(text.replaceAll(NONCE, fresh(1)));
    expect(gunzipSync(b).toString()).toBe(text.replaceAll(NONCE, fresh(2)));
    expect(gunzipSync(a).toString()).not.toContain(NONCE);
  });

  it("refers back to the text before a nonce, never into one: a part that repeats the page before it costs little", () => {
    // The loader's data repeats the cards' text after the nonce of the scripts; a match may reach back
    // across the nonce's place (the kept nonce there would be a wrong reference: the answer has another).
    // 20 kB of text that compresses only ~2:1 (pseudo-random words), so a repeat's cost shows.
    let seed = 12345;
    const word = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), `sản-phẩm-${seed.toString(36)} `);
    const cards = Array.from({ length: 1000 }, word).join("").slice(0, 20_000);
    // The start of the kept nonce again after it: a reference into the kept nonce would copy the fresh one's bytes.
    const echo = `<script nonce="${NONCE.slice(0, 16)}`;
    const text = `${cards}<script nonce="${NONCE}">${cards}${echo}</script><script nonce="${NONCE}">${NONCE}${echo}${cards}`;
    const page = new SplicedPage(text, NONCE);
    const gz = page.gzip(fresh(3));
    expect(gunzipSync(gz).toString()).toBe(text.replaceAll(NONCE, fresh(3)));
    expect(execFileSync("gzip", ["-dc"], { input: gz }).toString()).toBe(text.replaceAll(NONCE, fresh(3)));
    expect(gz.length).toBeLessThan(1.2 * gzipSync(cards).length);
  });

  it("refuses a value of another length than the kept nonce's", () => {
    const page = new SplicedPage(pageText(3), NONCE);
    expect(() => page.gzip(`${fresh(1)}x`)).toThrow(RangeError);
    expect(() => page.gzip("")).toThrow(RangeError);
  });

  it("takes a value at the very start, at the very end, twice in a row, or nowhere", () => {
    for (const text of [`${NONCE}middle${NONCE}`, `${NONCE}${NONCE}`, NONCE, "no value here", ""]) {
      const page = new SplicedPage(text, NONCE);
      expect(gunzipSync(page.gzip(fresh(7))).toString()).toBe(text.replaceAll(NONCE, fresh(7)));
    }
    const plain = new SplicedPage("<urlset>sitemap</urlset>", null);
    expect(plain.slots).toBe(0);
    expect(gunzipSync(plain.gzip("")).toString()).toBe("<urlset>sitemap</urlset>");
  });
});

describe("whether a client takes gzip", () => {
  it("follows Accept-Encoding and its weights", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8, *;q=0.1")).toBe(true);
    expect(acceptsGzip("GZIP")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip("")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip("br, deflate")).toBe(false);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("gzip; q=0.000, *")).toBe(false);
    expect(acceptsGzip("*, gzip;q=0")).toBe(false);
    expect(acceptsGzip("*;q=0")).toBe(false);
  });
});
